/// <reference types="vite/client" />
import { useRouteRef, useTranslationRef } from '@greenroom/frontend-plugin-api';
import { entityRouteParams, entityRouteRef } from '@greenroom/plugin-catalog-react';
import { useTheme } from '@mui/material/styles';
import { Background, Controls, MarkerType, MiniMap, Panel, ReactFlow } from '@xyflow/react';
import type { Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useId, useMemo } from 'react';
import { layoutGraph } from '../model/layoutGraph';
import type { RelationsGraph } from '../model/types';
import { catalogGraphTranslationRef } from '../translation/catalogGraphTranslationRef';
import { EntityNode } from './EntityNode';
import type { EntityFlowNode } from './EntityNode';
import { relationColor } from './relationColors';
import { RelationLegend } from './RelationLegend';
import { relationLabel } from './relationLabel';

const nodeTypes = { entity: EntityNode };
const MAX_LABELLED_EDGES = 60;
// A new graph gets a fresh canvas, so it is fitted to the view again.
const graphIds = new WeakMap<RelationsGraph, number>();
let lastGraphId = 0;
function graphId(graph: RelationsGraph): number {
  let id = graphIds.get(graph);
  if (id === undefined) {
    lastGraphId += 1;
    id = lastGraphId;
    graphIds.set(graph, id);
  }
  return id;
}

/** The drawing: React Flow with a dagre layout. Loaded lazily by EntityRelationsGraphCard. */
export function RelationsGraphView(props: { graph: RelationsGraph; label: string }) {
  const { graph, label } = props;
  const { t } = useTranslationRef(catalogGraphTranslationRef);
  const theme = useTheme();
  const entityRoute = useRouteRef(entityRouteRef);
  // React Flow ids its markers and descriptions by this; two graphs on a page must differ.
  const flowId = useId();

  const { nodes, edges, types } = useMemo(() => {
    const boxes = layoutGraph(graph.nodes, graph.edges);
    const flowNodes: EntityFlowNode[] = graph.nodes.map(node => {
      const box = boxes.get(node.ref)!;
      return {
        id: node.ref,
        type: 'entity',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        // React Flow turns pointer events off on nodes it finds inert; the link needs them.
        style: { pointerEvents: 'all' },
        data: { node, href: entityRoute(entityRouteParams(node)) },
      };
    });
    // Past this many edges the labels pile up; the legend and colors carry the types instead.
    const showLabels = graph.edges.length <= MAX_LABELLED_EDGES;
    const flowEdges: Edge[] = graph.edges.map(edge => {
      const color = relationColor(edge.types[0]);
      return {
        id: edge.id,
        source: edge.from,
        target: edge.to,
        label: showLabels ? edge.types.map(type => relationLabel(t, type)).join(', ') : undefined,
        markerEnd: { type: MarkerType.ArrowClosed, color },
        style: { stroke: color, strokeWidth: 1.5 },
        labelStyle: { fill: theme.palette.text.primary, fontSize: 12 },
        labelBgStyle: { fill: theme.palette.background.paper },
        labelBgPadding: [4, 2] as [number, number],
      };
    });
    const types = [...new Set(graph.edges.flatMap(edge => edge.types))].sort();
    return { nodes: flowNodes, edges: flowEdges, types };
  }, [graph, t, theme, entityRoute]);

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('flow.nodeDescription'),
      'edge.a11yDescription.default': t('flow.edgeDescription'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('flow.minimap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t],
  );

  return (
    <ReactFlow
      key={graphId(graph)}
      id={flowId}
      aria-label={label}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      colorMode={theme.palette.mode}
      ariaLabelConfig={ariaLabelConfig}
      fitView
      fitViewOptions={{ padding: 0.15 }}
      minZoom={0.1}
      maxZoom={1.5}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
    >
      <Background />
      <Panel position="top-left">
        <RelationLegend types={types} />
      </Panel>
      <Controls showInteractive={false} />
      {nodes.length > 30 && <MiniMap pannable zoomable />}
    </ReactFlow>
  );
}
