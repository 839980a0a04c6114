import { ConflictError } from '@greenroom/errors';
import { nextRunAfter } from './frequency';
import { runTaskOnce } from './runTaskOnce';
import { Waker } from './sleep';
import type { TaskLoop, TaskLoopOptions } from './taskLoop';

/** A `scope: 'local'` task: in-process timers, every instance runs its own copy. */
export class LocalTaskLoop implements TaskLoop {
  readonly descriptor: TaskLoop['descriptor'];
  readonly done: Promise<void>;
  readonly #options: TaskLoopOptions;
  readonly #waker = new Waker();
  #running = false;
  #triggered = false;

  constructor(options: TaskLoopOptions) {
    this.#options = options;
    this.descriptor = {
      id: options.id,
      scope: 'local',
      settings: { ...options.schedule.settings },
    };
    this.done = this.#loop();
  }

  async trigger(): Promise<void> {
    if (this.#running) throw new ConflictError(`Task '${this.#options.id}' is currently running`);
    this.#triggered = true;
    this.#waker.wake();
  }

  async #loop(): Promise<void> {
    const { id, fn, schedule, stop, logger } = this.#options;
    const { cadence, initialDelayMs, timeoutMs } = schedule;
    // An interval task starts after the initial delay; a cron task at its first time after it.
    let nextAt =
      cadence.type === 'interval'
        ? Date.now() + initialDelayMs
        : nextRunAfter(cadence, Date.now() + initialDelayMs);

    while (!stop.aborted) {
      const now = Date.now();
      if (!this.#triggered && (nextAt === undefined || nextAt > now)) {
        await this.#waker.wait(nextAt === undefined ? Infinity : nextAt - now, stop);
        continue;
      }
      this.#triggered = false;
      const startedAt = Date.now();
      this.#running = true;
      try {
        await runTaskOnce({ taskId: id, fn, timeoutMs, stop, logger });
      } finally {
        this.#running = false;
      }
      nextAt = nextRunAfter(cadence, cadence.type === 'interval' ? startedAt : Date.now());
    }
  }
}
