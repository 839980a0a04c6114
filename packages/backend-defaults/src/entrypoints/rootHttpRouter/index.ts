export { DEFAULT_INDEX_PATH, DefaultRootHttpRouter } from './DefaultRootHttpRouter';
export type { DefaultRootHttpRouterOptions } from './DefaultRootHttpRouter';
export { createRootApp } from './createRootApp';
export type { RootAppOptions } from './createRootApp';
export { getBoundAddress, startRootHttpServer } from './startRootHttpServer';
export type { BoundAddress, RootHttpServer, RootHttpServerOptions } from './startRootHttpServer';
export {
  createRootHttpRouterServiceFactory,
  rootHttpRouterServiceFactory,
} from './rootHttpRouterServiceFactory';
export type { RootHttpRouterFactoryOptions } from './rootHttpRouterServiceFactory';
export { DEFAULT_PORT, readListenOptions } from './config/readListenOptions';
export type { ListenOptions } from './config/readListenOptions';
