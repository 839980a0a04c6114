import type {
  AuthService,
  BackstageCredentials,
  BackstagePrincipalTypes,
  DiscoveryService,
  HttpAuthService,
  LoggerService,
} from '@greenroom/backend-plugin-api';
import { AuthenticationError, NotAllowedError } from '@greenroom/errors';
import type { Request, Response } from 'express';
import { isUserCredentials, principalTypeOf } from '../auth/credentials';
import type { Explain } from '../auth/explain';
import { decodeToken } from '../auth/jwt/decodeToken';
import { TOKEN_TYPES } from '../auth/tokenTypes';
import { readBearerToken, readCookieValues } from './readRequestTokens';

/** Cookie name, as in Backstage; the value is bound to one plugin (see `issueCookieToken`). */
export const USER_COOKIE_NAME = 'backstage-auth';

/** A cookie with more than this left is not reissued. */
const COOKIE_REUSE_MARGIN_MS = 5 * 60 * 1000;

/** The auth service capability the cookie needs; only the default auth service has it. */
interface CookieTokenIssuer {
  issueCookieToken(credentials: BackstageCredentials): Promise<{ token: string; expiresAt: Date }>;
}

function canIssueCookies(auth: AuthService): auth is AuthService & CookieTokenIssuer {
  return typeof (auth as Partial<CookieTokenIssuer>).issueCookieToken === 'function';
}

/**
 * The cookie's Path: the plugin's mount (`/api/<id>`), so the browser sends it nowhere else.
 * The `app` plugin is the exception: it serves the frontend from the backend's root (the root
 * router's index), so its cookie must reach every page and asset there.
 */
function cookiePath(pluginId: string, externalBaseUrl: URL): string {
  const mount = externalBaseUrl.pathname.replace(/\/+$/, '');
  if (pluginId === 'app') return mount.replace(/\/api\/app$/, '') || '/';
  return mount || '/';
}

interface ExtractedCredentials {
  credentials: BackstageCredentials;
  /** Why there are no credentials, when it is worth telling (a malformed header). */
  note?: string;
}

export interface DefaultHttpAuthServiceOptions {
  pluginId: string;
  auth: AuthService;
  discovery: DiscoveryService;
  logger: LoggerService;
  explain: Explain;
}

/**
 * Credentials of incoming requests for one plugin: the Bearer token, else (with limited access)
 * this plugin's user cookie. Each request is authenticated once per access level.
 */
export class DefaultHttpAuthService implements HttpAuthService {
  readonly #options: DefaultHttpAuthServiceOptions;
  readonly #cache = new WeakMap<Request, Map<'full' | 'limited', Promise<ExtractedCredentials>>>();
  #cookieSettings: Promise<{ path: string; secure: boolean }> | undefined;

  constructor(options: DefaultHttpAuthServiceOptions) {
    this.#options = options;
  }

  async credentials<TAllowed extends keyof BackstagePrincipalTypes = 'unknown'>(
    req: Request,
    options: { allow?: TAllowed[]; allowLimitedAccess?: boolean } = {},
  ): Promise<BackstageCredentials<BackstagePrincipalTypes[TAllowed]>> {
    const { credentials, note } = await this.#extract(req, options.allowLimitedAccess ?? false);
    const allow = options.allow as string[] | undefined;
    const type = principalTypeOf(credentials);
    if (allow && !allow.includes('unknown') && !allow.includes(type)) {
      if (type === 'none') {
        throw new AuthenticationError(
          this.#options.explain(
            note ? `Missing credentials (${note})` : 'Missing credentials',
            "send 'Authorization: Bearer <token>' with a user token from sign-in or a service token, or make the route public with httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' })",
          ),
        );
      }
      throw new NotAllowedError(`This endpoint does not allow '${type}' credentials`);
    }
    return credentials as BackstageCredentials<BackstagePrincipalTypes[TAllowed]>;
  }

  async issueUserCookie(
    res: Response,
    options: { credentials?: BackstageCredentials } = {},
  ): Promise<{ expiresAt: Date }> {
    const { auth } = this.#options;
    if (!canIssueCookies(auth)) {
      throw new Error('issueUserCookie needs the default auth service (core.auth)');
    }
    const credentials =
      options.credentials ?? (await this.credentials(res.req, { allow: ['user'] }));
    if (!isUserCredentials(credentials)) {
      throw new AuthenticationError('Only user credentials can be exchanged for a cookie');
    }
    const existing = await this.#currentCookie(res.req);
    if (
      existing &&
      isUserCredentials(existing) &&
      existing.principal.userEntityRef === credentials.principal.userEntityRef &&
      existing.expiresAt &&
      existing.expiresAt.getTime() - Date.now() > COOKIE_REUSE_MARGIN_MS
    ) {
      return { expiresAt: existing.expiresAt };
    }
    const { token, expiresAt } = await auth.issueCookieToken(credentials);
    const { path, secure } = await this.#getCookieSettings();
    res.cookie(USER_COOKIE_NAME, token, {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path,
      expires: expiresAt,
      priority: 'high',
    });
    return { expiresAt };
  }

  /** Removes the cookie `issueUserCookie` set (same name and path, so the browser drops it). */
  async clearUserCookie(res: Response): Promise<void> {
    const { path, secure } = await this.#getCookieSettings();
    res.clearCookie(USER_COOKIE_NAME, { httpOnly: true, secure, sameSite: 'lax', path });
  }

  #extract(req: Request, limited: boolean): Promise<ExtractedCredentials> {
    let perRequest = this.#cache.get(req);
    if (!perRequest) this.#cache.set(req, (perRequest = new Map()));
    const level = limited ? 'limited' : 'full';
    let extracted = perRequest.get(level);
    if (!extracted) {
      extracted = this.#authenticateRequest(req, limited);
      perRequest.set(level, extracted);
    }
    return extracted;
  }

  async #authenticateRequest(req: Request, limited: boolean): Promise<ExtractedCredentials> {
    const { auth } = this.#options;
    try {
      const bearer = readBearerToken(req);
      if (bearer.token) {
        return {
          credentials: await auth.authenticate(bearer.token, { allowLimitedAccess: limited }),
        };
      }
      if (limited) {
        const cookie = await this.#cookieCredentials(req);
        if (cookie) return { credentials: cookie };
      }
      return {
        credentials: await auth.getNoneCredentials(),
        note: bearer.malformed ? "the Authorization header is not 'Bearer <token>'" : undefined,
      };
    } catch (error) {
      // The message says what was wrong with the token and never contains it.
      this.#options.logger.debug(
        `Refused credentials for ${req.method} ${req.baseUrl}${req.path}: ${(error as Error).message}`,
      );
      throw error;
    }
  }

  /** Credentials from this plugin's cookie; only cookie tokens count, never a raw user token. */
  async #cookieCredentials(req: Request): Promise<BackstageCredentials | undefined> {
    const values = readCookieValues(req, USER_COOKIE_NAME).filter(
      value => decodeToken(value)?.header.typ === TOKEN_TYPES.pluginCookie,
    );
    let firstError: unknown;
    for (const value of values) {
      try {
        return await this.#options.auth.authenticate(value, { allowLimitedAccess: true });
      } catch (error) {
        firstError ??= error;
      }
    }
    if (firstError) throw firstError;
    if (readCookieValues(req, USER_COOKIE_NAME).length > 0) {
      throw new AuthenticationError(
        this.#options.explain(
          `Failed cookie verification: the ${USER_COOKIE_NAME} cookie was not issued by plugin '${this.#options.pluginId}'`,
          `fetch a cookie from GET /api/${this.#options.pluginId}/.backstage/auth/v1/cookie`,
        ),
      );
    }
    return undefined;
  }

  async #currentCookie(req: Request): Promise<BackstageCredentials | undefined> {
    try {
      return await this.#cookieCredentials(req);
    } catch {
      return undefined;
    }
  }

  #getCookieSettings(): Promise<{ path: string; secure: boolean }> {
    this.#cookieSettings ??= this.#options.discovery
      .getExternalBaseUrl(this.#options.pluginId)
      .then(base => {
        const url = new URL(base);
        return { path: cookiePath(this.#options.pluginId, url), secure: url.protocol === 'https:' };
      });
    return this.#cookieSettings;
  }
}
