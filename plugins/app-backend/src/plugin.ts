import {
  coreServices,
  createBackendPlugin,
  type BackendPluginFeature,
} from '@greenroom/backend-plugin-api';
import { openStaticAssetCache } from './assets/openStaticAssetCache';
import { loadAppBundleFromConfig } from './bundle/loadAppBundleFromConfig';
import { createAppRouter } from './service/createAppRouter';
import { NOT_BUILT_MESSAGE } from './service/createNotBuiltHandler';

export interface AppPluginOptions {
  /**
   * The repository root whose workspace packages declare the config schema that decides which
   * values reach the browser. Default: `findRootDir()` from the process cwd.
   */
  rootDir?: string;
}

/**
 * The `app` plugin: serves the built frontend at `/` with the frontend config injected; with a
 * public sign-in bundle, the full app only to callers with the app's user cookie.
 */
export function createAppPlugin(options: AppPluginOptions = {}): BackendPluginFeature {
  return createBackendPlugin({
    pluginId: 'app',
    register(env) {
      env.registerInit({
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          database: coreServices.database,
        },
        async init({ config, logger, httpRouter, httpAuth, database }) {
          // Pages are public (the sign-in page comes from here); the router itself decides
          // per request which bundle a caller may load.
          httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
          const loaded = await loadAppBundleFromConfig({ config, rootDir: options.rootDir });
          if ('missing' in loaded) {
            logger.warn(NOT_BUILT_MESSAGE, { ...loaded.missing });
            httpRouter.use(createAppRouter({ app: undefined, httpAuth }));
            return;
          }
          const cache = config.getOptionalBoolean('app.disableStaticFallbackCache')
            ? undefined
            : await openStaticAssetCache({ database, logger, ...loaded });
          httpRouter.use(
            createAppRouter({
              app: loaded.bundle,
              publicBundle: loaded.publicBundle,
              httpAuth,
              findOldAsset: cache && ((namespace, path) => cache.getAsset(namespace, path)),
            }),
          );
        },
      });
    },
  });
}

/** The `app` plugin with defaults; add it with `backend.add(appPlugin)`. */
export const appPlugin = createAppPlugin();
