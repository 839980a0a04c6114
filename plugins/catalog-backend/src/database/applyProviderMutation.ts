import type { Knex } from 'knex';
import { chunks } from './chunks';
import { deleteEntitiesCascade } from './deleteEntitiesCascade';
import type { DeferredRow } from './refreshStateTypes';
import { upsertDeferredEntities, type UpsertOutcome } from './upsertDeferredEntities';
import { TABLES } from './tables';

export type ProviderMutationRows =
  | { type: 'full'; entities: DeferredRow[] }
  | {
      type: 'delta';
      added: DeferredRow[];
      removed: Array<{ ref: string; locationKey?: string | null }>;
    };

/**
 * Writes a provider's mutation: `full` replaces its roots, `delta` adds and removes some.
 * Removed roots are deleted at once with the descendants nothing else keeps (Backstage's eager
 * deletion). Returns what the upsert decided and the refs that need stitching.
 */
export async function applyProviderMutation(
  knex: Knex,
  providerName: string,
  mutation: ProviderMutationRows,
  now = Date.now(),
): Promise<UpsertOutcome & { restitch: string[]; deleted: string[] }> {
  return knex.transaction(async trx => {
    const added = mutation.type === 'full' ? mutation.entities : mutation.added;
    const current = new Set<string>(
      (
        await trx(TABLES.references).where('source_key', providerName).select('target_entity_ref')
      ).map(r => r.target_entity_ref as string),
    );
    let removed: string[];
    if (mutation.type === 'full') {
      const kept = new Set(added.map(a => a.ref));
      removed = [...current].filter(ref => !kept.has(ref));
    } else {
      removed = mutation.removed.map(r => r.ref).filter(ref => current.has(ref));
    }
    for (const chunk of chunks(removed, 300)) {
      await trx(TABLES.references)
        .where('source_key', providerName)
        .whereIn('target_entity_ref', chunk)
        .delete();
    }
    const outcome = await upsertDeferredEntities(trx, added, now, { sourceKey: providerName });
    const fresh = [...new Set(outcome.accepted.map(a => a.ref))].filter(ref => !current.has(ref));
    for (const chunk of chunks(fresh, 200)) {
      await trx(TABLES.references).insert(
        chunk.map(ref => ({ source_key: providerName, target_entity_ref: ref, position: 0 })),
      );
    }
    const { deleted, restitch } = await deleteEntitiesCascade(trx, removed);
    return { ...outcome, deleted, restitch };
  });
}

/** Makes every entity that registered one of these refresh keys due now. */
export async function refreshByKeys(knex: Knex, keys: readonly string[], now = Date.now()) {
  for (const chunk of chunks(keys, 300)) {
    await knex(TABLES.refreshState)
      .whereIn('entity_id', knex(TABLES.refreshKeys).whereIn('key', chunk).select('entity_id'))
      .update({ next_update_at: now });
  }
}
