import {
  coreServices,
  type PluginMetadataService,
  type ServiceFactory,
} from '@greenroom/backend-plugin-api';

/**
 * Tells plugin-scoped services which plugin they serve: depend on `coreServices.pluginMetadata`
 * and call `getId()`. Written as a raw factory because only the backend knows the plugin id.
 */
export const pluginMetadataServiceFactory: ServiceFactory<PluginMetadataService, 'plugin'> = {
  $$type: '@greenroom/ServiceFactory',
  service: coreServices.pluginMetadata,
  deps: {},
  initialization: 'lazy',
  factory: (_deps, { pluginId }) => ({ getId: () => pluginId }),
};
