// Query parameters that carry one-time codes or credentials in OAuth flows and API calls.
const SENSITIVE =
  /^(code|state|token|access_token|id_token|refresh_token|client_secret|password|secret|key|sig|signature|api[-_]?key)$/i;

/** The URL with the values of sensitive query parameters replaced, for logging. */
export function maskQuery(url: string): string {
  const at = url.indexOf('?');
  if (at === -1) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  let masked = false;
  for (const name of new Set(params.keys())) {
    if (SENSITIVE.test(name)) {
      params.set(name, '[MASKED]');
      masked = true;
    }
  }
  return masked ? `${url.slice(0, at)}?${params.toString()}` : url;
}
