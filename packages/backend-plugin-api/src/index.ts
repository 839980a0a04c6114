export { createServiceFactory, createServiceRef } from './system/serviceRef';
export type {
  AnyServiceRef,
  ServiceFactory,
  ServiceFactoryContext,
  ServiceRef,
  ServiceRefsToInstances,
  ServiceScope,
} from './system/serviceRef';
export { createExtensionPoint } from './wiring/types';
export type {
  BackendFeature,
  BackendModuleFeature,
  BackendPluginFeature,
  DepRef,
  DepsToInstances,
  ExtensionPoint,
  FeatureRegistrations,
  InitRegistration,
} from './wiring/types';
export {
  ID_PATTERN,
  createBackendModule,
  createBackendPlugin,
  isServiceRef,
} from './wiring/createBackendFeature';
export type { RegistrationEnvironment } from './wiring/createBackendFeature';
export { coreServices } from './services/coreServices';
export type * from './services/AuthService';
export type * from './services/CacheService';
export type * from './services/DatabaseService';
export type * from './services/DiscoveryService';
export type * from './services/EventsService';
export type * from './services/HttpAuthService';
export type * from './services/HttpRouterService';
export type * from './services/LifecycleService';
export type * from './services/LoggerService';
export type * from './services/PluginMetadataService';
export type * from './services/RootHealthService';
export type * from './services/SchedulerService';
export type * from './services/UrlReaderService';
export type * from './services/UserInfoService';
export { rollbackMigrations, runMigrations } from './database/migrations';
export type { DatabaseMigration, RunMigrationsOptions } from './database/migrations';
