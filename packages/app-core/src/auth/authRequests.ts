// The auth backend's HTTP contract, as the browser speaks it. Refresh and logout need the
// X-Requested-With header (the backend's CSRF guard) and the provider's refresh cookie.

const XHR_HEADER = { 'X-Requested-With': 'XMLHttpRequest' };

/** An auth endpoint answered with an error status; `message` is the backend's own when it gave one. */
export class AuthRequestError extends Error {
  override readonly name = 'AuthRequestError';

  constructor(
    message: string,
    readonly status: number,
    readonly url: string,
  ) {
    super(message);
  }
}

export async function errorFrom(response: Response, url: string): Promise<AuthRequestError> {
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const body = await response.json();
    if (typeof body?.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON (e.g. an HTML 404 page): the status line says enough.
  }
  return new AuthRequestError(message, response.status, url);
}

/** The ids of the providers the backend has enabled, e.g. `['guest', 'oidc']`. */
export async function fetchAuthProviders(authBaseUrl: string): Promise<string[]> {
  const url = `${authBaseUrl}/providers`;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw await errorFrom(response, url);
  const body = await response.json();
  const providers: unknown[] = Array.isArray(body?.providers) ? body.providers : [];
  return providers
    .map(provider => (provider as { id?: unknown })?.id)
    .filter((id): id is string => typeof id === 'string' && id !== '');
}

/** A fresh ClientAuthResponse from the provider's refresh cookie. */
export async function refreshAuthSession(
  authBaseUrl: string,
  providerId: string,
  environment: string,
): Promise<unknown> {
  const url = `${authBaseUrl}/${encodeURIComponent(providerId)}/refresh?env=${encodeURIComponent(environment)}`;
  const response = await fetch(url, { headers: XHR_HEADER, credentials: 'include' });
  if (!response.ok) throw await errorFrom(response, url);
  return response.json();
}

/** Ends the provider session; returns the identity provider's logout URL when it has one. */
export async function logoutAuthSession(
  authBaseUrl: string,
  providerId: string,
): Promise<string | undefined> {
  const url = `${authBaseUrl}/${encodeURIComponent(providerId)}/logout`;
  const response = await fetch(url, {
    method: 'POST',
    headers: XHR_HEADER,
    credentials: 'include',
  });
  if (!response.ok) throw await errorFrom(response, url);
  const text = await response.text();
  if (!text) return undefined;
  try {
    const logoutUrl = JSON.parse(text)?.logoutUrl;
    return typeof logoutUrl === 'string' ? logoutUrl : undefined;
  } catch {
    return undefined;
  }
}
