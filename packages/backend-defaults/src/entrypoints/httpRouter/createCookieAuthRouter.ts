import type { HttpAuthService } from '@greenroom/backend-plugin-api';
import type { Response } from 'express';
import { Router } from 'express';

interface CookieClearer {
  clearUserCookie(res: Response): Promise<void>;
}

function canClearCookies(httpAuth: HttpAuthService): httpAuth is HttpAuthService & CookieClearer {
  return typeof (httpAuth as Partial<CookieClearer>).clearUserCookie === 'function';
}

/**
 * `GET /.backstage/auth/v1/cookie` exchanges the caller's full user token for this plugin's
 * cookie (`{ expiresAt }`); `DELETE` clears it (204). Behind the credentials barrier.
 */
export function createCookieAuthRouter(options: { httpAuth: HttpAuthService }): Router {
  const { httpAuth } = options;
  const router = Router();
  router.get('/.backstage/auth/v1/cookie', async (_req, res) => {
    const { expiresAt } = await httpAuth.issueUserCookie(res);
    // Per user and per moment: a cached answer (or a 304) would skip the Set-Cookie, so no
    // Cache-Control but no-store and no ETag (res.json would add one and answer 304s).
    res.set('Cache-Control', 'no-store');
    res.type('json').end(JSON.stringify({ expiresAt: expiresAt.toISOString() }));
  });
  router.delete('/.backstage/auth/v1/cookie', async (_req, res) => {
    if (canClearCookies(httpAuth)) await httpAuth.clearUserCookie(res);
    res.set('Cache-Control', 'no-store');
    res.status(204).end();
  });
  return router;
}
