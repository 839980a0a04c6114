// A stand-in for the backend at the one boundary the app has with it: fetch. It answers the auth
// contract (ref-backend §2.10/§2.11) the way the real auth plugin does, and records each request.

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  credentials?: RequestCredentials;
}

export interface FakeBackendOptions {
  /** `undefined`: the providers endpoint answers 404, as when the auth plugin is missing. */
  providers?: string[];
  /** Make guest refresh fail with the guest provider's 403 outside development. */
  guestRefused?: boolean;
  expiresInSeconds?: number;
  /** Override any route: return a Response to answer, undefined to fall through. */
  route?: (request: RecordedRequest) => Response | undefined;
}

export const BACKEND = 'http://backend.test:7007';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function errorJson(name: string, message: string, status: number): Response {
  return json({ error: { name, message }, response: { statusCode: status } }, status);
}

export function guestResponse(token: string, expiresInSeconds = 3600) {
  return {
    profile: { displayName: 'Guest' },
    providerInfo: {},
    backstageIdentity: {
      token,
      expiresInSeconds,
      identity: {
        type: 'user',
        userEntityRef: 'user:development/guest',
        ownershipEntityRefs: ['user:development/guest', 'group:default/team-a'],
      },
    },
  };
}

/** A fake `fetch` and the requests it saw. */
export function fakeBackendFetch(options: FakeBackendOptions = {}) {
  const requests: RecordedRequest[] = [];
  const state = { signedIn: false, tokens: 0 };

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      url,
      headers: new Headers(init?.headers),
      credentials: init?.credentials,
    };
    requests.push(request);
    const custom = options.route?.(request);
    if (custom) return custom;

    const path = new URL(url).pathname;
    const xhr = request.headers.get('x-requested-with') === 'XMLHttpRequest';
    if (path === '/api/auth/providers') {
      if (!options.providers) return new Response('Not Found', { status: 404 });
      return json({ providers: options.providers.map(id => ({ id })) });
    }
    if (path === '/api/auth/guest/refresh') {
      if (!xhr) return errorJson('AuthenticationError', 'Invalid X-Requested-With header', 401);
      if (options.guestRefused) {
        return errorJson(
          'NotAllowedError',
          'The guest provider cannot be used outside of a development environment',
          403,
        );
      }
      state.signedIn = true;
      state.tokens += 1;
      return json(guestResponse(`guest-token-${state.tokens}`, options.expiresInSeconds));
    }
    if (path === '/api/auth/guest/logout' && request.method === 'POST') {
      if (!xhr) return errorJson('AuthenticationError', 'Invalid X-Requested-With header', 401);
      state.signedIn = false;
      return new Response(null, { status: 200 });
    }
    return errorJson('NotFoundError', `No route for ${path}`, 404);
  };

  return { fetch, requests, state };
}
