import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { BUILT_IN_KINDS } from '@greenroom/catalog-model';
import { ErrorPanel, InfoCard, Progress } from '@greenroom/ui';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { Suspense, lazy, useMemo, useState } from 'react';
import { catalogGraphTranslationRef } from '../translation/catalogGraphTranslationRef';
import { GraphFilters } from './GraphFilters';
import { useRelationsGraph } from './useRelationsGraph';

// React Flow and dagre are most of the graph's weight: they load with the first graph drawn.
const RelationsGraphView = lazy(() =>
  import('./RelationsGraphView').then(m => ({ default: m.RelationsGraphView })),
);

export interface EntityRelationsGraphCardProps {
  /** The entity in the middle, e.g. `component:default/artist-lookup`. */
  entityRef: string;
  /** Initial depth, 1 to 3. */
  depth?: number;
  /** The graph stops growing at this many entities and says so. */
  maxNodes?: number;
  /** Height of the drawing in pixels; by default 480, or 640 for graphs over 40 entities. */
  height?: number;
}

const BUILT_IN_KIND_NAMES = BUILT_IN_KINDS.map(kind => kind.kind);

/** The relations of one entity as an interactive graph; click an entity to open its page. */
export function EntityRelationsGraphCard(props: EntityRelationsGraphCardProps) {
  const { entityRef, maxNodes = 200 } = props;
  const { t } = useTranslationRef(catalogGraphTranslationRef);
  const [depth, setDepth] = useState(props.depth ?? 1);
  const [kinds, setKinds] = useState<string[]>([]);
  const [relations, setRelations] = useState<string[]>([]);
  const { graph, loading, error } = useRelationsGraph(entityRef, {
    depth,
    maxNodes,
    kinds,
    relations,
  });

  const kindOptions = useMemo(() => {
    const seen = new Set([...BUILT_IN_KIND_NAMES, ...kinds]);
    for (const node of graph?.nodes ?? []) seen.add(node.kind);
    return [...seen].sort((a, b) => a.localeCompare(b));
  }, [graph, kinds]);

  const shown = graph?.rootFound ? graph : undefined;
  const height = props.height ?? ((shown?.nodes.length ?? 0) > 40 ? 640 : 480);
  return (
    <InfoCard
      title={t('card.title')}
      subheader={
        shown && t('card.summary', { nodes: shown.nodes.length, edges: shown.edges.length })
      }
    >
      <GraphFilters
        depth={depth}
        onDepthChange={setDepth}
        kindOptions={kindOptions}
        kinds={kinds}
        onKindsChange={setKinds}
        relations={relations}
        onRelationsChange={setRelations}
      />
      {error && <ErrorPanel title={t('card.loadFailed')} error={error} />}
      {graph && !graph.rootFound && (
        <Alert severity="warning">{t('card.notFound', { entityRef })}</Alert>
      )}
      {shown?.capped && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {t('card.capped', { count: shown.nodes.length })}
        </Alert>
      )}
      {shown && shown.nodes.length <= 1 && !loading && (
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {t('card.empty')}
        </Typography>
      )}
      <Box sx={{ height: 4 }}>
        {loading && graph && <LinearProgress aria-label={t('card.loading')} />}
      </Box>
      {!graph && !error && <Progress />}
      {shown && (
        <Box sx={{ height, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Suspense fallback={<Progress />}>
            <RelationsGraphView graph={shown} label={t('card.graphLabel', { entityRef })} />
          </Suspense>
        </Box>
      )}
    </InfoCard>
  );
}
