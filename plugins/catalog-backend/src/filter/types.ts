/**
 * The one filter shape every input form (the `filter` query parameter, filter predicates in
 * POST bodies) is parsed into, and the only one the database layer compiles. Keys and values
 * are already lowercased: matching is case-insensitive throughout.
 */
export type EntityFilter =
  | { allOf: EntityFilter[] }
  | { anyOf: EntityFilter[] }
  | { not: EntityFilter }
  | EntityFilterCondition;

/**
 * One condition on a dot path. `values` absent means "the key exists"; several values mean
 * "equals any of them". `prefix` matches values that start with it.
 */
export interface EntityFilterCondition {
  key: string;
  values?: string[];
  prefix?: string;
}

/** More conditions than this in one request is refused: each one is a subquery. */
export const MAX_FILTER_CONDITIONS = 100;

/** Nesting deeper than this is refused, so a hostile body can not exhaust the stack. */
export const MAX_FILTER_DEPTH = 10;

export function isCondition(filter: EntityFilter): filter is EntityFilterCondition {
  return 'key' in filter;
}
