import { DEFAULT_NAMESPACE, type Entity } from '@greenroom/catalog-model';
import { MAX_SEARCH_ROWS_PER_ENTITY, MAX_SEARCH_TEXT_LENGTH, type SearchRow } from './tables';

// Not filterable through the search table: relations have their own table, status and etag
// change on every stitch, and uid/name/namespace/kind are columns of final_entities (the
// three display values are still written below so facets can return their original casing).
const SKIPPED_PATHS = new Set([
  'relations',
  'status',
  'attachments',
  'metadata.uid',
  'metadata.etag',
]);
const COLUMN_PATHS = new Set(['kind', 'metadata.name', 'metadata.namespace']);

/**
 * The search rows of one entity: one row per scalar leaf and per array element, keyed by the
 * lowercased dot path (arrays add no path segment). Unlike a fully flattened index there are
 * no synthetic `path.<item>` rows: the filter compiler rewrites such keys onto the array rows.
 */
export function buildSearchRows(entityId: string, entity: Entity): SearchRow[] {
  const rows = new Map<string, SearchRow>();
  const add = (key: string, raw: string | null) => {
    if (rows.size >= MAX_SEARCH_ROWS_PER_ENTITY || key.length > MAX_SEARCH_TEXT_LENGTH) return;
    const tooLong = raw !== null && raw.length > MAX_SEARCH_TEXT_LENGTH;
    const original = tooLong ? null : raw;
    const value = original === null ? null : original.toLowerCase();
    const id = `${key}\u0000${value ?? '\u0001'}`;
    if (rows.has(id)) return;
    rows.set(id, {
      entity_id: entityId,
      key,
      value,
      original_value: original !== null && original !== value ? original : null,
    });
  };
  const walk = (node: unknown, path: string) => {
    if (SKIPPED_PATHS.has(path)) return;
    if (node === null || node === undefined) {
      add(path, null);
    } else if (Array.isArray(node)) {
      for (const item of node) walk(item, path);
    } else if (typeof node === 'object') {
      for (const [k, v] of Object.entries(node))
        walk(v, path ? `${path}.${k.toLowerCase()}` : k.toLowerCase());
    } else if (!COLUMN_PATHS.has(path)) {
      add(path, String(node));
    }
  };
  add('kind', entity.kind);
  add('metadata.namespace', entity.metadata.namespace || DEFAULT_NAMESPACE);
  add('metadata.name', entity.metadata.name);
  walk(entity, '');
  return [...rows.values()];
}

/** The lowercased text `fullTextFilterTerm` searches when no fields are given. */
export function buildFullText(entity: Entity): string {
  const { name, title, description } = entity.metadata;
  return [name, title, description]
    .filter((part): part is string => typeof part === 'string')
    .join('\n')
    .toLowerCase();
}
