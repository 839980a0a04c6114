import type { HttpAuthService } from '@greenroom/backend-plugin-api';
import type { RequestHandler, Router } from 'express';
import type { AssetNamespace, StaticAsset } from '../assets/StaticAssetStore';
import type { AppBundle } from '../bundle/AppBundle';
import { createBundleRouter } from './createBundleRouter';
import { createNotBuiltHandler } from './createNotBuiltHandler';
import { PUBLIC_BUNDLE_DIR } from '../bundle/loadAppBundleFromConfig';
import { createProtectedAppRouter } from './createProtectedAppRouter';

export interface AppRouterOptions {
  /** The full app; undefined when it is not built. */
  app: AppBundle | undefined;
  /** The public sign-in bundle (`dist/public`); when present the full app needs the cookie. */
  publicBundle?: AppBundle;
  httpAuth: HttpAuthService;
  /** Files of earlier builds, by bundle; absent when the asset cache is off. */
  findOldAsset?: (namespace: AssetNamespace, path: string) => Promise<StaticAsset | undefined>;
}

/**
 * Everything the app plugin answers: the full app to everyone, or, with a public bundle, the
 * public bundle to callers without the app's user cookie.
 */
export function createAppRouter(options: AppRouterOptions): Router | RequestHandler {
  const { app, publicBundle, findOldAsset } = options;
  if (!app) return createNotBuiltHandler();
  if (publicBundle) {
    return createProtectedAppRouter({
      app,
      publicBundle,
      httpAuth: options.httpAuth,
      findOldAsset,
    });
  }
  return createBundleRouter(app, {
    excludeFolders: [PUBLIC_BUNDLE_DIR],
    findOldAsset: findOldAsset && (path => findOldAsset('default', path)),
  });
}
