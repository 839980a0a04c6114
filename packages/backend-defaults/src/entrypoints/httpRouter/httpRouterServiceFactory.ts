import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { readDurationMs } from '../../lib/duration';
import { createPluginHttpRouter } from './createPluginHttpRouter';

/** Mounts each plugin's router at `/api/<pluginId>`, eagerly, so every plugin answers there. */
export const httpRouterServiceFactory = createServiceFactory({
  service: coreServices.httpRouter,
  deps: {
    config: coreServices.rootConfig,
    rootHttpRouter: coreServices.rootHttpRouter,
    lifecycle: coreServices.lifecycle,
    pluginMetadata: coreServices.pluginMetadata,
  },
  initialization: 'always',
  factory: ({ config, rootHttpRouter, lifecycle, pluginMetadata }) =>
    createPluginHttpRouter({
      pluginId: pluginMetadata.getId(),
      rootHttpRouter,
      lifecycle,
      startupRequestPauseTimeoutMs: readDurationMs(
        config,
        'backend.lifecycle.startupRequestPauseTimeout',
      ),
    }),
});
