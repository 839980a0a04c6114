import type {
  LifecycleHook,
  LifecycleHookOptions,
  LoggerService,
  RootLifecycleService,
} from '@greenroom/backend-plugin-api';
import { HookList } from './HookList';
import type { RootLifecycleController } from '../../wiring/lifecycleControllers';

export type { RootLifecycleController };

export type RootLifecycle = RootLifecycleService & RootLifecycleController;

export function createRootLifecycle(options: { logger: LoggerService }): RootLifecycle {
  const { logger } = options;
  const startupHooks = new HookList('startup');
  const beforeShutdownHooks = new HookList('before-shutdown');
  const shutdownHooks = new HookList('shutdown');
  let started = false;
  let beforeShutdownRun: Promise<void> | undefined;
  let shutdownRun: Promise<void> | undefined;

  const beforeShutdown = () =>
    (beforeShutdownRun ??= beforeShutdownHooks.runLoggingFailures(
      logger,
      'Before-shutdown hook failed',
    ));

  return {
    addStartupHook: (hook: LifecycleHook, hookOptions?: LifecycleHookOptions) =>
      startupHooks.add(hook, hookOptions),
    addBeforeShutdownHook: (hook: LifecycleHook, hookOptions?: LifecycleHookOptions) =>
      beforeShutdownHooks.add(hook, hookOptions),
    addShutdownHook: (hook: LifecycleHook, hookOptions?: LifecycleHookOptions) =>
      shutdownHooks.add(hook, hookOptions),
    async startup() {
      if (started) throw new Error('Root lifecycle startup has already run');
      started = true;
      await startupHooks.runOrThrow();
    },
    beforeShutdown,
    shutdown: () =>
      (shutdownRun ??= beforeShutdown().then(() =>
        shutdownHooks.runLoggingFailures(logger, 'Shutdown hook failed'),
      )),
  };
}
