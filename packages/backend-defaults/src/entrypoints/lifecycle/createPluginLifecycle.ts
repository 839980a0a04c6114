import type {
  LifecycleHook,
  LifecycleHookOptions,
  LifecycleService,
  LoggerService,
} from '@greenroom/backend-plugin-api';
import { HookList } from '../rootLifecycle/HookList';
import type { PluginLifecycleController } from '../../wiring/lifecycleControllers';

export type { PluginLifecycleController };

export type PluginLifecycle = LifecycleService & PluginLifecycleController;

export function createPluginLifecycle(options: {
  pluginId: string;
  /** The plugin's logger; failures of hooks without their own logger go here. */
  logger: LoggerService;
}): PluginLifecycle {
  const { pluginId, logger } = options;
  const startupHooks = new HookList('startup');
  const shutdownHooks = new HookList('shutdown');
  let started = false;
  let shutdownRun: Promise<void> | undefined;

  return {
    addStartupHook: (hook: LifecycleHook, hookOptions?: LifecycleHookOptions) =>
      startupHooks.add(hook, hookOptions),
    addShutdownHook: (hook: LifecycleHook, hookOptions?: LifecycleHookOptions) =>
      shutdownHooks.add(hook, hookOptions),
    async startup() {
      if (started) throw new Error(`Lifecycle startup of plugin '${pluginId}' has already run`);
      started = true;
      await startupHooks.runOrThrow();
    },
    // Last added, first run: services a plugin depends on (its database pool) add their hooks
    // while its dependencies are made, before the plugin's init adds its own, and must close
    // after the plugin stopped using them.
    shutdown: () =>
      (shutdownRun ??= shutdownHooks.runLoggingFailures(
        logger,
        `Shutdown hook of plugin '${pluginId}' failed`,
        'reversed',
      )),
  };
}
