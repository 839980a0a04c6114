/**
 * What the initializer needs from the lifecycle services on top of their public interface:
 * a way to run the hooks. The default lifecycle factories implement these.
 */
export interface RootLifecycleController {
  /** Runs the startup hooks in order, once every plugin has started. Rejects on the first failure. */
  startup(): Promise<void>;
  /** Runs the before-shutdown hooks in order (readiness off, HTTP drain). Failures are logged. */
  beforeShutdown(): Promise<void>;
  /** Runs before-shutdown first if it has not run, then the shutdown hooks. Failures are logged. */
  shutdown(): Promise<void>;
}

export interface PluginLifecycleController {
  /** Runs the plugin's startup hooks in order, after its init. Rejects on the first failure. */
  startup(): Promise<void>;
  /** Runs the plugin's shutdown hooks in order. Failures are logged with the plugin id. */
  shutdown(): Promise<void>;
}

function hasMethods<K extends string>(
  value: unknown,
  names: K[],
): value is Record<K, () => Promise<void>> {
  return (
    typeof value === 'object' &&
    value !== null &&
    names.every(name => typeof (value as Record<string, unknown>)[name] === 'function')
  );
}

export function asRootLifecycleController(value: unknown): RootLifecycleController {
  if (!hasMethods(value, ['startup', 'beforeShutdown', 'shutdown'])) {
    throw new Error(
      'The rootLifecycle service must implement startup(), beforeShutdown() and shutdown() so the backend can run its hooks',
    );
  }
  return value;
}

export function asPluginLifecycleController(value: unknown): PluginLifecycleController {
  if (!hasMethods(value, ['startup', 'shutdown'])) {
    throw new Error(
      'The lifecycle service must implement startup() and shutdown() so the backend can run its hooks',
    );
  }
  return value;
}
