import type { EventsService, LoggerService } from '@greenroom/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { CatalogStore } from '../database/CatalogStore';
import { claimDueEntities, countDueEntities } from '../database/claimDueEntities';
import { stitchFinalEntities } from '../database/stitchFinalEntities';
import { emptyWriteResult, flushWrites } from '../database/flushWrites';
import { readForBatch } from '../database/readForBatch';
import {
  writeProcessingOutcome,
  type ProcessingOutcome,
  type WriteResult,
} from '../database/writeProcessingResults';
import { analyzeTables } from '../database/analyzeTables';
import type { OrphanStrategy } from './config';
import { processClaimedEntity, type ProcessingContext } from './processClaimedEntity';
import { publishErrors } from './publishErrors';
import { createChildStager } from './stageLocationChildren';
import { TABLES } from '../database/tables';
import {
  deleteQueued,
  dequeueStitched,
  lastQueuedId,
  queueStitch,
  readStitchQueue,
} from '../database/stitchQueue';

/** What one batch did. */
export interface ProcessingBatchSummary {
  claimed: number;
  stitched: number;
  deleted: number;
  errors: number;
}

/** The database-driven loop of one catalog instance (several may share a database). */
export interface ProcessingEngine {
  /** Starts the background loop (idempotent). */
  start(): void;
  /**
   * Stops claiming, abandons the batch in flight if it is still processing (its rows become
   * due again) or lets it finish writing, and waits for that; no stitch or ANALYZE starts
   * after it. Safe to call before the database pool closes, and more than once.
   */
  stop(): Promise<void>;
  /** Wakes the loop now (something became due). */
  wake(): void;
  /** Claims, processes, writes and stitches one batch; 0 when nothing was due. */
  processBatch(): Promise<ProcessingBatchSummary>;
  /** Processes until nothing is due (for tests and tools); rejects after `timeoutMs`. */
  processUntilIdle(timeoutMs?: number): Promise<void>;
  /** Stitches refs now (after provider mutations). */
  stitch(refs: Iterable<string>): Promise<void>;
}

export interface ProcessingEngineOptions {
  knex: Knex;
  store: CatalogStore;
  events: EventsService;
  logger: LoggerService;
  context: () => Promise<ProcessingContext>;
  processingIntervalMs: number;
  orphanStrategy: OrphanStrategy;
  /** Rows claimed per batch; bounds memory together with the stitch chunk size. */
  batchSize?: number;
  /** How long the loop sleeps when nothing is due. */
  pollIntervalMs?: number;
}

// Writes after which a drained queue triggers ANALYZE: the planner needs fresh statistics
// after a bulk load (a 215 ms plan instead of 14 ms was seen on PostgreSQL without them).
const ANALYZE_AFTER_WRITES = 1000;
const CONCURRENCY = 8;
// Relation targets (a group gaining ownerOf from every batch) stay in the stitch queue and are
// restitched together when no entity is due, and during a long load at most every two
// minutes: each round rewrites every target touched since the last, so 15 s rounds made a 100k
// load restitch most entities three times. The queue is a table, so its length costs no memory.
const FLUSH_INTERVAL_MS = 120_000;
const FLUSH_PAGE = 1000;

export function createProcessingEngine(options: ProcessingEngineOptions): ProcessingEngine {
  const { knex, store, events, logger } = options;
  const batchSize = options.batchSize ?? 250;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  let running = false;
  let stopped = false;
  const abort = new AbortController();
  const batches = new Set<Promise<unknown>>();
  let loop: Promise<void> | undefined;
  const wakeUps = new Set<() => void>();
  let flushing: Promise<number> | undefined;
  let analyzing: Promise<void> | undefined;
  let writesSinceAnalyze = 0;
  let inFlight = 0;
  let lastFlush = Date.now();

  // Stitches what the queue held when the flush began, oldest first, a page at a time; a
  // page's rows are removed once stitched, so a failure leaves them for the next flush.
  // One flush at a time per instance (the loop and processUntilIdle may both ask).
  function flushPending(): Promise<number> {
    flushing ??= flushQueue().finally(() => (flushing = undefined));
    return flushing;
  }

  async function flushQueue(): Promise<number> {
    lastFlush = Date.now();
    const maxId = await lastQueuedId(knex);
    // A ref queued by many batches is stitched once: every row up to maxId was queued before
    // the flush began, so one stitch during it covers them all.
    const done = new Set<string>();
    let stitched = 0;
    while (!stopped) {
      const rows = await readStitchQueue(knex, maxId, FLUSH_PAGE);
      if (rows.length === 0) break;
      const refs = [...new Set(rows.map(r => r.ref))].filter(ref => !done.has(ref));
      stitched += await stitchFinalEntities(knex, store, refs, options);
      refs.forEach(ref => done.add(ref));
      await deleteQueued(
        knex,
        rows.map(r => r.id),
      );
    }
    return stitched;
  }

  const idle: ProcessingBatchSummary = { claimed: 0, stitched: 0, deleted: 0, errors: 0 };

  function processBatch(): Promise<ProcessingBatchSummary> {
    if (stopped) return Promise.resolve(idle);
    const batch = runBatch();
    batches.add(batch);
    void batch.finally(() => batches.delete(batch)).catch(() => undefined);
    return batch;
  }

  async function runBatch(): Promise<ProcessingBatchSummary> {
    inFlight += 1;
    try {
      const claimed = await claimDueEntities(knex, {
        limit: batchSize,
        now: Date.now(),
        intervalMs: options.processingIntervalMs,
      });
      if (claimed.length === 0) return idle;
      const { signal } = abort;
      const context = {
        ...(await options.context()),
        stageChildren: () => createChildStager(knex, { now: Date.now(), signal }),
      };
      const outcomes: ProcessingOutcome[] = new Array(claimed.length);
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, async () => {
          while (next < claimed.length && !signal.aborted) {
            const i = next++;
            outcomes[i] = await processClaimedEntity(claimed[i], context);
          }
        }),
      );
      if (signal.aborted) {
        // Stopping mid-batch: nothing of it is written, and its rows are due again at once
        // (a Location's staged children stay held back until its next read releases them).
        await knex(TABLES.refreshState)
          .whereIn(
            'entity_id',
            claimed.map(c => c.entityId),
          )
          .update({ next_update_at: Date.now() });
        return { ...idle, claimed: claimed.length };
      }
      const batchId = randomUUID();
      const result = await write(outcomes, batchId);
      // The batch's own entities now; others whose relations changed stay queued (see
      // FLUSH_INTERVAL_MS).
      const own = new Set(claimed.map(c => c.entityRef));
      const now = [...result.restitch].filter(ref => own.has(ref));
      let stitched = 0;
      try {
        stitched = await stitchFinalEntities(knex, store, now, options);
        await dequeueStitched(knex, batchId, now);
      } catch (error) {
        // Written but not stitched (a deadlock, an outage): still queued, so the next flush
        // stitches them.
        logger.warn(`Catalog stitching deferred: ${(error as Error).message}`);
      }
      if (!stopped && Date.now() - lastFlush > FLUSH_INTERVAL_MS) {
        stitched += await flushPending();
      }
      writesSinceAnalyze += result.writes + stitched;
      await publishErrors(events, logger, result.events);
      return {
        claimed: claimed.length,
        stitched,
        deleted: result.deleted,
        errors: result.events.length,
      };
    } finally {
      inFlight -= 1;
    }
  }

  // One transaction per batch; if it fails, each entity alone, so one bad row stops nothing.
  async function write(outcomes: ProcessingOutcome[], batchId: string): Promise<WriteResult> {
    const fresh = emptyWriteResult;
    const now = Date.now();
    const settings = { orphanStrategy: options.orphanStrategy, now };
    try {
      const all = fresh();
      await knex.transaction(async trx => {
        const reads = await readForBatch(trx, outcomes);
        for (const o of outcomes) await writeProcessingOutcome(trx, o, settings, all, reads);
        await flushWrites(trx, all);
        await queueStitch(trx, all.restitch, batchId);
      });
      return all;
    } catch (error) {
      logger.warn(`Catalog batch write failed, retrying one by one: ${(error as Error).message}`);
    }
    const merged = fresh();
    for (const o of outcomes) {
      const one = fresh();
      merged.deletedRefs.forEach(r => one.deletedRefs.add(r));
      try {
        await knex.transaction(async trx => {
          await writeProcessingOutcome(trx, o, settings, one);
          await flushWrites(trx, one);
          await queueStitch(trx, one.restitch, batchId);
        });
      } catch (error) {
        logger.error(`Could not write ${o.claimed.entityRef}: ${(error as Error).message}`);
        continue;
      }
      one.restitch.forEach(r => merged.restitch.add(r));
      merged.events.push(...one.events);
      merged.deleted += one.deleted;
      one.deletedRefs.forEach(r => merged.deletedRefs.add(r));
      merged.writes += one.writes;
    }
    return merged;
  }

  function maybeAnalyze(): Promise<void> {
    analyzing ??= analyzeIfDue().finally(() => (analyzing = undefined));
    return analyzing;
  }

  async function analyzeIfDue() {
    if (writesSinceAnalyze < ANALYZE_AFTER_WRITES || stopped) return;
    writesSinceAnalyze = 0;
    try {
      await analyzeTables(knex);
    } catch (error) {
      logger.warn(`Catalog ANALYZE failed: ${(error as Error).message}`);
    }
  }

  async function run() {
    while (running) {
      // better-sqlite3 settles every query synchronously, so a chain of batches would run as
      // one endless microtask chain: HTTP requests and timers would wait until the queue
      // drained. Each batch starts in a macrotask of its own.
      await nextMacrotask();
      let summary: ProcessingBatchSummary | undefined;
      try {
        summary = await processBatch();
      } catch (error) {
        // A database outage must not kill the loop; the next poll tries again.
        logger.error(`Catalog processing failed: ${(error as Error).message}`);
      }
      if (summary && summary.claimed > 0) continue;
      if (!running) break;
      try {
        await flushPending();
      } catch (error) {
        logger.error(`Catalog stitching failed: ${(error as Error).message}`);
      }
      await maybeAnalyze();
      if (!running) break;
      await new Promise<void>(resolve => {
        const wake = () => {
          clearTimeout(timer);
          wakeUps.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, pollIntervalMs);
        wakeUps.add(wake);
      });
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      stopped = true;
      abort.abort();
      [...wakeUps].forEach(wake => wake());
      await loop;
      await Promise.allSettled([...batches]);
    },
    wake() {
      [...wakeUps].forEach(wake => wake());
    },
    processBatch,
    async processUntilIdle(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (stopped) return;
        const { claimed } = await processBatch();
        if (claimed > 0) continue;
        await flushPending();
        if (inFlight === 0 && (await countDueEntities(knex, Date.now())) === 0) break;
        if (Date.now() > deadline) throw new Error(`Catalog not idle within ${timeoutMs} ms`);
        await new Promise(r => setTimeout(r, 50));
      }
      await maybeAnalyze();
    },
    async stitch(refs) {
      await stitchFinalEntities(knex, store, refs, options);
    },
  };
}
