import { identityApiRef, storageApiRef, useApi } from '@greenroom/frontend-plugin-api';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { stringifyRef } from '../utils/entityRefs';
import { StarredEntities } from './StarredEntities';

const NONE: readonly string[] = [];

/**
 * The signed-in user's starred entities (canonical refs) and a toggle. Until the identity is
 * known, the list is empty and `ready` is false.
 */
export function useStarredEntities(): {
  ready: boolean;
  starredEntityRefs: readonly string[];
  isStarred: (entityRef: string) => boolean;
  toggleStarred: (entityRef: string) => void;
} {
  const identityApi = useApi(identityApiRef);
  const storageApi = useApi(storageApiRef);
  const [store, setStore] = useState<StarredEntities>();

  useEffect(() => {
    let current = true;
    identityApi.getBackstageIdentity().then(
      identity => current && setStore(new StarredEntities(storageApi, identity.userEntityRef)),
      () => undefined, // signed out: nothing starred, nothing to toggle
    );
    return () => {
      current = false;
    };
  }, [identityApi, storageApi]);

  const subscribe = useCallback(
    (listener: () => void) => store?.subscribe(listener) ?? (() => undefined),
    [store],
  );
  // A stable snapshot: the stored JSON text changes only when the list does.
  const snapshot = useSyncExternalStore(subscribe, () => JSON.stringify(store?.list() ?? NONE));
  const starredEntityRefs = useMemo(() => JSON.parse(snapshot) as readonly string[], [snapshot]);

  const isStarred = useCallback(
    (entityRef: string) => {
      try {
        return starredEntityRefs.includes(stringifyRef(entityRef));
      } catch {
        return false;
      }
    },
    [starredEntityRefs],
  );
  const toggleStarred = useCallback(
    (entityRef: string) => {
      store?.toggle(entityRef);
    },
    [store],
  );
  return { ready: store !== undefined, starredEntityRefs, isStarred, toggleStarred };
}
