import { createTestLogger } from '@greenroom/backend-test-utils';
import { ConfigReader } from '@greenroom/config';
import type { JsonObject } from '@greenroom/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProxyEndpoints } from './config/readProxyEndpoints';
import { AUTH, startProxyBackend } from './testing/startProxyBackend';
import type { Upstream } from './testing/upstream';
import { startUpstream } from './testing/upstream';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(async () => {
  await upstream?.close();
});

function read(proxy: JsonObject) {
  const logger = createTestLogger();
  const endpoints = readProxyEndpoints(new ConfigReader({ proxy }), logger);
  return { endpoints, logger };
}

describe('invalid endpoints', () => {
  it('fails backend startup with a message naming the key', async () => {
    await expect(
      startProxyBackend({
        endpoints: { '/good': upstream.url, '/broken': { changeOrigin: true } },
      }),
    ).rejects.toThrow(
      'Invalid proxy endpoint proxy.endpoints./broken: target must be a string, but is of type undefined',
    );
  });

  it.each([
    [{ '/x': 'not a url' }, 'Invalid proxy endpoint proxy.endpoints./x: target is not a valid URL'],
    [
      { '/x': 'ftp://files.example.com' },
      'Invalid proxy endpoint proxy.endpoints./x: target must use http, https, ws or wss, not ftp:',
    ],
    [{ '/x': 42 }, 'Invalid proxy endpoint proxy.endpoints./x: must be a target URL or an object'],
    [
      { '/x': { target: 'http://a.example', credentials: 'sometimes' } },
      `unknown credentials policy "sometimes"; expected one of 'require', 'forward', 'dangerously-allow-unauthenticated'`,
    ],
    [
      { '/x': { target: 'http://a.example', pathRewrite: { '([': '/' } } },
      'is not a valid regular expression',
    ],
    [
      { '/x': { target: 'http://a.example', allowedMethods: 'GET' } },
      'allowedMethods must be a list of strings',
    ],
    [
      { '/x': { target: 'http://a.example', headers: { a: 1 } } },
      'headers must be an object of strings',
    ],
    [
      { '/x': { target: 'http://a.example', timeout: -5 } },
      'timeout must be a positive whole number',
    ],
    [{ '/x/:id': 'http://a.example' }, 'the route must be a literal path'],
  ])('refuses %j', (endpoints, message) => {
    expect(() => read({ endpoints: endpoints as JsonObject })).toThrow(message);
  });

  it('names every invalid key in one message', () => {
    expect(() =>
      read({ endpoints: { '/a': 'nope', '/b': 'http://ok.example', '/c': {} } }),
    ).toThrow(/proxy\.endpoints\.\/a: .*; Invalid proxy endpoint proxy\.endpoints\.\/c: /);
  });

  it('never puts the target value in the message', () => {
    expect(() => read({ endpoints: { '/x': 'https://user:hunter2@[bad' } })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });

  it('skips invalid endpoints with a warning under skipInvalidProxies, and serves the rest', async () => {
    const { endpoints, logger } = read({
      skipInvalidProxies: true,
      endpoints: { '/broken': 'not a url', '/good': upstream.url },
    });
    expect(endpoints.map(e => e.route)).toEqual(['/good']);
    expect(
      logger.lines.some(l => l.level === 'warn' && l.message.includes('proxy.endpoints./broken')),
    ).toBe(true);

    const backend = await startProxyBackend({
      skipInvalidProxies: true,
      endpoints: { '/broken': 'not a url', '/good': upstream.url },
    });
    try {
      expect((await fetch(`${backend.url}/api/proxy/good/ok`, { headers: AUTH })).status).toBe(200);
      expect((await fetch(`${backend.url}/api/proxy/broken/ok`, { headers: AUTH })).status).toBe(
        404,
      );
    } finally {
      await backend.stop();
    }
  });
});

describe('endpoint sources', () => {
  it('reads the string shorthand with the defaults', () => {
    const { endpoints } = read({ endpoints: { github: 'https://api.github.com/' } });
    expect(endpoints).toEqual([
      expect.objectContaining({
        route: '/github',
        changeOrigin: true,
        credentials: 'require',
        allowedHeaders: [],
        headers: {},
        timeoutMs: 60_000,
      }),
    ]);
    expect(endpoints[0].target.href).toBe('https://api.github.com/');
  });

  it('also reads top-level /path keys, with a deprecation warning; proxy.endpoints wins', async () => {
    const { endpoints, logger } = read({
      skipInvalidProxies: false,
      endpoints: { '/both': 'http://from-endpoints.example' },
      '/both': 'http://from-top-level.example',
      '/legacy': 'http://legacy.example',
    });
    expect(endpoints.map(e => [e.route, e.target.host])).toEqual([
      ['/both', 'from-endpoints.example'],
      ['/legacy', 'legacy.example'],
    ]);
    expect(logger.lines.some(l => l.level === 'warn' && l.message.includes('deprecated'))).toBe(
      true,
    );

    const backend = await startProxyBackend({ '/old-style': upstream.url });
    try {
      const res = await fetch(`${backend.url}/api/proxy/old-style/works`, { headers: AUTH });
      expect(res.status).toBe(200);
      expect(upstream.seen.at(-1)?.url).toBe('/works');
    } finally {
      await backend.stop();
    }
  });

  it('accepts an empty or missing proxy section', () => {
    expect(read({}).endpoints).toEqual([]);
    expect(readProxyEndpoints(new ConfigReader({}), createTestLogger())).toEqual([]);
  });
});
