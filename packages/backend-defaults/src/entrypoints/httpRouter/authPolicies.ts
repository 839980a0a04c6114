import type { HttpRouterServiceAuthPolicy } from '@greenroom/backend-plugin-api';

const ALLOW_VALUES: ReadonlyArray<HttpRouterServiceAuthPolicy['allow']> = [
  'unauthenticated',
  'user-cookie',
];

/** Throws `Invalid auth policy: ...` unless the policy is one a plugin may register. */
export function validateAuthPolicy(policy: unknown): HttpRouterServiceAuthPolicy {
  if (typeof policy !== 'object' || policy === null) {
    throw new Error('Invalid auth policy: expected an object with path and allow');
  }
  const { path, allow } = policy as Record<string, unknown>;
  if (!ALLOW_VALUES.includes(allow as HttpRouterServiceAuthPolicy['allow'])) {
    throw new Error(
      `Invalid auth policy: allow must be 'unauthenticated' or 'user-cookie', got ${JSON.stringify(allow)}`,
    );
  }
  if (typeof path !== 'string' || !(path.startsWith('/') || path === '*')) {
    throw new Error(
      `Invalid auth policy: path must start with '/' (or be '*'), got ${JSON.stringify(path)}`,
    );
  }
  return { path, allow: allow as HttpRouterServiceAuthPolicy['allow'] };
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter(segment => segment.length > 0);
}

/**
 * Prefix match by whole segments, case-insensitive like express routing: `/static` covers
 * `/static` and `/static/a/b` but not `/statics`. A `:name` segment matches any one segment.
 */
function policyCovers(policyPath: string, requestPath: string): boolean {
  if (policyPath === '/' || policyPath === '*') return true;
  const wanted = segmentsOf(policyPath);
  const actual = segmentsOf(requestPath);
  if (wanted.length > actual.length) return false;
  return wanted.every(
    (segment, i) => segment.startsWith(':') || segment.toLowerCase() === actual[i].toLowerCase(),
  );
}

/**
 * What the policies allow for a path relative to the plugin mount: `unauthenticated` (any
 * request passes), `user-cookie` (credentials required, the user cookie counts), or undefined
 * (credentials required). Policies only widen access, so `unauthenticated` wins over the rest.
 */
export function matchAuthPolicy(
  policies: readonly HttpRouterServiceAuthPolicy[],
  path: string,
): HttpRouterServiceAuthPolicy['allow'] | undefined {
  let result: HttpRouterServiceAuthPolicy['allow'] | undefined;
  for (const policy of policies) {
    if (!policyCovers(policy.path, path)) continue;
    if (policy.allow === 'unauthenticated') return 'unauthenticated';
    result = policy.allow;
  }
  return result;
}
