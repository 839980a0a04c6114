import type { SignInInfo } from '@greenroom/plugin-auth-backend';

// Token bookkeeping, not facts about the user.
const TECHNICAL_CLAIMS = new Set([
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'nonce',
  'azp',
  'at_hash',
  'c_hash',
  'sid',
  'auth_time',
  'acr',
  'amr',
]);

const optionalString = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** The profile and claims sign-in resolvers see, from ID token claims and the userinfo response. */
export function toSignInInfo(claims: Record<string, unknown>): SignInInfo {
  const userClaims = Object.fromEntries(
    Object.entries(claims).filter(([key]) => !TECHNICAL_CLAIMS.has(key)),
  );
  const profile = {
    email: optionalString(claims.email),
    displayName: optionalString(claims.name),
    picture: optionalString(claims.picture),
  };
  return {
    profile: Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined)),
    username: optionalString(claims.preferred_username),
    claims: userClaims,
  };
}
