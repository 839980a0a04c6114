// Query parameters that commonly carry a secret (GitLab `private_token`, signed URLs, ...).
const SECRET_QUERY_PARAM = /token|key|secret|password|passwd|sig|auth|credential|session/i;

/**
 * The URL as it may appear in errors and logs: user and password removed, secret-looking query
 * values masked. Every message in this reader goes through here.
 */
export function describeUrl(url: URL): string {
  const safe = new URL(url.href);
  safe.username = '';
  safe.password = '';
  for (const name of new Set(safe.searchParams.keys())) {
    if (SECRET_QUERY_PARAM.test(name)) safe.searchParams.set(name, '***');
  }
  return safe.href;
}
