import type {
  LifecycleHook,
  LifecycleHookOptions,
  LoggerService,
} from '@greenroom/backend-plugin-api';

/**
 * One phase's hooks (startup, before-shutdown or shutdown). Hooks run one after another in the
 * order they were added, so a service registered earlier (health, the HTTP server) acts first;
 * `runLoggingFailures` can run them last-added first instead (see createPluginLifecycle).
 */
export class HookList {
  readonly #phase: string;
  readonly #hooks: Array<{ hook: LifecycleHook; logger?: LoggerService }> = [];
  #closed = false;

  constructor(phase: string) {
    this.#phase = phase;
  }

  add(hook: LifecycleHook, options?: LifecycleHookOptions): void {
    if (typeof hook !== 'function') {
      throw new TypeError(`A ${this.#phase} hook must be a function`);
    }
    if (this.#closed) {
      // A hook added this late would silently never run.
      throw new Error(`Attempted to add a ${this.#phase} hook after ${this.#phase} began`);
    }
    this.#hooks.push({ hook, logger: options?.logger });
  }

  /** Runs every hook in order; the first failure stops the phase and is rethrown. */
  async runOrThrow(): Promise<void> {
    this.#closed = true;
    for (const { hook } of this.#hooks) await hook();
  }

  /** Runs every hook in order (or reversed); a failure is logged and the next hook still runs. */
  async runLoggingFailures(
    defaultLogger: LoggerService,
    failureMessage: string,
    order: 'added' | 'reversed' = 'added',
  ): Promise<void> {
    this.#closed = true;
    const hooks = order === 'added' ? this.#hooks : [...this.#hooks].reverse();
    for (const { hook, logger } of hooks) {
      try {
        await hook();
      } catch (error) {
        (logger ?? defaultLogger).error(failureMessage, { error });
      }
    }
  }
}
