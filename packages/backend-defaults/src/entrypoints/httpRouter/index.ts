export { matchAuthPolicy, validateAuthPolicy } from './authPolicies';
export {
  DEFAULT_STARTUP_REQUEST_PAUSE_TIMEOUT_MS,
  createLifecycleMiddleware,
} from './createLifecycleMiddleware';
export { createPluginHttpRouter } from './createPluginHttpRouter';
export type { PluginHttpRouter, PluginHttpRouterOptions } from './createPluginHttpRouter';
export { httpRouterServiceFactory } from './httpRouterServiceFactory';
