import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '@greenroom/errors';
import type { Cadence } from './frequency';
import { runTaskOnce } from './runTaskOnce';
import type { NextRun, SchedulerTaskStore } from './SchedulerTaskStore';
import { Waker } from './sleep';
import type { TaskLoop, TaskLoopOptions } from './taskLoop';

export interface PollingOptions {
  /** Wait after losing a claim to another instance, or after a database error. */
  pollingIntervalMs: number;
  /** Longest sleep between looks at the table (how soon a trigger from another instance is seen). */
  maxPollingIntervalMs: number;
}

/**
 * A `scope: 'global'` task: every instance runs this loop, and the claim in the database lets
 * exactly one of them run each due occurrence.
 */
export class GlobalTaskLoop implements TaskLoop {
  readonly descriptor: TaskLoop['descriptor'];
  readonly done: Promise<void>;
  readonly #options: TaskLoopOptions;
  readonly #store: SchedulerTaskStore;
  readonly #polling: PollingOptions;
  readonly #waker = new Waker();

  constructor(options: TaskLoopOptions, store: SchedulerTaskStore, polling: PollingOptions) {
    this.#options = options;
    this.#store = store;
    this.#polling = polling;
    this.descriptor = {
      id: options.id,
      scope: 'global',
      settings: { ...options.schedule.settings },
    };
    this.done = this.#loop();
  }

  /** Adds or refreshes the task's row; run once before the loop starts looking at it. */
  static async register(
    store: SchedulerTaskStore,
    options: Pick<TaskLoopOptions, 'id' | 'schedule'>,
  ) {
    await store.register(options.id, options.schedule.settings, firstRun(options.schedule));
  }

  async trigger(): Promise<void> {
    const { id } = this.#options;
    const result = await this.#store.trigger(id);
    if (result === 'running') throw new ConflictError(`Task '${id}' is currently running`);
    if (result === 'missing')
      throw new NotFoundError(`Task '${id}' is not in the scheduler's table`);
    this.#waker.wake();
  }

  async #loop(): Promise<void> {
    const { id, fn, schedule, stop, logger } = this.#options;
    const { pollingIntervalMs, maxPollingIntervalMs } = this.#polling;
    while (!stop.aborted) {
      let waitMs = pollingIntervalMs;
      try {
        const state = await this.#store.state(id);
        if (!state) {
          // Someone deleted the row (e.g. a manual cleanup): put it back and carry on.
          await GlobalTaskLoop.register(this.#store, this.#options);
          continue;
        }
        if (state.claimableInMs !== undefined && state.claimableInMs <= 0) {
          const ticket = randomUUID();
          if (await this.#store.tryClaim(id, ticket, schedule.timeoutMs)) {
            await runTaskOnce({ taskId: id, fn, timeoutMs: schedule.timeoutMs, stop, logger });
            await this.#store.release(id, ticket, nextRun(schedule.cadence));
            continue;
          }
        } else {
          waitMs = Math.min(state.claimableInMs ?? Infinity, maxPollingIntervalMs);
        }
      } catch (error) {
        if (stop.aborted) break;
        // The database may be briefly unreachable; a lock we could not release expires on its own.
        logger.warn(`Scheduler could not update task '${id}'; retrying`, { taskId: id, error });
      }
      await this.#waker.wait(waitMs, stop);
    }
  }
}

function firstRun(schedule: TaskLoopOptions['schedule']): NextRun {
  const { cadence, initialDelayMs } = schedule;
  if (cadence.type === 'interval') return { afterNowMs: initialDelayMs };
  return nextRun(cadence, Date.now() + initialDelayMs);
}

function nextRun(cadence: Cadence, fromMs = Date.now()): NextRun {
  switch (cadence.type) {
    case 'interval':
      return { afterStartMs: cadence.ms };
    case 'cron': {
      const at = cadence.cron.nextRun(new Date(fromMs));
      return at ? { atMs: at.getTime() } : { never: true };
    }
    case 'manual':
      return { never: true };
  }
}
