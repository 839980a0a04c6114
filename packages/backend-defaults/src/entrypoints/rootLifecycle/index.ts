export { createRootLifecycle } from './createRootLifecycle';
export type { RootLifecycle, RootLifecycleController } from './createRootLifecycle';
export { rootLifecycleServiceFactory } from './rootLifecycleServiceFactory';
