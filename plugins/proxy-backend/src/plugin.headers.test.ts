import type { TestBackend } from '@greenroom/backend-test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, startProxyBackend } from './testing/startProxyBackend';
import type { Upstream } from './testing/upstream';
import { startUpstream } from './testing/upstream';

const SECRET_HEADER = 'upstream-secret-4c1e9b';

let upstream: Upstream;
let backend: TestBackend;

beforeAll(async () => {
  upstream = await startUpstream((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.setHeader('set-cookie', 'session=upstream; Path=/');
    res.setHeader('x-upstream-extra', 'extra');
    res.setHeader('x-allowed-back', 'back');
    res.setHeader('location', '/elsewhere');
    res.end(JSON.stringify({ method: req.method, url: req.url }));
  });
  backend = await startProxyBackend({
    endpoints: {
      '/plain': upstream.url,
      '/custom': {
        target: `${upstream.url}/base`,
        headers: { 'X-Api-Key': SECRET_HEADER },
        allowedHeaders: ['X-Custom-In', 'x-allowed-back', 'Set-Cookie', 'Cookie'],
      },
      '/keep-host': { target: upstream.url, changeOrigin: false },
      '/read-only': { target: upstream.url, allowedMethods: ['GET', 'head'] },
      '/rewritten': {
        target: upstream.url,
        pathRewrite: { '^/api/proxy/rewritten/v1/': '/v2/', '^/api/proxy/rewritten/': '/other/' },
      },
      '/nested/deeper': `${upstream.url}/deep`,
      '/nested': `${upstream.url}/shallow`,
    },
  });
});

afterAll(async () => {
  await backend?.stop();
  await upstream?.close();
});

function last() {
  const seen = upstream.seen.at(-1);
  if (!seen) throw new Error('the upstream saw no request');
  return seen;
}

describe('request headers', () => {
  it('forwards the safe set and drops cookies, hop-by-hop and other headers', async () => {
    const res = await fetch(`${backend.url}/api/proxy/plain/h`, {
      method: 'POST',
      headers: {
        ...AUTH,
        accept: 'application/json',
        'content-type': 'text/plain',
        'user-agent': 'proxy-test',
        cookie: 'portal-session=abc',
        'x-custom-in': 'not-allowed-here',
        'proxy-authorization': 'Basic Zm9vOmJhcg==',
        te: 'trailers',
        origin: 'http://portal.example',
      },
      body: 'hello',
    });
    expect(res.status).toBe(200);
    const { headers } = last();
    expect(headers.accept).toBe('application/json');
    expect(headers['content-type']).toBe('text/plain');
    expect(headers['user-agent']).toBe('proxy-test');
    expect(headers['content-length']).toBe('5');
    expect(headers.host).toBe(new URL(upstream.url).host);
    for (const dropped of [
      'cookie',
      'x-custom-in',
      'proxy-authorization',
      'te',
      'origin',
      'authorization',
    ]) {
      expect(headers[dropped], dropped).toBeUndefined();
    }
  });

  it('adds configured headers and forwards allowed ones', async () => {
    const res = await fetch(`${backend.url}/api/proxy/custom/h`, {
      headers: { ...AUTH, 'x-custom-in': 'yes', cookie: 'allowed=1', 'x-api-key': 'caller-value' },
    });
    expect(res.status).toBe(200);
    const seen = last();
    expect(seen.url).toBe('/base/h');
    expect(seen.headers['x-api-key']).toBe(SECRET_HEADER);
    expect(seen.headers['x-custom-in']).toBe('yes');
    expect(seen.headers.cookie).toBe('allowed=1');
  });

  it('keeps the caller Host with changeOrigin: false', async () => {
    await fetch(`${backend.url}/api/proxy/keep-host/h`, { headers: AUTH });
    expect(last().headers.host).toBe(new URL(backend.url).host);
  });
});

describe('response headers', () => {
  it('drops set-cookie and unknown headers by default', async () => {
    const res = await fetch(`${backend.url}/api/proxy/plain/r`, { headers: AUTH });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-upstream-extra')).toBeNull();
    expect(res.headers.get('location')).toBeNull();
  });

  it('returns allowed headers, set-cookie included when listed', async () => {
    const res = await fetch(`${backend.url}/api/proxy/custom/r`, { headers: AUTH });
    expect(res.headers.get('x-allowed-back')).toBe('back');
    expect(res.headers.get('set-cookie')).toBe('session=upstream; Path=/');
    expect(res.headers.get('x-upstream-extra')).toBeNull();
  });
});

describe('allowedMethods', () => {
  it('proxies listed methods, case-insensitively', async () => {
    expect((await fetch(`${backend.url}/api/proxy/read-only/m`, { headers: AUTH })).status).toBe(
      200,
    );
    const head = await fetch(`${backend.url}/api/proxy/read-only/m`, {
      method: 'HEAD',
      headers: AUTH,
    });
    expect(head.status).toBe(200);
  });

  it('answers 405 JSON for other methods without reaching the upstream', async () => {
    const before = upstream.seen.length;
    const res = await fetch(`${backend.url}/api/proxy/read-only/m`, {
      method: 'DELETE',
      headers: AUTH,
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await res.json()).toEqual({
      error: {
        name: 'MethodNotAllowedError',
        message: 'Method DELETE is not allowed for proxy route /read-only',
      },
      request: { method: 'DELETE', url: '/api/proxy/read-only/m' },
      response: { statusCode: 405 },
    });
    expect(upstream.seen.length).toBe(before);
  });
});

describe('paths', () => {
  it('applies the first matching pathRewrite rule to the full path', async () => {
    await fetch(`${backend.url}/api/proxy/rewritten/v1/items?q=1`, { headers: AUTH });
    expect(last().url).toBe('/v2/items?q=1');
    await fetch(`${backend.url}/api/proxy/rewritten/things`, { headers: AUTH });
    expect(last().url).toBe('/other/things');
  });

  it('strips the route by default and joins the target path', async () => {
    await fetch(`${backend.url}/api/proxy/nested/a/b?c=d`, { headers: AUTH });
    expect(last().url).toBe('/shallow/a/b?c=d');
    await fetch(`${backend.url}/api/proxy/nested/deeper/a`, { headers: AUTH });
    expect(last().url).toBe('/deep/a');
    await fetch(`${backend.url}/api/proxy/nested`, { headers: AUTH });
    expect(last().url).toBe('/shallow/');
  });

  it('does not treat a longer sibling name as the route', async () => {
    const res = await fetch(`${backend.url}/api/proxy/nestedother/x`, { headers: AUTH });
    expect(res.status).toBe(404);
  });
});
