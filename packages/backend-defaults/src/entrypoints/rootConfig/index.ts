export {
  createRootConfigServiceFactory,
  rootConfigServiceFactory,
} from './rootConfigServiceFactory';
export type { RootConfigFactoryOptions } from './rootConfigServiceFactory';
export { getConfigSecrets } from './configSecrets';
