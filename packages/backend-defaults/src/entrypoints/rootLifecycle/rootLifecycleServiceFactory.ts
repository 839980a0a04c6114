import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { createRootLifecycle } from './createRootLifecycle';

/** The root lifecycle; the instance also implements RootLifecycleController for the initializer. */
export const rootLifecycleServiceFactory = createServiceFactory({
  service: coreServices.rootLifecycle,
  deps: { rootLogger: coreServices.rootLogger },
  factory: ({ rootLogger }) =>
    createRootLifecycle({ logger: rootLogger.child({ service: 'rootLifecycle' }) }),
});
