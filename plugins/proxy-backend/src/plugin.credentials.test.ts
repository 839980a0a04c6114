import type { TestBackend } from '@greenroom/backend-test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, TEST_TOKEN, startProxyBackend } from './testing/startProxyBackend';
import type { Upstream } from './testing/upstream';
import { startUpstream } from './testing/upstream';

let upstream: Upstream;
let backend: TestBackend;

beforeAll(async () => {
  upstream = await startUpstream();
  backend = await startProxyBackend({
    endpoints: {
      '/shorthand': upstream.url,
      '/required': { target: upstream.url, credentials: 'require' },
      '/forwarded': { target: upstream.url, credentials: 'forward' },
      '/public': { target: upstream.url, credentials: 'dangerously-allow-unauthenticated' },
      '/public-auth': {
        target: upstream.url,
        credentials: 'dangerously-allow-unauthenticated',
        allowedHeaders: ['Authorization'],
      },
    },
  });
});

afterAll(async () => {
  await backend?.stop();
  await upstream?.close();
});

/** The request the upstream saw for a path, or undefined when nothing reached it. */
function seenFor(path: string) {
  return upstream.seen.find(request => request.url === path);
}

describe('credentials: require (the default)', () => {
  it.each(['/shorthand', '/required'])(
    'refuses %s without a token, before the upstream',
    async route => {
      const res = await fetch(`${backend.url}/api/proxy${route}/no-token`);
      expect(res.status).toBe(401);
      expect((await res.json()).error.name).toBe('AuthenticationError');
      expect(seenFor('/no-token')).toBeUndefined();
    },
  );

  it('refuses an invalid token', async () => {
    const res = await fetch(`${backend.url}/api/proxy/required/bad-token`, {
      headers: { authorization: 'Bearer not-a-valid-token' },
    });
    expect(res.status).toBe(401);
    expect(seenFor('/bad-token')).toBeUndefined();
  });

  it.each(['/shorthand', '/required'])(
    'proxies %s with a token but does not forward it',
    async route => {
      const res = await fetch(`${backend.url}/api/proxy${route}/items?x=1`, { headers: AUTH });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ method: 'GET', url: '/items?x=1' });
      const seen = upstream.seen.at(-1);
      expect(seen?.url).toBe('/items?x=1');
      expect(seen?.headers.authorization).toBeUndefined();
    },
  );
});

describe('credentials: forward', () => {
  it('refuses a request without a token', async () => {
    const res = await fetch(`${backend.url}/api/proxy/forwarded/anonymous`);
    expect(res.status).toBe(401);
    expect(seenFor('/anonymous')).toBeUndefined();
  });

  it('forwards the caller token upstream', async () => {
    const res = await fetch(`${backend.url}/api/proxy/forwarded/with-token`, { headers: AUTH });
    expect(res.status).toBe(200);
    expect(seenFor('/with-token')?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });
});

describe('credentials: dangerously-allow-unauthenticated', () => {
  it('proxies without a token', async () => {
    const res = await fetch(`${backend.url}/api/proxy/public/open`);
    expect(res.status).toBe(200);
    expect(seenFor('/open')).toBeDefined();
  });

  it('accepts but does not forward a token unless Authorization is allowed', async () => {
    const res = await fetch(`${backend.url}/api/proxy/public/ignored`, {
      headers: { authorization: 'Bearer anything-at-all' },
    });
    expect(res.status).toBe(200);
    expect(seenFor('/ignored')?.headers.authorization).toBeUndefined();
  });

  it('forwards Authorization when allowedHeaders lists it', async () => {
    const res = await fetch(`${backend.url}/api/proxy/public-auth/allowed`, {
      headers: { authorization: 'Bearer upstream-own-token' },
    });
    expect(res.status).toBe(200);
    expect(seenFor('/allowed')?.headers.authorization).toBe('Bearer upstream-own-token');
  });

  it('opens exactly its own route, not its neighbours', async () => {
    // '/public-auth' is a different route from '/public', and '/shorthand' stays protected.
    const res = await fetch(`${backend.url}/api/proxy/shorthand/still-closed`);
    expect(res.status).toBe(401);
  });
});

describe('unknown routes', () => {
  it('answer 404 JSON for a path that matches no endpoint', async () => {
    const res = await fetch(`${backend.url}/api/proxy/nowhere`, { headers: AUTH });
    expect(res.status).toBe(404);
    expect((await res.json()).error.name).toBe('NotFoundError');
  });
});

describe('backend.auth.dangerouslyDisableDefaultAuthPolicy', () => {
  it('lets a require endpoint through without a token, still without forwarding one', async () => {
    const open = await startProxyBackend(
      { endpoints: { '/svc': upstream.url } },
      { auth: { dangerouslyDisableDefaultAuthPolicy: true } },
    );
    try {
      const res = await fetch(`${open.url}/api/proxy/svc/disabled-policy`, {
        headers: { authorization: 'Bearer whatever' },
      });
      expect(res.status).toBe(200);
      expect(seenFor('/disabled-policy')?.headers.authorization).toBeUndefined();
    } finally {
      await open.stop();
    }
  });
});
