/**
 * What the initializer needs from the lifecycle services on top of their public interface:
 * a way to run the hooks. The default lifecycle factories implement these.
 */
export interface RootLifecycleController {
  startup(): Promise<void>;
  beforeShutdown(): Promise<void>;
  shutdown(): Promise<void>;
}

export interface PluginLifecycleController {
  startup(): Promise<void>;
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
