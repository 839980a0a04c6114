import type { Entity } from '@greenroom/catalog-model';
import type { Knex } from 'knex';
import type { EntityFilter } from '../filter/types';
import { chunks } from './chunks';
import { applyFilter, escapeLike } from './compileFilter';
import { TABLES } from './tables';

export interface EntityOrder {
  /** A lowercased dot path. */
  field: string;
  order: 'asc' | 'desc';
}

export interface FullTextFilter {
  /** Matched as a case-insensitive substring. */
  term: string;
  /** Lowercased dot paths; default metadata.name, metadata.title and metadata.description. */
  fields?: string[];
}

export interface EntityListRequest {
  filter?: EntityFilter;
  fullText?: FullTextFilter;
  /** Ties and an empty list fall back to `metadata.uid`, so pages are stable. */
  order?: EntityOrder[];
  offset: number;
  limit: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** The read side of the catalog's storage. */
export interface EntityQueries {
  listEntities(request: EntityListRequest): Promise<Entity[]>;
  countEntities(request: Pick<EntityListRequest, 'filter' | 'fullText'>): Promise<number>;
  entityByUid(uid: string): Promise<Entity | undefined>;
  /** `ref` in canonical lowercase form (`kind:namespace/name`). */
  entityByRef(ref: string): Promise<Entity | undefined>;
  /** Canonical refs in; entities (or null when missing or filtered out) in the same order. */
  entitiesByRefs(refs: readonly string[], filter?: EntityFilter): Promise<(Entity | null)[]>;
  /** Value counts per facet key (original casing), most frequent first. */
  facets(keys: readonly string[], filter?: EntityFilter): Promise<Record<string, FacetCount[]>>;
}

const COLUMN_FIELDS: Record<string, string> = {
  kind: 'e.kind',
  'metadata.namespace': 'e.namespace',
  'metadata.name': 'e.name',
  'metadata.uid': 'e.entity_id',
};

const REF_CHUNK = 500;

export function createEntityQueries(knex: Knex): EntityQueries {
  const base = (filter?: EntityFilter, fullText?: FullTextFilter) => {
    const query = knex(`${TABLES.entities} as e`);
    applyFilter(query, filter);
    if (fullText) applyFullText(query, fullText);
    return query;
  };

  return {
    async listEntities({ filter, fullText, order = [], offset, limit }) {
      // Ids first, then their rows: the id query is answered from indexes alone, so
      // PostgreSQL walks (kind, entity_id) for a kind filter instead of the primary key (which,
      // with time-ordered uids, meant skipping every entity of the kinds loaded earlier: 40 ms
      // at 100k for one page).
      const query = base(filter, fullText).select('e.entity_id');
      for (const { field, order: direction } of order) {
        const expression = sortExpression(knex, field);
        query.orderByRaw(`(?) IS NULL, (?) ${direction === 'desc' ? 'DESC' : 'ASC'}`, [
          expression,
          expression,
        ]);
      }
      query.orderBy('e.entity_id', 'asc').offset(offset).limit(limit);
      const ids = ((await query) as { entity_id: string }[]).map(row => row.entity_id);
      const json = new Map<string, string>();
      for (const chunk of chunks(ids, 500)) {
        const rows = await knex(TABLES.entities)
          .whereIn('entity_id', chunk)
          .select('entity_id', 'final_entity');
        for (const row of rows) json.set(row.entity_id, row.final_entity);
      }
      // An entity deleted between the two reads is left out.
      return ids.flatMap(id => {
        const text = json.get(id);
        return text === undefined ? [] : [JSON.parse(text) as Entity];
      });
    },

    async countEntities({ filter, fullText }) {
      const [row] = await base(filter, fullText).count({ count: '*' });
      return Number(row.count);
    },

    async entityByUid(uid) {
      const row = await knex(TABLES.entities).where('entity_id', uid).first('final_entity');
      return row ? (JSON.parse(row.final_entity) as Entity) : undefined;
    },

    async entityByRef(ref) {
      const row = await knex(TABLES.entities).where('entity_ref', ref).first('final_entity');
      return row ? (JSON.parse(row.final_entity) as Entity) : undefined;
    },

    async entitiesByRefs(refs, filter) {
      const found = new Map<string, Entity>();
      const unique = [...new Set(refs)];
      for (let i = 0; i < unique.length; i += REF_CHUNK) {
        const rows: { entity_ref: string; final_entity: string }[] = await base(filter)
          .whereIn('e.entity_ref', unique.slice(i, i + REF_CHUNK))
          .select('e.entity_ref', 'e.final_entity');
        for (const row of rows) found.set(row.entity_ref, JSON.parse(row.final_entity) as Entity);
      }
      return refs.map(ref => found.get(ref) ?? null);
    },

    async facets(keys, filter) {
      const result: Record<string, FacetCount[]> = {};
      for (const facet of keys) {
        result[facet] = await facetCounts(knex, facet.toLowerCase(), filter);
      }
      return result;
    },
  };
}

function sortExpression(knex: Knex, field: string): Knex.Raw {
  const column = COLUMN_FIELDS[field];
  if (column) return knex.raw('??', [column]);
  return knex.raw(
    '(SELECT MIN(so.value) FROM ?? so WHERE so.entity_id = e.entity_id AND so.key = ?)',
    [TABLES.search, field],
  );
}

function applyFullText(query: Knex.QueryBuilder, { term, fields }: FullTextFilter) {
  const pattern = `%${escapeLike(term.toLowerCase())}%`;
  if (!fields || fields.length === 0) {
    query.whereRaw(`e.full_text LIKE ? ESCAPE '\\'`, [pattern]);
    return;
  }
  // Every field but the uid has lowercased search rows (kind, namespace and name included), so
  // one covering-index scan answers the term: no scan of the wide entity rows, and the same
  // case-insensitive match on SQLite and PostgreSQL.
  query.where(any => {
    const searchKeys: string[] = [];
    for (const field of fields) {
      if (field === 'metadata.uid') any.orWhereRaw(`e.entity_id LIKE ? ESCAPE '\\'`, [pattern]);
      else searchKeys.push(field);
    }
    if (searchKeys.length > 0) {
      any.orWhereIn('e.entity_id', sub =>
        sub
          .select('s.entity_id')
          .from(`${TABLES.search} as s`)
          .whereIn('s.key', searchKeys)
          .whereRaw(`s.value LIKE ? ESCAPE '\\'`, [pattern]),
      );
    }
  });
}

async function facetCounts(
  knex: Knex,
  key: string,
  filter: EntityFilter | undefined,
): Promise<FacetCount[]> {
  // A correlated EXISTS, probing each counted row's entity: `IN (subquery)` made SQLite build
  // the whole matching set first (172 ms against 39 ms for spec.type within 60,000 components).
  const matching = (alias: string) => (sub: Knex.QueryBuilder) => {
    sub
      .select(knex.raw('1'))
      .from(`${TABLES.entities} as e`)
      .whereRaw('?? = ??', ['e.entity_id', `${alias}.entity_id`]);
    applyFilter(sub, filter);
  };
  let query: Knex.QueryBuilder;
  if (key.startsWith('relations.')) {
    query = knex(`${TABLES.relations} as r`)
      .where('r.type', key.slice('relations.'.length))
      .select({ value: 'r.target_entity_ref' })
      .count({ count: '*' })
      .groupBy('r.target_entity_ref');
    if (filter) query.whereExists(matching('r'));
  } else {
    const value = knex.raw('COALESCE(s.original_value, s.value)');
    query = knex(`${TABLES.search} as s`)
      .where('s.key', key)
      .whereNotNull('s.value')
      .select({ value })
      .count({ count: '*' })
      .groupBy(value);
    if (filter) query.whereExists(matching('s'));
  }
  const rows: { value: string; count: number | string }[] = await query;
  return rows
    .map(row => ({ value: row.value, count: Number(row.count) }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
