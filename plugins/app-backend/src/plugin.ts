import {
  coreServices,
  createBackendPlugin,
  type BackendPluginFeature,
} from '@greenroom/backend-plugin-api';
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

/** The `app` plugin: serves the built frontend at `/` with the frontend config injected. */
export function createAppPlugin(options: AppPluginOptions = {}): BackendPluginFeature {
  return createBackendPlugin({
    pluginId: 'app',
    register(env) {
      env.registerInit({
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          httpRouter: coreServices.httpRouter,
        },
        async init({ config, logger, httpRouter }) {
          // Pages and files stay public until issue 7 serves a public sign-in bundle first.
          httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
          const loaded = await loadAppBundleFromConfig({ config, rootDir: options.rootDir });
          if ('missing' in loaded) logger.warn(NOT_BUILT_MESSAGE, { ...loaded.missing });
          httpRouter.use(createAppRouter({ app: 'bundle' in loaded ? loaded.bundle : undefined }));
        },
      });
    },
  });
}

/** The `app` plugin with defaults; add it with `backend.add(appPlugin)`. */
export const appPlugin = createAppPlugin();
