import type { BackstageUserIdentity, ProfileInfo } from '@greenroom/frontend-plugin-api';

/** A signed-in session: who, with which provider, and the token with its expiry. */
export interface AuthSession {
  providerId: string;
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** When to fetch a fresh token, a little before `expiresAt`. Epoch milliseconds. */
  refreshAt: number;
  identity: BackstageUserIdentity;
  profile: ProfileInfo;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The expiry a JWT carries, for responses without `expiresInSeconds`. */
function jwtExpiry(token: string): number | undefined {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A session from the auth backend's ClientAuthResponse (refresh body and popup payload). Throws
 * when it lacks `backstageIdentity`, i.e. the provider has no sign-in resolver.
 */
export function sessionFromResponse(providerId: string, body: unknown, now: number): AuthSession {
  const identity =
    isObject(body) && isObject(body.backstageIdentity) ? body.backstageIdentity : undefined;
  const token = optionalString(identity?.token);
  const inner = isObject(identity?.identity) ? identity.identity : undefined;
  const userEntityRef = optionalString(inner?.userEntityRef);
  if (!identity || !token || !userEntityRef) {
    throw new Error(
      `The '${providerId}' provider answered without a user identity (backstageIdentity.token and identity.userEntityRef); is a sign-in resolver configured?`,
    );
  }
  const expiresIn = identity.expiresInSeconds;
  const expiresAt =
    typeof expiresIn === 'number' && expiresIn > 0
      ? now + expiresIn * 1000
      : (jwtExpiry(token) ?? now + 10 * 60 * 1000);
  const lifetime = Math.max(0, expiresAt - now);
  const refs = inner?.ownershipEntityRefs;
  const profile = isObject(body) && isObject(body.profile) ? body.profile : {};
  return {
    providerId,
    token,
    expiresAt,
    // Refresh ahead of expiry: a quarter of the lifetime early, at most five minutes.
    refreshAt: expiresAt - Math.min(lifetime / 4, 5 * 60 * 1000),
    identity: {
      type: 'user',
      userEntityRef,
      ownershipEntityRefs: Array.isArray(refs)
        ? refs.filter((ref): ref is string => typeof ref === 'string')
        : [userEntityRef],
    },
    profile: {
      email: optionalString(profile.email),
      displayName: optionalString(profile.displayName),
      picture: optionalString(profile.picture),
    },
  };
}
