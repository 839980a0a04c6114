import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestLogger } from '@greenroom/backend-test-utils';
import { ConfigReader } from '@greenroom/config';
import { ConflictError, InputError, NotFoundError } from '@greenroom/errors';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatabaseManager } from '../database';
import { DefaultSchedulerService } from './DefaultSchedulerService';

let dir: string;
let manager: DatabaseManager;
const schedulers: DefaultSchedulerService[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'greenroom-scheduler-'));
  manager = DatabaseManager.fromConfig(
    new ConfigReader({
      backend: { database: { client: 'better-sqlite3', connection: { directory: dir } } },
    }),
  );
});

afterEach(async () => {
  await Promise.all(schedulers.splice(0).map(scheduler => scheduler.shutdown()));
  await manager.destroy();
  await rm(dir, { recursive: true, force: true });
});

function newScheduler(logger = createTestLogger()) {
  const scheduler = new DefaultSchedulerService({
    database: manager.forPlugin('test'),
    logger,
    pollingIntervalMs: 5,
    maxPollingIntervalMs: 20,
    shutdownGraceMs: 500,
  });
  schedulers.push(scheduler);
  return scheduler;
}

const local = { scope: 'local', timeout: { seconds: 5 } } as const;

describe('DefaultSchedulerService, local tasks', () => {
  it('runs a local task repeatedly without opening the database', async () => {
    const scheduler = newScheduler();
    let runs = 0;
    await scheduler.scheduleTask({
      ...local,
      id: 'tick',
      frequency: { milliseconds: 10 },
      fn: () => void runs++,
    });
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(3), { timeout: 5_000 });
    expect(await readdir(dir)).toEqual([]);
  });

  it('waits for the initial delay before the first run', async () => {
    const scheduler = newScheduler();
    const scheduledAt = Date.now();
    let firstRunAt: number | undefined;
    await scheduler.scheduleTask({
      ...local,
      id: 'delayed',
      frequency: { minutes: 10 },
      initialDelay: { milliseconds: 150 },
      fn: () => void (firstRunAt ??= Date.now()),
    });
    await vi.waitFor(() => expect(firstRunAt).toBeDefined(), { timeout: 5_000 });
    expect(firstRunAt! - scheduledAt).toBeGreaterThanOrEqual(150);
  });

  it('runs on a cron schedule', async () => {
    const scheduler = newScheduler();
    const runs: number[] = [];
    const scheduledAt = Date.now();
    // Six fields: every second, so the test does not wait for a minute boundary.
    await scheduler.scheduleTask({
      ...local,
      id: 'cron',
      frequency: { cron: '* * * * * *' },
      fn: () => void runs.push(Date.now()),
    });
    await vi.waitFor(() => expect(runs.length).toBeGreaterThanOrEqual(1), { timeout: 3_000 });
    // Not before the first whole second after scheduling: the cron time, not "now".
    expect(runs[0]).toBeGreaterThanOrEqual(Math.floor(scheduledAt / 1000) * 1000 + 1000);
  });

  it('runs a manual task only when triggered, and refuses a trigger while it runs', async () => {
    const scheduler = newScheduler();
    let runs = 0;
    let finish!: () => void;
    await scheduler.scheduleTask({
      ...local,
      id: 'manual',
      frequency: { trigger: 'manual' },
      fn: () => {
        runs++;
        return new Promise<void>(resolve => (finish = resolve));
      },
    });
    expect(runs).toBe(0);

    await scheduler.triggerTask('manual');
    await vi.waitFor(() => expect(runs).toBe(1));
    await expect(scheduler.triggerTask('manual')).rejects.toThrow(ConflictError);
    await expect(scheduler.triggerTask('manual')).rejects.toThrow(
      "Task 'manual' is currently running",
    );

    finish();
    await vi.waitFor(() => expect(scheduler.triggerTask('manual')).resolves.toBeUndefined());
    await vi.waitFor(() => expect(runs).toBe(2));
    finish();
  });

  it('refuses to trigger an unknown task', async () => {
    await expect(newScheduler().triggerTask('nope')).rejects.toThrow(
      new NotFoundError("Task 'nope' is not scheduled"),
    );
  });

  it('logs a failing task with its id and error, and keeps its schedule', async () => {
    const logger = createTestLogger();
    const scheduler = newScheduler(logger);
    let runs = 0;
    await scheduler.scheduleTask({
      ...local,
      id: 'flaky',
      frequency: { milliseconds: 10 },
      fn: () => {
        runs++;
        throw new Error('upstream unavailable');
      },
    });
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(3), { timeout: 5_000 });
    const failure = logger.lines.find(line => line.level === 'error');
    expect(failure?.message).toBe("Task 'flaky' failed");
    expect(failure?.meta.taskId).toBe('flaky');
    expect((failure?.meta.error as Error).message).toBe('upstream unavailable');
  });

  it('aborts the signal of a run that exceeds its timeout', async () => {
    const logger = createTestLogger();
    const scheduler = newScheduler(logger);
    let reason: unknown;
    await scheduler.scheduleTask({
      id: 'slow',
      scope: 'local',
      frequency: { minutes: 10 },
      timeout: { milliseconds: 50 },
      fn: signal =>
        new Promise<void>(resolve =>
          signal.addEventListener('abort', () => {
            reason = signal.reason;
            resolve();
          }),
        ),
    });
    await vi.waitFor(() => expect(reason).toBeDefined(), { timeout: 5_000 });
    expect((reason as Error).message).toBe("Task 'slow' timed out after PT0.05S");
    expect(
      logger.lines.some(line => line.level === 'warn' && line.message.includes("'slow' timed out")),
    ).toBe(true);
  });

  it('stops the loops and aborts running work on shutdown', async () => {
    const scheduler = newScheduler();
    let runs = 0;
    let aborted = false;
    await scheduler.scheduleTask({
      ...local,
      id: 'long',
      frequency: { milliseconds: 10 },
      fn: signal => {
        runs++;
        return new Promise<void>(resolve =>
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          }),
        );
      },
    });
    await vi.waitFor(() => expect(runs).toBe(1));
    await scheduler.shutdown();
    expect(aborted).toBe(true);
    const runsAtShutdown = runs;
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(runs).toBe(runsAtShutdown);
    await expect(
      scheduler.scheduleTask({ ...local, id: 'late', frequency: { minutes: 1 }, fn: () => {} }),
    ).rejects.toThrow("Can not schedule task 'late': the scheduler has shut down");
  });

  it('stops a task when its own signal aborts, freeing its id', async () => {
    const scheduler = newScheduler();
    const controller = new AbortController();
    let runs = 0;
    await scheduler.scheduleTask({
      ...local,
      id: 'cancellable',
      frequency: { milliseconds: 10 },
      signal: controller.signal,
      fn: () => void runs++,
    });
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(1));
    controller.abort();
    await vi.waitFor(async () => expect(await scheduler.getScheduledTasks()).toEqual([]));
    await scheduler.scheduleTask({
      ...local,
      id: 'cancellable',
      frequency: { minutes: 1 },
      fn: () => {},
    });
    expect((await scheduler.getScheduledTasks()).map(task => task.id)).toEqual(['cancellable']);
  });

  it('rejects a duplicate id and invalid definitions', async () => {
    const scheduler = newScheduler();
    await scheduler.scheduleTask({ ...local, id: 'once', frequency: { minutes: 1 }, fn: () => {} });
    await expect(
      scheduler.scheduleTask({ ...local, id: 'once', frequency: { minutes: 1 }, fn: () => {} }),
    ).rejects.toThrow(new ConflictError("Task 'once' is already scheduled"));
    await expect(
      scheduler.scheduleTask({ ...local, id: '', frequency: { minutes: 1 }, fn: () => {} }),
    ).rejects.toThrow('Invalid task: id must be a non-empty string');
    await expect(
      scheduler.scheduleTask({
        ...local,
        id: 'nofn',
        frequency: { minutes: 1 },
        fn: undefined as never,
      }),
    ).rejects.toThrow("Invalid task 'nofn': fn must be a function");
    await expect(
      scheduler.scheduleTask({
        ...local,
        id: 'bad',
        frequency: 'every five minutes',
        fn: () => {},
      }),
    ).rejects.toThrow(InputError);
    await expect(
      scheduler.scheduleTask({
        ...local,
        id: 'badcron',
        frequency: { cron: '* * *' },
        fn: () => {},
      }),
    ).rejects.toThrow(/^Invalid cron expression '\* \* \*' for task 'badcron'/);
    expect((await scheduler.getScheduledTasks()).map(task => task.id)).toEqual(['once']);
  });

  it('lists scheduled tasks with their settings, and schedules through a runner', async () => {
    const scheduler = newScheduler();
    const runner = scheduler.createScheduledTaskRunner({
      frequency: { cron: '0 3 * * *' },
      timeout: { minutes: 15 },
      scope: 'local',
    });
    await runner.run({ id: 'nightly', fn: () => {} });
    await scheduler.scheduleTask({
      ...local,
      id: 'often',
      frequency: 'PT30S',
      initialDelay: { seconds: 5 },
      fn: () => {},
    });

    expect(await scheduler.getScheduledTasks()).toEqual([
      {
        id: 'nightly',
        scope: 'local',
        settings: { version: 2, cadence: '0 3 * * *', timeoutAfterDuration: 'PT15M' },
      },
      {
        id: 'often',
        scope: 'local',
        settings: {
          version: 2,
          cadence: 'PT30S',
          timeoutAfterDuration: 'PT5S',
          initialDelayDuration: 'PT5S',
        },
      },
    ]);
    expect(() =>
      scheduler.createScheduledTaskRunner({ frequency: { cron: 'nope' }, timeout: 'PT1M' }),
    ).toThrow(InputError);
  });
});
