import type { Entity } from '@greenroom/catalog-model';
import { useApi } from '@greenroom/frontend-plugin-api';
import { catalogApiRef } from '@greenroom/plugin-catalog-react';
import { useCallback, useEffect, useState } from 'react';

/** The entity at `ref` (undefined when the catalog has none), reloadable. */
export function useEntityByRef(ref: { kind: string; namespace: string; name: string }) {
  const catalogApi = useApi(catalogApiRef);
  const [state, setState] = useState<{ loading: boolean; entity?: Entity; error?: Error }>({
    loading: true,
  });
  const [attempt, setAttempt] = useState(0);
  const { kind, namespace, name } = ref;

  useEffect(() => {
    let current = true;
    setState(previous => ({ ...previous, loading: true, error: undefined }));
    catalogApi.getEntityByRef({ kind, namespace, name }).then(
      entity => current && setState({ loading: false, entity }),
      (error: Error) => current && setState({ loading: false, error }),
    );
    return () => {
      current = false;
    };
  }, [catalogApi, kind, namespace, name, attempt]);

  const refresh = useCallback(() => setAttempt(n => n + 1), []);
  return { ...state, refresh };
}
