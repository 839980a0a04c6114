import { useApi } from '@greenroom/frontend-plugin-api';
import { catalogApiRef } from '@greenroom/plugin-catalog-react';
import { useEffect, useMemo, useState } from 'react';
import { createGraphEntityFetcher } from '../model/fetchGraphEntities';
import { createGraphFilter } from '../model/graphFilter';
import type { GraphFilterSelection } from '../model/graphFilter';
import type { RelationsGraph } from '../model/types';
import { walkRelations } from '../model/walkRelations';

export interface RelationsGraphState {
  /** The last graph loaded; kept on screen while the next one loads. */
  graph?: RelationsGraph;
  loading: boolean;
  error?: Error;
}

/** Walks the relations again whenever the root, depth or filters change. */
export function useRelationsGraph(
  entityRef: string,
  options: GraphFilterSelection & { depth: number; maxNodes: number },
): RelationsGraphState {
  const catalogApi = useApi(catalogApiRef);
  // One cache per root: moving between filters reuses entities already fetched.
  const fetchEntities = useMemo(() => {
    void entityRef;
    return createGraphEntityFetcher(catalogApi);
  }, [catalogApi, entityRef]);
  const { depth, maxNodes } = options;
  const kindsKey = options.kinds.join('\n');
  const relationsKey = options.relations.join('\n');
  const [state, setState] = useState<RelationsGraphState>({ loading: true });

  useEffect(() => {
    let current = true;
    setState(previous => ({ graph: previous.graph, loading: true }));
    const filter = createGraphFilter({
      kinds: kindsKey ? kindsKey.split('\n') : [],
      relations: relationsKey ? relationsKey.split('\n') : [],
    });
    walkRelations({ rootRef: entityRef, maxDepth: depth, maxNodes, filter, fetchEntities }).then(
      graph => current && setState({ graph, loading: false }),
      (error: unknown) =>
        current &&
        setState({
          loading: false,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
    return () => {
      current = false;
    };
  }, [entityRef, depth, maxNodes, kindsKey, relationsKey, fetchEntities]);

  return state;
}
