import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { createPluginLifecycle } from './createPluginLifecycle';

/** One lifecycle per plugin; the instance also implements PluginLifecycleController. */
export const lifecycleServiceFactory = createServiceFactory({
  service: coreServices.lifecycle,
  deps: { logger: coreServices.logger, pluginMetadata: coreServices.pluginMetadata },
  factory: ({ logger, pluginMetadata }) =>
    createPluginLifecycle({ pluginId: pluginMetadata.getId(), logger }),
});
