export { createPluginLifecycle } from './createPluginLifecycle';
export type { PluginLifecycle, PluginLifecycleController } from './createPluginLifecycle';
export { lifecycleServiceFactory } from './lifecycleServiceFactory';
