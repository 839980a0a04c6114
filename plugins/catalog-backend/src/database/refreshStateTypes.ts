import type { Entity } from '@greenroom/catalog-model';

/** An error as the engine stores it on `refresh_state.errors`. */
export interface StoredError {
  name: string;
  message: string;
  /** Emission order within the Location that reported it (merged with rejected children's). */
  position?: number;
  /**
   * Set when the error belongs to the children read from this file (it became unreadable):
   * it is shown on each of them instead of on the reporting entity.
   */
  children?: string;
  /** A lost conflict: the contested ref and the file it was read from (kept while unchanged). */
  conflict?: { ref: string; via?: string };
}

/** A row claimed from the due queue. */
export interface ClaimedEntity {
  entityId: string;
  entityRef: string;
  unprocessedEntity: Entity;
  hasProcessedEntity: boolean;
  resultHash: string | null;
  cache: Record<string, unknown>;
  errors: StoredError[];
  locationKey: string | null;
}

/** An entity emitted by a provider or a parent, not processed yet. */
export interface DeferredRow {
  /** The entity as JSON: children are kept serialised, so a 100k-entity file stays compact. */
  json: string;
  ref: string;
  locationKey?: string | null;
  /** The file a parent read it from (children only). */
  via?: string;
  position?: number;
}

export interface RefreshStateRow {
  entity_id: string;
  entity_ref: string;
  unprocessed_entity: string;
  unprocessed_hash: string;
  processed_entity: string | null;
  result_hash: string | null;
  cache: string | null;
  errors: string | null;
  location_key: string | null;
  source_key: string | null;
  next_update_at: number | string;
  last_discovery_at: number | string;
}

export function parseErrors(text: string | null | undefined): StoredError[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as StoredError[]) : [];
  } catch {
    return [];
  }
}

/** Children a Location already put in `refresh_state` while reading (held back, not due). */
export interface StagedChildren {
  /** Held by this Location (their `json` is dropped: only ref, key, via, position are needed). */
  accepted: DeferredRow[];
  /** Refs another location key holds; the Location gets a conflict error for each. */
  conflicts: Array<{ row: DeferredRow; holder: string | null }>;
}
