import type { FetchApi, IdentityApi } from '@greenroom/frontend-plugin-api';

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

/**
 * `fetch` that adds `Authorization: Bearer <user token>` to requests for the backend's origin
 * (never to other sites) unless the request already carries an Authorization header.
 */
export class AuthenticatedFetchApi implements FetchApi {
  private readonly backendOrigin: string;

  constructor(
    private readonly identityApi: Pick<IdentityApi, 'getCredentials'>,
    backendBaseUrl: string,
  ) {
    this.backendOrigin = new URL(backendBaseUrl).origin;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(urlOf(input), window.location.href);
    if (url.origin !== this.backendOrigin) return globalThis.fetch(input, init);
    const headers = new Headers(
      init?.headers ?? (input instanceof Request ? input.headers : undefined),
    );
    if (!headers.has('authorization')) {
      const { token } = await this.identityApi.getCredentials();
      if (token) headers.set('authorization', `Bearer ${token}`);
    }
    return globalThis.fetch(input, { ...init, headers });
  };
}
