import type { HttpAuthService } from '@greenroom/backend-plugin-api';
import { AuthenticationError, NotFoundError } from '@greenroom/errors';
import type { Request, Response } from 'express';
import { Router } from 'express';
import type { AppBundle } from '../bundle/AppBundle';
import { PUBLIC_BUNDLE_DIR } from '../bundle/loadAppBundleFromConfig';
import type { AssetNamespace, StaticAsset } from '../assets/StaticAssetStore';
import { CACHE_NONE, privately } from './cacheControl';
import { createBundleRouter } from './createBundleRouter';
import { parseRequestPath } from './parseRequestPath';

export interface ProtectedAppRouterOptions {
  app: AppBundle;
  publicBundle: AppBundle;
  httpAuth: HttpAuthService;
  findOldAsset?: (namespace: AssetNamespace, path: string) => Promise<StaticAsset | undefined>;
}

interface CookieClearer {
  clearUserCookie(res: Response): Promise<void>;
}

function canClearCookies(httpAuth: HttpAuthService): httpAuth is HttpAuthService & CookieClearer {
  return typeof (httpAuth as Partial<CookieClearer>).clearUserCookie === 'function';
}

/**
 * Protected mode (the app has a public bundle): callers with the app's user cookie (or a
 * Bearer token) get the full app; everyone else gets the public sign-in bundle, and a 401 for
 * any file that is not part of it, so the full app's code never leaves the server unasked.
 */
export function createProtectedAppRouter(options: ProtectedAppRouterOptions): Router {
  const { httpAuth, findOldAsset } = options;

  const full = createBundleRouter(options.app, {
    cacheControl: privately,
    excludeFolders: [PUBLIC_BUNDLE_DIR],
    findOldAsset: findOldAsset && (path => findOldAsset('default', path)),
  });
  // Signed in, the public bundle's files stay reachable (a tab still on the sign-in page).
  const publicFallback = createBundleRouter(options.publicBundle, {
    findOldAsset: findOldAsset && (path => findOldAsset('public', path)),
  });
  const publicRouter = createBundleRouter(options.publicBundle, {
    findOldAsset: findOldAsset && (path => findOldAsset('public', path)),
    assetMissError: requested =>
      new AuthenticationError(`Sign in to load ${requested.path}: it belongs to the full app`),
  });

  const signedIn = async (req: Request, res: Response): Promise<boolean> => {
    try {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service', 'none'],
        allowLimitedAccess: true,
      });
      return credentials.principal.type !== 'none';
    } catch {
      // An expired or foreign cookie: drop it, so the browser stops sending it.
      if (canClearCookies(httpAuth)) await httpAuth.clearUserCookie(res);
      return false;
    }
  };

  const router = Router();
  router.use(async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    // Malformed and traversal paths fail before anything else.
    const requested = parseRequestPath(req.path);
    // The same URL answers differently with and without the cookie.
    res.vary('Cookie');
    if (await signedIn(req, res)) {
      full(req, res, error => {
        if (error instanceof NotFoundError && requested.isAsset) publicFallback(req, res, next);
        else next(error);
      });
      return;
    }
    // A refusal must not be stored either, or the signed-in user would get it from a cache.
    res.set('Cache-Control', CACHE_NONE);
    publicRouter(req, res, next);
  });
  return router;
}
