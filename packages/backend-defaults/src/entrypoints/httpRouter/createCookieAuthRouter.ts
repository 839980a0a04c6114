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
    res.json({ expiresAt: expiresAt.toISOString() });
  });
  router.delete('/.backstage/auth/v1/cookie', async (_req, res) => {
    if (canClearCookies(httpAuth)) await httpAuth.clearUserCookie(res);
    res.status(204).end();
  });
  return router;
}
