import type {
  DatabaseService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskDescriptor,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
} from '@greenroom/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@greenroom/errors';
import { GlobalTaskLoop, type PollingOptions } from './GlobalTaskLoop';
import { LocalTaskLoop } from './LocalTaskLoop';
import { SchedulerTaskStore } from './SchedulerTaskStore';
import { sleep } from './sleep';
import type { TaskLoop } from './taskLoop';
import { validateSchedule } from './validateSchedule';

export interface DefaultSchedulerServiceOptions {
  /** The plugin's database: global tasks are coordinated through a table in it. */
  database: DatabaseService;
  logger: LoggerService;
  /** Wait after losing a claim or a database error. Default 1 s; tests use a few ms. */
  pollingIntervalMs?: number;
  /** Longest sleep between looks at the table, i.e. how late a trigger from another instance may be seen. Default 10 s. */
  maxPollingIntervalMs?: number;
  /** How long shutdown waits for running tasks to return after aborting them. Default 5 s. */
  shutdownGraceMs?: number;
}

type ScheduledTask = SchedulerServiceTaskScheduleDefinition &
  SchedulerServiceTaskInvocationDefinition;

/**
 * One plugin's scheduler. Local tasks run on in-process timers; global tasks run on one instance
 * at a time, coordinated through the plugin's database, which is only opened when the first
 * global task is scheduled.
 */
export class DefaultSchedulerService implements SchedulerService {
  readonly #database: DatabaseService;
  readonly #logger: LoggerService;
  readonly #polling: PollingOptions;
  readonly #shutdownGraceMs: number;
  readonly #shutdown = new AbortController();
  /** Ids are reserved before any await, so two concurrent registrations of one id cannot both win. */
  readonly #tasks = new Map<string, TaskLoop | 'registering'>();
  #store: Promise<SchedulerTaskStore> | undefined;

  constructor(options: DefaultSchedulerServiceOptions) {
    this.#database = options.database;
    this.#logger = options.logger;
    this.#polling = {
      pollingIntervalMs: options.pollingIntervalMs ?? 1_000,
      maxPollingIntervalMs: options.maxPollingIntervalMs ?? 10_000,
    };
    this.#shutdownGraceMs = options.shutdownGraceMs ?? 5_000;
  }

  async scheduleTask(task: ScheduledTask): Promise<void> {
    if (this.#shutdown.signal.aborted) {
      throw new ConflictError(`Can not schedule task '${task?.id}': the scheduler has shut down`);
    }
    if (typeof task?.id !== 'string' || task.id.trim() === '') {
      throw new InputError('Invalid task: id must be a non-empty string');
    }
    const { id, fn, signal } = task;
    if (typeof fn !== 'function')
      throw new InputError(`Invalid task '${id}': fn must be a function`);
    if (this.#tasks.has(id)) throw new ConflictError(`Task '${id}' is already scheduled`);
    const schedule = validateSchedule(task, id);
    if (signal?.aborted) return;

    this.#tasks.set(id, 'registering');
    try {
      const stop = signal
        ? AbortSignal.any([this.#shutdown.signal, signal])
        : this.#shutdown.signal;
      const options = { id, fn, schedule, stop, logger: this.#logger.child({ taskId: id }) };
      let loop: TaskLoop;
      if (schedule.scope === 'local') {
        loop = new LocalTaskLoop(options);
      } else {
        const store = await this.#getStore();
        await GlobalTaskLoop.register(store, options);
        loop = new GlobalTaskLoop(options, store, this.#polling);
      }
      this.#tasks.set(id, loop);
      // A task stopped by its own signal frees its id for a new registration.
      void loop.done.then(() => {
        if (this.#tasks.get(id) === loop && !this.#shutdown.signal.aborted) this.#tasks.delete(id);
      });
    } catch (error) {
      this.#tasks.delete(id);
      throw error;
    }
  }

  async triggerTask(id: string): Promise<void> {
    const loop = this.#tasks.get(id);
    if (!loop || loop === 'registering') throw new NotFoundError(`Task '${id}' is not scheduled`);
    await loop.trigger();
  }

  createScheduledTaskRunner(
    schedule: SchedulerServiceTaskScheduleDefinition,
  ): SchedulerServiceTaskRunner {
    // Validate now, so a bad schedule fails where the runner is made, not where it is used.
    validateSchedule(schedule, '(runner)');
    return { run: task => this.scheduleTask({ ...schedule, ...task }) };
  }

  async getScheduledTasks(): Promise<SchedulerServiceTaskDescriptor[]> {
    return [...this.#tasks.values()].flatMap(loop =>
      loop === 'registering' ? [] : [loop.descriptor],
    );
  }

  /** Stops every loop and aborts running tasks, waiting a short grace period for them to return. */
  async shutdown(): Promise<void> {
    this.#shutdown.abort(new Error('The scheduler is shutting down'));
    const loops = [...this.#tasks.values()].flatMap(loop =>
      loop === 'registering' ? [] : [loop.done],
    );
    const grace = new AbortController();
    await Promise.race([Promise.allSettled(loops), sleep(this.#shutdownGraceMs, [grace.signal])]);
    grace.abort();
  }

  #getStore(): Promise<SchedulerTaskStore> {
    this.#store ??= this.#database
      .getClient()
      .then(knex => SchedulerTaskStore.create(knex))
      .catch(error => {
        this.#store = undefined;
        throw error;
      });
    return this.#store;
  }
}
