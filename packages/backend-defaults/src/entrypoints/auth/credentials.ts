import type {
  BackstageCredentials,
  BackstageNonePrincipal,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@greenroom/backend-plugin-api';

// The token behind a set of credentials, kept outside the object: credentials can be logged,
// spread or serialized without carrying the token along.
const tokenByCredentials = new WeakMap<object, string>();

export function createCredentials<TPrincipal>(
  principal: TPrincipal,
  options: { token?: string; expiresAt?: Date } = {},
): BackstageCredentials<TPrincipal> {
  const credentials: BackstageCredentials<TPrincipal> = {
    $$type: '@backstage/BackstageCredentials',
    principal,
  };
  if (options.expiresAt) credentials.expiresAt = options.expiresAt;
  if (options.token) tokenByCredentials.set(credentials, options.token);
  return credentials;
}

/** The user token these credentials were made from, if the auth service made them. */
export function getCredentialsToken(credentials: BackstageCredentials): string | undefined {
  return tokenByCredentials.get(credentials);
}

export function isCredentials(value: unknown): value is BackstageCredentials {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as BackstageCredentials).$$type === '@backstage/BackstageCredentials' &&
    typeof (value as BackstageCredentials).principal === 'object'
  );
}

export function principalTypeOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as { type?: unknown } | null;
  return typeof principal?.type === 'string' ? principal.type : 'unknown';
}

export function isUserCredentials(
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageUserPrincipal> {
  return principalTypeOf(credentials) === 'user';
}

export function isServiceCredentials(
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageServicePrincipal> {
  return principalTypeOf(credentials) === 'service';
}

export function isNoneCredentials(
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageNonePrincipal> {
  return principalTypeOf(credentials) === 'none';
}
