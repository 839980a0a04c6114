import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { Link } from '@greenroom/ui';
import Typography from '@mui/material/Typography';
import { Handle, Position, useReactFlow } from '@xyflow/react';
import type { Node, NodeProps } from '@xyflow/react';
import type { FocusEvent } from 'react';
import type { GraphNode } from '../model/types';
import { catalogGraphTranslationRef } from '../translation/catalogGraphTranslationRef';

export type EntityFlowNode = Node<{ node: GraphNode; href: string }, 'entity'>;

const hiddenHandle = { visibility: 'hidden' } as const;

/**
 * An entity as a link to its page: clicking the box or pressing Enter on it navigates. The
 * links are the graph's tab stops; one that gets focus off screen is brought into view.
 */
export function EntityNode(props: NodeProps<EntityFlowNode>) {
  const { data, width, height, positionAbsoluteX, positionAbsoluteY } = props;
  const { node, href } = data;
  const { t } = useTranslationRef(catalogGraphTranslationRef);
  const flow = useReactFlow();

  const bringIntoView = (event: FocusEvent<HTMLElement>) => {
    const container = event.currentTarget.closest('.react-flow')?.getBoundingClientRect();
    const box = event.currentTarget.getBoundingClientRect();
    if (!container) return;
    const outside =
      box.left < container.left ||
      box.right > container.right ||
      box.top < container.top ||
      box.bottom > container.bottom;
    if (outside) {
      void flow.setCenter(
        positionAbsoluteX + (width ?? 0) / 2,
        positionAbsoluteY + (height ?? 0) / 2,
        { zoom: Math.max(flow.getZoom(), 0.8), duration: 200 },
      );
    }
  };

  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} style={hiddenHandle} />
      <Link
        to={href}
        underline="none"
        // A press on the link is a click, not the start of panning the canvas.
        className="nopan nodrag"
        aria-current={node.isRoot ? 'page' : undefined}
        data-entity-ref={node.ref}
        onFocus={bringIntoView}
        sx={{
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          boxSizing: 'border-box',
          width,
          height,
          px: 1.5,
          borderRadius: 1,
          border: node.isRoot ? 3 : 1,
          borderColor: node.isRoot ? 'primary.main' : 'divider',
          bgcolor: node.isRoot ? 'action.selected' : 'background.paper',
          color: 'text.primary',
          '&:hover': { borderColor: 'primary.main' },
          '&:focus-visible': { outline: 3, outlineColor: 'primary.main', outlineOffset: 2 },
        }}
      >
        <Typography variant="caption" color="text.secondary" noWrap>
          {node.isRoot ? `${node.kind} · ${t('card.rootHint')}` : node.kind}
        </Typography>
        <Typography variant="body2" noWrap sx={{ fontWeight: node.isRoot ? 700 : 500 }}>
          {node.title ?? node.name}
        </Typography>
      </Link>
      <Handle type="source" position={Position.Right} isConnectable={false} style={hiddenHandle} />
    </>
  );
}
