import type {
  BackstageCredentials,
  BackstageUserInfo,
  DiscoveryService,
  UserInfoService,
} from '@greenroom/backend-plugin-api';
import { AuthenticationError, NotFoundError, ServiceUnavailableError } from '@greenroom/errors';
import { getCredentialsToken, isUserCredentials } from '../auth/credentials';
import { decodeToken } from '../auth/jwt/decodeToken';

const MAX_CACHED_TOKENS = 1000;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(item => typeof item === 'string');
}

/**
 * Ownership of the user behind credentials. Full user tokens carry it (`ent`); limited ones
 * (cookies, on-behalf-of calls) do not, so the auth plugin is asked at `GET /v1/userinfo` with
 * the user's own token. Answers are cached per token until the token expires.
 */
export class DefaultUserInfoService implements UserInfoService {
  readonly #discovery: DiscoveryService;
  readonly #cache = new Map<string, { expiresAt: number; info: Promise<BackstageUserInfo> }>();

  constructor(options: { discovery: DiscoveryService }) {
    this.#discovery = options.discovery;
  }

  async getUserInfo(credentials: BackstageCredentials): Promise<BackstageUserInfo> {
    if (!isUserCredentials(credentials)) {
      throw new TypeError('getUserInfo only supports user credentials');
    }
    const token = getCredentialsToken(credentials);
    if (!token) {
      throw new TypeError(
        'These user credentials carry no token: use credentials from auth.authenticate or httpAuth.credentials',
      );
    }
    const userEntityRef = credentials.principal.userEntityRef;
    const ent = decodeToken(token)?.payload.ent;
    if (isStringArray(ent)) return { userEntityRef, ownershipEntityRefs: ent };

    const now = Date.now();
    const cached = this.#cache.get(token);
    if (cached && cached.expiresAt > now) return cached.info;

    const info = this.#fetchUserInfo(token, userEntityRef);
    this.#remember(token, credentials.expiresAt?.getTime() ?? now + 60_000, info);
    return info;
  }

  async #fetchUserInfo(token: string, userEntityRef: string): Promise<BackstageUserInfo> {
    const url = `${await this.#discovery.getBaseUrl('auth')}/v1/userinfo`;
    let response: Response;
    try {
      response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    } catch (error) {
      throw new ServiceUnavailableError(`Could not reach the auth plugin at ${url}`, error);
    }
    if (response.status === 401) {
      throw new AuthenticationError(
        'The auth plugin refused the user token when asked for user info',
      );
    }
    if (response.status === 404) {
      // The auth plugin keeps user info from sign-in; a user who never signed in has none.
      throw new NotFoundError('The auth plugin has no user info for this user');
    }
    if (!response.ok) {
      throw new ServiceUnavailableError(
        `The auth plugin answered ${response.status} when asked for user info at ${url}`,
      );
    }
    const body = (await response.json().catch(() => undefined)) as
      { claims?: { sub?: unknown; ent?: unknown } } | undefined;
    const ownershipEntityRefs = body?.claims?.ent;
    if (!isStringArray(ownershipEntityRefs)) {
      throw new ServiceUnavailableError(
        'The auth plugin user info has no ownership refs (claims.ent must be a list of entity refs)',
      );
    }
    return { userEntityRef, ownershipEntityRefs };
  }

  #remember(token: string, expiresAt: number, info: Promise<BackstageUserInfo>) {
    // A failed lookup is not cached: the next call asks again.
    info.catch(() => {
      if (this.#cache.get(token)?.info === info) this.#cache.delete(token);
    });
    if (this.#cache.size >= MAX_CACHED_TOKENS) {
      const now = Date.now();
      for (const [key, entry] of this.#cache) if (entry.expiresAt <= now) this.#cache.delete(key);
      // Still full: drop the oldest entries (Map keeps insertion order).
      for (const key of this.#cache.keys()) {
        if (this.#cache.size < MAX_CACHED_TOKENS) break;
        this.#cache.delete(key);
      }
    }
    this.#cache.set(token, { expiresAt, info });
  }
}
