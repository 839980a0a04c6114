import type { Entity } from '@greenroom/catalog-model';
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

/** The entity a page shows, while it loads and after. */
export interface AsyncEntityState {
  entity?: Entity;
  loading: boolean;
  error?: Error;
  /** Loads the entity again, e.g. after a refresh. */
  refresh?: () => void;
}

const EntityContext = createContext<AsyncEntityState | undefined>(undefined);

/** Gives the cards of an entity page the entity they show. */
export function EntityProvider(props: AsyncEntityState & { children: ReactNode }) {
  const { children, ...state } = props;
  return <EntityContext.Provider value={state}>{children}</EntityContext.Provider>;
}

/** The entity state of the surrounding page, loading or not. */
export function useAsyncEntity(): AsyncEntityState {
  const state = useContext(EntityContext);
  if (!state) throw new Error('useAsyncEntity must be used inside an EntityProvider');
  return state;
}

/** The loaded entity of the surrounding page; for cards rendered once it is there. */
export function useEntity<T extends Entity = Entity>(): { entity: T; refresh?: () => void } {
  const { entity, refresh } = useAsyncEntity();
  if (!entity) throw new Error('useEntity was called before the entity loaded');
  return { entity: entity as T, refresh };
}
