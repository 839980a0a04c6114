import type { Knex } from 'knex';
import { deleteEntitiesCascade } from '../database/deleteEntitiesCascade';
import type { DeferredRow, StagedChildren } from '../database/refreshStateTypes';
import { applyStagedUpdates } from '../database/releaseStagedEntities';
import { upsertDeferredEntities, type UpsertOutcome } from '../database/upsertDeferredEntities';

export type { StagedChildren };

/**
 * Takes the children a Location reads, one at a time. A small Location's children stay in
 * memory and are written with its batch, as any other; once a Location has read
 * `threshold` of them, they are written to `refresh_state` every `chunkSize` as the file is
 * parsed, held back from the due queue until the Location's write adds their edges. A file
 * that turns out broken takes back what it staged: new rows are deleted and changed ones were
 * never written (they are held until the file ends cleanly).
 */
export interface ChildStager {
  add(row: DeferredRow): Promise<void>;
  fileEnd(fileKey: string, clean: boolean): Promise<void>;
  /** After the read: the children kept in memory, and what was staged (if anything). */
  finish(): Promise<{ held: DeferredRow[]; staged?: StagedChildren }>;
  /** Deletes what was staged (the Location's processing failed after reading). */
  discard(): Promise<void>;
}

interface FileStage {
  accepted: DeferredRow[];
  conflicts: UpsertOutcome['conflicts'];
  inserted: string[];
  updates: UpsertOutcome['updates'];
}

// Children before staging begins: below this a Location behaves exactly as before.
const DEFAULT_THRESHOLD = 1000;
// Then written every this many (250 measured a higher peak at 100k, and more round trips).
const DEFAULT_CHUNK = 1000;
// Staged children are due before anything emitted at `now` (as `now - rows.length` is for a
// batch), in emission order, for files of up to ten million documents.
const ORDER_SPAN = 10_000_000;

export function createChildStager(
  knex: Knex,
  options: { now: number; threshold?: number; chunkSize?: number; signal?: AbortSignal },
): ChildStager {
  const { now, signal } = options;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  let buffer: DeferredRow[] = [];
  let staging = false;
  let order = now - ORDER_SPAN;
  const seen = new Map<string, string | null>();
  const files = new Map<string, FileStage>();
  const ended = new Set<string>();
  const total: StagedChildren = { accepted: [], conflicts: [] };
  const inserted: string[] = [];

  const stageOf = (fileKey: string) => {
    let stage = files.get(fileKey);
    if (!stage) {
      stage = { accepted: [], conflicts: [], inserted: [], updates: [] };
      files.set(fileKey, stage);
    }
    return stage;
  };

  async function commit(fileKey: string) {
    const stage = files.get(fileKey);
    if (!stage) return;
    files.delete(fileKey);
    if (stage.updates.length > 0) {
      await knex.transaction(trx => applyStagedUpdates(trx, stage.updates, now));
    }
    for (const u of stage.updates) u.row.json = '';
    for (const row of stage.accepted) total.accepted.push(row);
    for (const c of stage.conflicts) total.conflicts.push(c);
    for (const ref of stage.inserted) inserted.push(ref);
  }

  async function flush() {
    if (buffer.length === 0) return;
    signal?.throwIfAborted();
    staging = true;
    const rows = buffer;
    buffer = [];
    const firstOrder = order + 1;
    order += rows.length;
    const result = await knex.transaction(trx =>
      upsertDeferredEntities(trx, rows, now, { seen, firstOrder, staged: true }),
    );
    const changed = new Set(result.updates.map(u => u.row));
    for (const row of result.accepted) {
      if (!changed.has(row)) row.json = '';
      stageOf(row.via ?? '').accepted.push(row);
    }
    for (const c of result.conflicts) {
      c.row.json = '';
      stageOf(c.row.via ?? '').conflicts.push(c);
    }
    const via = new Map(rows.map(r => [r.ref, r.via ?? '']));
    for (const ref of result.inserted) stageOf(via.get(ref) ?? '').inserted.push(ref);
    for (const u of result.updates) stageOf(u.row.via ?? '').updates.push(u);
    // Files that ended while their rows still waited in the buffer are clean: keep their part.
    for (const fileKey of ended) await commit(fileKey);
  }

  async function drop(stage: FileStage | undefined) {
    if (!stage) return;
    for (const row of stage.accepted) seen.delete(row.ref);
    if (stage.inserted.length > 0) {
      await knex.transaction(trx => deleteEntitiesCascade(trx, stage.inserted));
    }
  }

  return {
    async add(row) {
      buffer.push(row);
      if (buffer.length >= (staging ? chunkSize : threshold)) await flush();
    },
    async fileEnd(fileKey, clean) {
      if (!clean) {
        buffer = buffer.filter(r => r.via !== fileKey);
        const stage = files.get(fileKey);
        files.delete(fileKey);
        await drop(stage);
        return;
      }
      ended.add(fileKey);
      if (!staging) return;
      await flush();
      await commit(fileKey);
    },
    async finish() {
      if (!staging) {
        const held = buffer;
        buffer = [];
        return { held };
      }
      await flush();
      for (const fileKey of [...files.keys()]) await commit(fileKey);
      return { held: [], staged: total };
    },
    async discard() {
      buffer = [];
      // Stopping: no long deletes now; the next read of the Location releases what it staged.
      if (signal?.aborted) return;
      const stages = [...files.values()];
      files.clear();
      for (const stage of stages) await drop(stage);
      if (inserted.length > 0) {
        await knex.transaction(trx => deleteEntitiesCascade(trx, inserted.splice(0)));
      }
    },
  };
}

/** A stager that never writes: every child is held for the batch (no database at hand). */
export function createHeldChildren(): ChildStager {
  let held: DeferredRow[] = [];
  return {
    async add(row) {
      held.push(row);
    },
    async fileEnd(fileKey, clean) {
      if (!clean) held = held.filter(r => r.via !== fileKey);
    },
    async finish() {
      const rows = held;
      held = [];
      return { held: rows };
    },
    async discard() {
      held = [];
    },
  };
}
