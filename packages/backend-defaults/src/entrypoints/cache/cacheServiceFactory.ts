import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { CacheManager } from './CacheManager';

/** The default `coreServices.cache`: one store per backend, one namespace per plugin. */
export const cacheServiceFactory = createServiceFactory({
  service: coreServices.cache,
  deps: { config: coreServices.rootConfig, pluginMetadata: coreServices.pluginMetadata },
  createRootContext: ({ config }) => CacheManager.fromConfig(config),
  factory: ({ pluginMetadata }, manager) => manager.forPlugin(pluginMetadata.getId()),
});
