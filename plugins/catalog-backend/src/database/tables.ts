/** Table names, in one place so queries and migrations can not drift apart. */
export const TABLES = {
  entities: 'final_entities',
  search: 'entity_search',
  relations: 'relations',
  secrets: 'catalog_secrets',
  /** The engine's side (migration 0004): one row per unprocessed entity, due times, cache. */
  refreshState: 'refresh_state',
  /** Parent → child edges (provider → root, Location → entity read from its file). */
  references: 'refresh_state_references',
  /** Relations as processing emitted them, before stitching groups them by source. */
  processedRelations: 'processed_relations',
  refreshKeys: 'refresh_keys',
  /** Refs to stitch (migration 0005): queued with the write that changed them. */
  stitchQueue: 'stitch_queue',
  /** Locations registered through the API (migration 0003, see src/locations/). */
  locations: 'locations',
} as const;

/** The table that records which catalog migrations ran. */
export const MIGRATIONS_TABLE = 'catalog_migrations';

/** Longest key or value kept matchable in the search table (longer values: existence only). */
export const MAX_SEARCH_TEXT_LENGTH = 200;

/** Search rows written per entity at most; a pathological entity can not bloat the table. */
export const MAX_SEARCH_ROWS_PER_ENTITY = 1000;

export interface FinalEntityRow {
  entity_id: string;
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  full_text: string;
  final_entity: string;
  hash: string;
  updated_at: number | string;
  /** Hash of the entity's search rows; null on rows written before migration 0005. */
  search_hash: string | null;
  /** Hash of the entity's relation rows; null on rows written before migration 0005. */
  relations_hash: string | null;
}

export interface SearchRow {
  entity_id: string;
  key: string;
  /** Lowercased; null when the original was too long to match on. */
  value: string | null;
  /** The original casing, for facets; null when it equals `value`. */
  original_value: string | null;
}

export interface RelationRow {
  entity_id: string;
  source_entity_ref: string;
  /** Lowercased relation type (`ownedby`), as filters name it. */
  type: string;
  target_entity_ref: string;
}
