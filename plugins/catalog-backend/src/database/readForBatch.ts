import type { Knex } from 'knex';
import { chunks } from './chunks';
import { TABLES } from './tables';
import type { ProcessingOutcome } from './writeProcessingResults';

/** What a batch's writes need to read first, fetched with one query per kind, not per entity. */
export interface BatchReads {
  /** Outgoing edges by parent ref. */
  edges: Map<string, Array<{ id: number; target_entity_ref: string; via: string | null }>>;
  /** Sources of the relations each entity emitted last time, by entity id. */
  relationSources: Map<string, string[]>;
  /** Parents of entities that never processed cleanly, by ref. */
  parents: Map<string, string[]>;
}

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export async function readForBatch(
  trx: Knex.Transaction,
  outcomes: readonly ProcessingOutcome[],
): Promise<BatchReads> {
  const reads: BatchReads = { edges: new Map(), relationSources: new Map(), parents: new Map() };
  const okRefs = outcomes.filter(o => o.ok).map(o => o.claimed.entityRef);
  for (const chunk of chunks(okRefs, 500)) {
    const rows = await trx(TABLES.references)
      .whereIn('source_entity_ref', chunk)
      .select('id', 'source_entity_ref', 'target_entity_ref', 'via');
    for (const [k, v] of group(rows, r => r.source_entity_ref)) reads.edges.set(k, v);
  }
  const ids = outcomes.filter(o => o.ok).map(o => o.claimed.entityId);
  for (const chunk of chunks(ids, 500)) {
    const rows = await trx(TABLES.processedRelations)
      .whereIn('originating_entity_id', chunk)
      .distinct('originating_entity_id', 'source_entity_ref');
    for (const [k, v] of group(rows, r => r.originating_entity_id)) {
      reads.relationSources.set(
        k,
        v.map(r => r.source_entity_ref as string),
      );
    }
  }
  const fresh = outcomes.filter(o => !o.claimed.hasProcessedEntity).map(o => o.claimed.entityRef);
  for (const chunk of chunks(fresh, 500)) {
    const rows = await trx(TABLES.references)
      .whereIn('target_entity_ref', chunk)
      .whereNotNull('source_entity_ref')
      .select('source_entity_ref', 'target_entity_ref');
    for (const [k, v] of group(rows, r => r.target_entity_ref)) {
      reads.parents.set(
        k,
        v.map(r => r.source_entity_ref as string),
      );
    }
  }
  return reads;
}
