import type { Request, Response } from 'express';
import type { BackstageCredentials, BackstagePrincipalTypes } from './AuthService';

/** Reads credentials from incoming requests, and issues the plugin-scoped user cookie. */
export interface HttpAuthService {
  /**
   * The credentials of a request: the `Authorization: Bearer` token, or with
   * `allowLimitedAccess` the plugin's user cookie. Without credentials it is the `none`
   * principal. A principal type missing from `allow` fails: 401 `Missing credentials` for
   * `none`, 403 for `user` or `service`. The result is cached per request.
   */
  credentials<TAllowed extends keyof BackstagePrincipalTypes = 'unknown'>(
    req: Request,
    options?: { allow?: TAllowed[]; allowLimitedAccess?: boolean },
  ): Promise<BackstageCredentials<BackstagePrincipalTypes[TAllowed]>>;

  /**
   * Sets the cookie that lets the browser call this plugin's `user-cookie` routes: from the
   * given user credentials, or from the request's full user token.
   */
  issueUserCookie(
    res: Response,
    options?: { credentials?: BackstageCredentials },
  ): Promise<{ expiresAt: Date }>;
}
