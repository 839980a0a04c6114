import type { Config } from '@greenroom/config';
import { createServiceRef } from '../system/serviceRef';
import type { AuthService } from './AuthService';
import type { CacheService } from './CacheService';
import type { DatabaseService } from './DatabaseService';
import type { DiscoveryService } from './DiscoveryService';
import type { EventsService } from './EventsService';
import type { HttpAuthService } from './HttpAuthService';
import type { HttpRouterService, RootHttpRouterService } from './HttpRouterService';
import type { LifecycleService, RootLifecycleService } from './LifecycleService';
import type { LoggerService, RootLoggerService } from './LoggerService';
import type { PluginMetadataService } from './PluginMetadataService';
import type { RootHealthService } from './RootHealthService';
import type { SchedulerService } from './SchedulerService';
import type { UrlReaderService } from './UrlReaderService';
import type { UserInfoService } from './UserInfoService';

/** The services every backend provides. Ids match Backstage's (`core.<name>`). */
export const coreServices = {
  rootConfig: createServiceRef<Config>({ id: 'core.rootConfig', scope: 'root' }),
  rootLogger: createServiceRef<RootLoggerService>({ id: 'core.rootLogger', scope: 'root' }),
  logger: createServiceRef<LoggerService>({ id: 'core.logger' }),
  rootLifecycle: createServiceRef<RootLifecycleService>({
    id: 'core.rootLifecycle',
    scope: 'root',
  }),
  lifecycle: createServiceRef<LifecycleService>({ id: 'core.lifecycle' }),
  rootHttpRouter: createServiceRef<RootHttpRouterService>({
    id: 'core.rootHttpRouter',
    scope: 'root',
  }),
  httpRouter: createServiceRef<HttpRouterService>({ id: 'core.httpRouter' }),
  rootHealth: createServiceRef<RootHealthService>({ id: 'core.rootHealth', scope: 'root' }),
  database: createServiceRef<DatabaseService>({ id: 'core.database' }),
  discovery: createServiceRef<DiscoveryService>({ id: 'core.discovery' }),
  scheduler: createServiceRef<SchedulerService>({ id: 'core.scheduler' }),
  cache: createServiceRef<CacheService>({ id: 'core.cache' }),
  urlReader: createServiceRef<UrlReaderService>({ id: 'core.urlReader' }),
  events: createServiceRef<EventsService>({ id: 'events.service' }),
  pluginMetadata: createServiceRef<PluginMetadataService>({ id: 'core.pluginMetadata' }),
  auth: createServiceRef<AuthService>({ id: 'core.auth' }),
  httpAuth: createServiceRef<HttpAuthService>({ id: 'core.httpAuth' }),
  userInfo: createServiceRef<UserInfoService>({ id: 'core.userInfo' }),
} as const;
