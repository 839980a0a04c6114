import type { Knex } from 'knex';
import { isCondition, type EntityFilter, type EntityFilterCondition } from '../filter/types';
import { TABLES } from './tables';

/** Filter keys answered by columns of final_entities (always present, so existence is true). */
const COLUMN_KEYS: Record<string, string> = {
  kind: 'e.kind',
  'metadata.namespace': 'e.namespace',
  'metadata.name': 'e.name',
  'metadata.uid': 'e.entity_id',
};

/**
 * Adds `filter` to a query over `final_entities as e`. Each condition becomes one indexed
 * `e.entity_id IN (subquery)` on the search or relations table, or a column comparison.
 */
export function applyFilter(
  query: Knex.QueryBuilder,
  filter: EntityFilter | undefined,
): Knex.QueryBuilder {
  if (!filter) return query;
  return query.where(builder => compile(builder, filter));
}

function compile(builder: Knex.QueryBuilder, filter: EntityFilter): void {
  if (isCondition(filter)) {
    compileCondition(builder, filter);
  } else if ('allOf' in filter) {
    for (const child of filter.allOf) builder.where(b => compile(b, child));
  } else if ('anyOf' in filter) {
    if (filter.anyOf.length === 0) builder.whereRaw('1 = 0');
    for (const child of filter.anyOf) builder.orWhere(b => compile(b, child));
  } else {
    builder.whereNot(b => compile(b, filter.not));
  }
}

/** `LIKE` with the wildcards in user input taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, c => `\\${c}`);
}

function matchValue(builder: Knex.QueryBuilder, column: string, condition: EntityFilterCondition) {
  if (condition.values) builder.whereIn(column, condition.values);
  if (condition.prefix !== undefined) {
    builder.whereRaw(`?? LIKE ? ESCAPE '\\'`, [column, `${escapeLike(condition.prefix)}%`]);
  }
}

function compileCondition(builder: Knex.QueryBuilder, condition: EntityFilterCondition) {
  const { key } = condition;
  const column = COLUMN_KEYS[key];
  if (column) {
    if (!condition.values && condition.prefix === undefined) builder.whereRaw('1 = 1');
    else matchValue(builder, column, condition);
    return;
  }
  if (key === 'relations' || key.startsWith('relations.')) {
    const type = key.slice('relations.'.length);
    builder.whereIn('e.entity_id', sub => {
      sub.select('r.entity_id').from(`${TABLES.relations} as r`);
      if (type) sub.where('r.type', type);
      matchValue(sub, 'r.target_entity_ref', condition);
    });
    return;
  }
  builder.whereIn('e.entity_id', sub => {
    sub.select('s.entity_id').from(`${TABLES.search} as s`);
    sub.where(alternatives => {
      alternatives.where(direct => {
        direct.where('s.key', key);
        matchValue(direct, 's.value', condition);
      });
      // `metadata.tags.java` (and `=true`) matches the array element row (`metadata.tags`,
      // `java`): try each split point, since the element itself may contain dots.
      const synthetic =
        condition.prefix === undefined && (!condition.values || condition.values.includes('true'));
      if (!synthetic) return;
      for (let dot = key.indexOf('.'); dot !== -1; dot = key.indexOf('.', dot + 1)) {
        const [path, item] = [key.slice(0, dot), key.slice(dot + 1)];
        alternatives.orWhere(b => b.where('s.key', path).where('s.value', item));
      }
    });
  });
}
