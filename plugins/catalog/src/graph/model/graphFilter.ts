import { RELATION_PAIRS, reverseRelation } from '@greenroom/catalog-model';

/** Which kinds and relation types the graph shows; empty lists mean "all". */
export interface GraphFilterSelection {
  kinds: readonly string[];
  /** Forward relation types (`ownedBy`); each includes its reverse. */
  relations: readonly string[];
}

export interface GraphFilter {
  includesKind(kind: string): boolean;
  followsRelation(type: string): boolean;
}

/** The forward type of each built-in pair, the values the relation filter offers. */
export const RELATION_FILTER_OPTIONS: readonly string[] = RELATION_PAIRS.map(
  ([forward]) => forward,
);

/** Kind and relation checks, case-insensitive on kinds as the catalog is. */
export function createGraphFilter(selection: GraphFilterSelection): GraphFilter {
  const kinds = new Set(selection.kinds.map(kind => kind.toLowerCase()));
  const relations = new Set<string>();
  for (const type of selection.relations) {
    relations.add(type);
    const reverse = reverseRelation(type);
    if (reverse) relations.add(reverse);
  }
  return {
    includesKind: kind => kinds.size === 0 || kinds.has(kind.toLowerCase()),
    followsRelation: type => relations.size === 0 || relations.has(type),
  };
}
