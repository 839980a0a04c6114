import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { startRootHttpServer } from './startRootHttpServer';

export interface RootHttpRouterFactoryOptions {
  /** Where the handler for every non-API path is mounted. Default `/api/app`; `false` disables. */
  indexPath?: string | false;
}

/** A root HTTP router factory with custom options; `rootHttpRouterServiceFactory` uses defaults. */
export function createRootHttpRouterServiceFactory(options: RootHttpRouterFactoryOptions = {}) {
  return createServiceFactory({
    service: coreServices.rootHttpRouter,
    deps: {
      config: coreServices.rootConfig,
      rootLogger: coreServices.rootLogger,
      lifecycle: coreServices.rootLifecycle,
      health: coreServices.rootHealth,
    },
    initialization: 'always',
    factory: async ({ config, rootLogger, lifecycle, health }) => {
      const { router } = await startRootHttpServer({
        config,
        logger: rootLogger.child({ service: 'rootHttpRouter' }),
        lifecycle,
        health,
        indexPath: options.indexPath,
      });
      return router;
    },
  });
}

export const rootHttpRouterServiceFactory = createRootHttpRouterServiceFactory();
