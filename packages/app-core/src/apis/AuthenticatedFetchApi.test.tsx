import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthenticatedFetchApi } from './AuthenticatedFetchApi';

function recordingFetch() {
  const seen: { url: string; authorization: string | null }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    seen.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    return new Response('{}');
  };
  return { fetch, seen };
}

const signedIn = { getCredentials: async () => ({ token: 'user-token' }) };

afterEach(() => vi.unstubAllGlobals());

describe('AuthenticatedFetchApi', () => {
  it("adds the user's token to requests for the backend only", async () => {
    const { fetch, seen } = recordingFetch();
    vi.stubGlobal('fetch', fetch);
    const api = new AuthenticatedFetchApi(signedIn, 'http://backend.test:7007');
    await api.fetch('http://backend.test:7007/api/catalog/entities');
    await api.fetch(new URL('http://backend.test:7007/api/search/query'));
    await api.fetch('https://elsewhere.test/api/catalog/entities');
    expect(seen).toEqual([
      { url: 'http://backend.test:7007/api/catalog/entities', authorization: 'Bearer user-token' },
      { url: 'http://backend.test:7007/api/search/query', authorization: 'Bearer user-token' },
      { url: 'https://elsewhere.test/api/catalog/entities', authorization: null },
    ]);
  });

  it('resolves relative URLs against the page, which is the backend in production', async () => {
    const { fetch, seen } = recordingFetch();
    vi.stubGlobal('fetch', fetch);
    const api = new AuthenticatedFetchApi(signedIn, window.location.origin);
    await api.fetch('/api/catalog/entities', { headers: { accept: 'application/json' } });
    expect(seen[0].authorization).toBe('Bearer user-token');
  });

  it('keeps an Authorization header the caller set, and adds none when signed out', async () => {
    const { fetch, seen } = recordingFetch();
    vi.stubGlobal('fetch', fetch);
    await new AuthenticatedFetchApi(signedIn, 'http://b.test').fetch('http://b.test/api/x', {
      headers: { Authorization: 'Bearer service' },
    });
    await new AuthenticatedFetchApi({ getCredentials: async () => ({}) }, 'http://b.test').fetch(
      'http://b.test/api/x',
    );
    expect(seen.map(s => s.authorization)).toEqual(['Bearer service', null]);
  });
});
