import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { readDurationMs } from '@greenroom/config';
import { createAuthIntegrationRouter } from './createAuthIntegrationRouter';
import { createCookieAuthRouter } from './createCookieAuthRouter';
import { createCredentialsBarrier } from './createCredentialsBarrier';
import { createPluginHttpRouter } from './createPluginHttpRouter';

/**
 * Mounts each plugin's router at `/api/<pluginId>`, eagerly, so every plugin answers there,
 * behind the default auth policy unless `backend.auth.dangerouslyDisableDefaultAuthPolicy`.
 */
export const httpRouterServiceFactory = createServiceFactory({
  service: coreServices.httpRouter,
  deps: {
    config: coreServices.rootConfig,
    rootHttpRouter: coreServices.rootHttpRouter,
    lifecycle: coreServices.lifecycle,
    pluginMetadata: coreServices.pluginMetadata,
    auth: coreServices.auth,
    httpAuth: coreServices.httpAuth,
  },
  initialization: 'always',
  factory: ({ config, rootHttpRouter, lifecycle, pluginMetadata, auth, httpAuth }) =>
    createPluginHttpRouter({
      pluginId: pluginMetadata.getId(),
      rootHttpRouter,
      lifecycle,
      startupRequestPauseTimeoutMs: readDurationMs(
        config,
        'backend.lifecycle.startupRequestPauseTimeout',
      ),
      authIntegrationRouter: createAuthIntegrationRouter({ auth }),
      cookieAuthRouter: createCookieAuthRouter({ httpAuth }),
      createCredentialsBarrier: createCredentialsBarrier({
        httpAuth,
        disabled:
          config.getOptionalBoolean('backend.auth.dangerouslyDisableDefaultAuthPolicy') ?? false,
      }),
    }),
});
