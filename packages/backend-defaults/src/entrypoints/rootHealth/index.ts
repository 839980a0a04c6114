export { createRootHealth } from './createRootHealth';
export { rootHealthServiceFactory } from './rootHealthServiceFactory';
