import { CATALOG_FILTER_EXISTS } from './CatalogApi';
import type { EntityFilterQuery } from './CatalogApi';

/**
 * One `filter` query value per filter set (the sets are ORed); inside a set, `key=value` pairs
 * joined by commas (ANDed across keys, ORed for repeated keys), exactly as catalog-client sends them.
 */
export function encodeFilter(filter: EntityFilterQuery | undefined): string[] {
  const sets = filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
  const encoded: string[] = [];
  for (const set of sets) {
    const parts: string[] = [];
    for (const [key, value] of Object.entries(set)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item === CATALOG_FILTER_EXISTS) parts.push(key);
        else if (typeof item === 'string') parts.push(`${key}=${item}`);
      }
    }
    if (parts.length > 0) encoded.push(parts.join(','));
  }
  return encoded;
}
