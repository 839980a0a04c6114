import { AuthenticationError } from '@greenroom/errors';
import type { OidcSettings } from './readOidcConfig';

/** A successful token endpoint response (RFC 6749 §5.1, OpenID Connect §3.1.3.3). */
export interface TokenResponse {
  access_token: string;
  token_type: string;
  id_token?: string;
  refresh_token?: string;
  scope?: string;
  expires_in?: number;
}

/** Client authentication as configured; the secret goes in the header or the body, never a log. */
function authenticate(settings: OidcSettings, body: URLSearchParams): Record<string, string> {
  if (settings.tokenEndpointAuthMethod === 'client_secret_post') {
    body.set('client_id', settings.clientId);
    body.set('client_secret', settings.clientSecret);
    return {};
  }
  // RFC 6749 §2.3.1: both parts form-encoded before base64.
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  const basic = Buffer.from(
    `${encode(settings.clientId)}:${encode(settings.clientSecret)}`,
  ).toString('base64');
  return { authorization: `Basic ${basic}` };
}

/** Posts a client-authenticated form; throws with the endpoint's OAuth error code only. */
async function postForm(
  url: string,
  params: Record<string, string>,
  settings: OidcSettings,
  what: string,
): Promise<Response> {
  const body = new URLSearchParams(params);
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
    ...authenticate(settings, body),
  };
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new Error(
      `The ${what} request to the identity provider failed: ${cause ?? (error as Error).message}`,
      { cause: error },
    );
  }
  if (!response.ok) {
    const json = (await response.json().catch(() => ({}))) as {
      error?: unknown;
      error_description?: unknown;
    };
    const code = typeof json.error === 'string' ? json.error : `HTTP ${response.status}`;
    const description =
      typeof json.error_description === 'string' ? ` (${json.error_description})` : '';
    throw new AuthenticationError(
      `The identity provider refused the ${what}: ${code}${description}`,
    );
  }
  return response;
}

export async function requestTokens(
  tokenEndpoint: string,
  params: Record<string, string>,
  settings: OidcSettings,
  what: string,
): Promise<TokenResponse> {
  const response = await postForm(tokenEndpoint, params, settings, what);
  const json = (await response.json().catch(() => undefined)) as Partial<TokenResponse> | undefined;
  if (!json || typeof json.access_token !== 'string' || typeof json.token_type !== 'string') {
    throw new AuthenticationError(
      `The identity provider answered the ${what} without an access token`,
    );
  }
  return json as TokenResponse;
}

/** RFC 7009 revocation of a refresh token. */
export async function revokeToken(
  revocationEndpoint: string,
  refreshToken: string,
  settings: OidcSettings,
): Promise<void> {
  await postForm(
    revocationEndpoint,
    { token: refreshToken, token_type_hint: 'refresh_token' },
    settings,
    'token revocation',
  );
}
