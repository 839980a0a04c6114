import type { LoggerService } from './LoggerService';

export type LifecycleHook = () => void | Promise<void>;

export interface LifecycleHookOptions {
  /** Logs failures of this hook with this logger instead of the default. */
  logger?: LoggerService;
}

/** Startup and shutdown hooks of one plugin. */
export interface LifecycleService {
  /** Runs once the plugin's init has finished. */
  addStartupHook(hook: LifecycleHook, options?: LifecycleHookOptions): void;
  /** Runs when the backend stops, after the HTTP server stopped taking new requests. */
  addShutdownHook(hook: LifecycleHook, options?: LifecycleHookOptions): void;
}

/** Startup and shutdown hooks of the whole backend. */
export interface RootLifecycleService extends LifecycleService {
  /** Runs first on shutdown, before plugins stop (e.g. to flip readiness and drain traffic). */
  addBeforeShutdownHook(hook: LifecycleHook, options?: LifecycleHookOptions): void;
}
