import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestLogger,
  TestDatabases,
  type TestDatabaseId,
} from '@greenroom/backend-test-utils';
import { ConfigReader, type JsonObject } from '@greenroom/config';
import { ConflictError } from '@greenroom/errors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseManager } from '../database';
import { DefaultSchedulerService } from './DefaultSchedulerService';
import { SchedulerTaskStore, TASKS_TABLE } from './SchedulerTaskStore';

const databases = TestDatabases.create();
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Backend instances on one database: separate DatabaseManagers, so separate pools. SQLite
 * needs a shared file for that; PostgreSQL a shared server.
 */
async function sharedDatabase(databaseId: TestDatabaseId) {
  let config: JsonObject;
  if (databaseId === 'POSTGRES') {
    config = databases.configFor('POSTGRES');
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'greenroom-scheduler-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    config = { client: 'better-sqlite3', connection: { directory: dir } };
  }
  const logger = createTestLogger();
  const startInstance = () => {
    const manager = DatabaseManager.fromConfig(new ConfigReader({ backend: { database: config } }));
    const database = manager.forPlugin('jobs');
    const scheduler = new DefaultSchedulerService({
      database,
      logger,
      pollingIntervalMs: 5,
      maxPollingIntervalMs: 20,
      shutdownGraceMs: 1_000,
    });
    cleanups.push(async () => {
      await scheduler.shutdown();
      await manager.destroy();
    });
    return { scheduler, database };
  };
  const [first, second] = [startInstance(), startInstance()];
  const knex = await first.database.getClient();
  return { a: first.scheduler, b: second.scheduler, knex, logger, startInstance };
}

describe.each(databases.eachSupportedId())(
  'DefaultSchedulerService, global tasks on %s',
  databaseId => {
    it('never runs a global task on two instances at once, and keeps running it', async () => {
      const { a, b } = await sharedDatabase(databaseId);
      let active = 0;
      let maxActive = 0;
      const runsBy = { a: 0, b: 0 };
      const task = (instance: 'a' | 'b') => async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runsBy[instance]++;
        await new Promise(resolve => setTimeout(resolve, 15));
        active--;
      };
      const schedule = { id: 'shared', frequency: { milliseconds: 20 }, timeout: { seconds: 10 } };
      await Promise.all([
        a.scheduleTask({ ...schedule, fn: task('a') }),
        b.scheduleTask({ ...schedule, fn: task('b') }),
      ]);

      await vi.waitFor(() => expect(runsBy.a + runsBy.b).toBeGreaterThanOrEqual(8), {
        timeout: 10_000,
      });
      expect(maxActive).toBe(1);
    });

    it('takes over the task from a holder that crashed once its lock expires', async () => {
      const { a, knex } = await sharedDatabase(databaseId);
      const store = await SchedulerTaskStore.create(knex);
      const settings = { version: 2, cadence: 'PT10M', timeoutAfterDuration: 'PT1M' } as const;
      await store.register('orphaned', settings, { afterNowMs: 0 });
      // An instance claimed the task and died: its ticket stays until it expires.
      const expiresAt = Date.now() + 300;
      await knex(TASKS_TABLE)
        .where({ id: 'orphaned' })
        .update({
          current_run_ticket: 'crashed-instance',
          current_run_started_at: expiresAt - 60_000,
          current_run_expires_at: expiresAt,
        });

      let ranAt: number | undefined;
      await a.scheduleTask({
        id: 'orphaned',
        frequency: { minutes: 10 },
        timeout: { minutes: 1 },
        fn: () => void (ranAt = Date.now()),
      });
      await vi.waitFor(() => expect(ranAt).toBeDefined(), { timeout: 5_000 });
      expect(ranAt).toBeGreaterThanOrEqual(expiresAt);

      await vi.waitFor(async () => {
        const row = await knex(TASKS_TABLE).where({ id: 'orphaned' }).first();
        expect(row.current_run_ticket).toBeNull();
        // Released with the next run ten minutes after this run started.
        expect(Number(row.next_run_start_at) - ranAt!).toBeGreaterThan(9 * 60_000);
      });
    });

    it('aborts a run at its timeout and lets another instance take the expired lock', async () => {
      const { a, b, logger } = await sharedDatabase(databaseId);
      const starts: number[] = [];
      const reasons: unknown[] = [];
      let releaseHung!: () => void;
      const hung = new Promise<void>(resolve => (releaseHung = resolve));
      cleanups.push(async () => releaseHung());
      const fn = async (signal: AbortSignal) => {
        starts.push(Date.now());
        if (starts.length > 1) return;
        signal.addEventListener('abort', () => reasons.push(signal.reason));
        // The first run ignores its signal and hangs, like a stuck HTTP call.
        await hung;
      };
      const schedule = { id: 'stuck', frequency: { minutes: 10 }, timeout: { milliseconds: 150 } };
      await a.scheduleTask({ ...schedule, fn });
      await vi.waitFor(() => expect(starts).toHaveLength(1));
      await b.scheduleTask({ ...schedule, fn });

      await vi.waitFor(() => expect(starts.length).toBeGreaterThanOrEqual(2), { timeout: 5_000 });
      expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(150);
      expect((reasons[0] as Error).message).toBe("Task 'stuck' timed out after PT0.15S");
      expect(
        logger.lines.some(
          line => line.level === 'warn' && line.message.includes("'stuck' timed out"),
        ),
      ).toBe(true);
    });

    it('runs a manually triggered global task once, on one instance', async () => {
      const { a, b, knex } = await sharedDatabase(databaseId);
      let runs = 0;
      let finish!: () => void;
      const fn = () => {
        runs++;
        return new Promise<void>(resolve => (finish = resolve));
      };
      const schedule = {
        id: 'reindex',
        frequency: { trigger: 'manual' },
        timeout: { minutes: 1 },
      } as const;
      await a.scheduleTask({ ...schedule, fn });
      await b.scheduleTask({ ...schedule, fn });
      expect(
        (await knex(TASKS_TABLE).where({ id: 'reindex' }).first()).next_run_start_at,
      ).toBeNull();

      await b.triggerTask('reindex');
      await vi.waitFor(() => expect(runs).toBe(1));
      await expect(a.triggerTask('reindex')).rejects.toThrow(
        new ConflictError("Task 'reindex' is currently running"),
      );
      finish();

      await vi.waitFor(async () => {
        expect(
          (await knex(TASKS_TABLE).where({ id: 'reindex' }).first()).current_run_ticket,
        ).toBeNull();
      });
      // Several polling rounds later, nobody ran it again.
      await new Promise(resolve => setTimeout(resolve, 100));
      expect(runs).toBe(1);
      expect(
        (await knex(TASKS_TABLE).where({ id: 'reindex' }).first()).next_run_start_at,
      ).toBeNull();
    });

    it('keeps the schedule of a global task that fails, logging each failure', async () => {
      const { a, logger } = await sharedDatabase(databaseId);
      let runs = 0;
      await a.scheduleTask({
        id: 'broken',
        frequency: { milliseconds: 10 },
        timeout: { seconds: 5 },
        fn: () => {
          runs++;
          throw new Error(`failure ${runs}`);
        },
      });
      await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(3), { timeout: 5_000 });
      const failures = logger.lines.filter(
        line => line.level === 'error' && line.meta.taskId === 'broken',
      );
      expect(failures.length).toBeGreaterThanOrEqual(2);
      expect((failures[0].meta.error as Error).message).toBe('failure 1');
    });

    it('stores a cron task with its next whole-five-minute run and its settings', async () => {
      const { a, knex } = await sharedDatabase(databaseId);
      await a.scheduleTask({
        id: 'cron',
        frequency: { cron: '*/5 * * * *' },
        timeout: 'PT2M',
        fn: () => {},
      });
      const row = await knex(TASKS_TABLE).where({ id: 'cron' }).first();
      const next = Number(row.next_run_start_at);
      expect(next % 300_000).toBe(0);
      expect(next).toBeGreaterThan(Date.now());
      expect(next - Date.now()).toBeLessThanOrEqual(300_000);
      expect(JSON.parse(row.settings_json)).toEqual({
        version: 2,
        cadence: '*/5 * * * *',
        timeoutAfterDuration: 'PT2M',
      });
      expect(await a.getScheduledTasks()).toEqual([
        {
          id: 'cron',
          scope: 'global',
          settings: { version: 2, cadence: '*/5 * * * *', timeoutAfterDuration: 'PT2M' },
        },
      ]);
    });

    it('keeps the stored next run when an instance re-registers the same schedule, and resets it when the cadence changes', async () => {
      const { a, b, knex, startInstance } = await sharedDatabase(databaseId);
      await a.scheduleTask({
        id: 'daily',
        frequency: { days: 1 },
        initialDelay: { hours: 1 },
        timeout: 'PT1M',
        fn: () => {},
      });
      const first = Number(
        (await knex(TASKS_TABLE).where({ id: 'daily' }).first()).next_run_start_at,
      );
      expect(first - Date.now()).toBeGreaterThan(59 * 60_000);

      await b.scheduleTask({
        id: 'daily',
        frequency: { days: 1 },
        initialDelay: { hours: 1 },
        timeout: 'PT1M',
        fn: () => {},
      });
      expect(
        Number((await knex(TASKS_TABLE).where({ id: 'daily' }).first()).next_run_start_at),
      ).toBe(first);

      // A new deploy with a different cadence: the schedule restarts from its settings.
      await a.shutdown();
      await b.shutdown();
      const next = startInstance().scheduler;
      await next.scheduleTask({
        id: 'daily',
        frequency: { hours: 2 },
        initialDelay: { minutes: 3 },
        timeout: 'PT1M',
        fn: () => {},
      });
      const reset = Number(
        (await knex(TASKS_TABLE).where({ id: 'daily' }).first()).next_run_start_at,
      );
      expect(reset - Date.now()).toBeLessThanOrEqual(3 * 60_000);
      expect(reset - Date.now()).toBeGreaterThan(2 * 60_000);
    });
  },
);
