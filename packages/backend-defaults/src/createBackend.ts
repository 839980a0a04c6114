import type { ServiceFactory } from '@greenroom/backend-plugin-api';
import { authServiceFactory } from './entrypoints/auth';
import { cacheServiceFactory } from './entrypoints/cache';
import { databaseServiceFactory } from './entrypoints/database';
import { discoveryServiceFactory } from './entrypoints/discovery';
import { eventsServiceFactory } from './entrypoints/events';
import { httpAuthServiceFactory } from './entrypoints/httpAuth';
import { httpRouterServiceFactory } from './entrypoints/httpRouter';
import { lifecycleServiceFactory } from './entrypoints/lifecycle';
import { loggerServiceFactory } from './entrypoints/logger';
import { pluginMetadataServiceFactory } from './entrypoints/pluginMetadata';
import { rootConfigServiceFactory } from './entrypoints/rootConfig';
import { rootHealthServiceFactory } from './entrypoints/rootHealth';
import { rootHttpRouterServiceFactory } from './entrypoints/rootHttpRouter';
import { rootLifecycleServiceFactory } from './entrypoints/rootLifecycle';
import { rootLoggerServiceFactory } from './entrypoints/rootLogger';
import { schedulerServiceFactory } from './entrypoints/scheduler';
import { urlReaderServiceFactory } from './entrypoints/urlReader';
import { userInfoServiceFactory } from './entrypoints/userInfo';
import { createSpecializedBackend, type Backend } from './wiring/createSpecializedBackend';

/** Greenroom's implementation of every core service. `backend.add(factory)` replaces one. */
export const defaultServiceFactories: ServiceFactory[] = [
  rootConfigServiceFactory,
  rootLoggerServiceFactory,
  rootLifecycleServiceFactory,
  rootHealthServiceFactory,
  rootHttpRouterServiceFactory,
  pluginMetadataServiceFactory,
  loggerServiceFactory,
  lifecycleServiceFactory,
  httpRouterServiceFactory,
  databaseServiceFactory,
  discoveryServiceFactory,
  schedulerServiceFactory,
  cacheServiceFactory,
  urlReaderServiceFactory,
  eventsServiceFactory,
  authServiceFactory,
  httpAuthServiceFactory,
  userInfoServiceFactory,
] as ServiceFactory[];

/** A backend with every core service; add plugins and call `start()`. */
export function createBackend(): Backend {
  return createSpecializedBackend({ defaultServiceFactories });
}
