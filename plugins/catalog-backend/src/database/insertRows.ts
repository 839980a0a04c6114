import type { Knex } from 'knex';
import { chunks } from './chunks';

// Bound parameters per statement: under SQLite's 32766 and PostgreSQL's 65535.
const MAX_PARAMS = 8000;

/**
 * Plain multi-row `INSERT … VALUES (…), (…)` in chunks. Knex writes SQLite multi-row inserts
 * as `SELECT … UNION ALL SELECT …`, which is several times slower for the search table.
 */
export async function insertRows<T extends object>(
  trx: Knex | Knex.Transaction,
  table: string,
  columns: ReadonlyArray<keyof T & string>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const placeholder = `(${columns.map(() => '?').join(', ')})`;
  const head = `insert into ?? (${columns.map(() => '??').join(', ')}) values `;
  for (const chunk of chunks(rows, size)) {
    const values: Knex.RawBinding[] = [];
    for (const row of chunk) {
      for (const c of columns) {
        values.push(((row as Record<string, unknown>)[c] ?? null) as Knex.RawBinding);
      }
    }
    await trx.raw(head + chunk.map(() => placeholder).join(', '), [table, ...columns, ...values]);
  }
}
