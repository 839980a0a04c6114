import type { Entity } from '@greenroom/catalog-model';

/** An entity a provider hands to the catalog, not yet processed. */
export interface DeferredEntity {
  entity: Entity;
  /** Entities with the same key may replace each other; another key claiming the ref conflicts. */
  locationKey?: string;
}

/** `full` replaces the provider's whole set (missing ones are deleted with their descendants). */
export type EntityProviderMutation =
  | { type: 'full'; entities: DeferredEntity[] }
  | {
      type: 'delta';
      added: DeferredEntity[];
      removed: Array<DeferredEntity | { entityRef: string; locationKey?: string }>;
    };

export interface EntityProviderRefreshOptions {
  /** Every entity that registered one of these refresh keys is processed again soon. */
  keys: string[];
}

/** What a provider gets on connect: how it writes into the catalog. */
export interface EntityProviderConnection {
  applyMutation(mutation: EntityProviderMutation): Promise<void>;
  refresh(options: EntityProviderRefreshOptions): Promise<void>;
}

/** A source of entities (Backstage's `EntityProvider`); the name must be unique and stable. */
export interface EntityProvider {
  getProviderName(): string;
  connect(connection: EntityProviderConnection): Promise<void>;
}
