import { Router } from 'express';
import { describe, expect, it } from 'vitest';
import { useTestRootServers } from './testing/startTestRootServer';

const start = useTestRootServers();

describe('createRootApp middleware', () => {
  it('sends CORS headers only when backend.cors is set, for matching origins', async () => {
    const without = await start();
    const plain = await fetch(`${without.base}/.backstage/health/v1/liveness`, {
      headers: { origin: 'http://localhost:3000' },
    });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();

    const withCors = await start({
      backend: {
        cors: {
          origin: ['http://localhost:3000', 'https://*.example.com'],
          methods: ['GET', 'POST'],
          credentials: true,
          exposedHeaders: ['x-total'],
          maxAge: 600,
        },
      },
    });
    const allowed = await fetch(`${withCors.base}/.backstage/health/v1/liveness`, {
      headers: { origin: 'https://portal.example.com' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-expose-headers')).toBe('x-total');

    const preflight = await fetch(`${withCors.base}/api/catalog/entities`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');

    const denied = await fetch(`${withCors.base}/.backstage/health/v1/liveness`, {
      headers: { origin: 'https://evil.example.org' },
    });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows any origin with "*"', async () => {
    const server = await start({ backend: { cors: { origin: '*' } } });
    const res = await fetch(`${server.base}/.backstage/health/v1/liveness`, {
      headers: { origin: 'https://anywhere.test' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://anywhere.test');
  });

  it('sets security headers with CSP overrides from backend.csp', async () => {
    const server = await start({
      backend: {
        csp: { 'img-src': ["'self'", 'https://avatars.example.com'], scriptSrcAttr: false },
        referrer: { policy: 'strict-origin-when-cross-origin' },
      },
    });
    const res = await fetch(`${server.base}/.backstage/health/v1/liveness`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' https://avatars.example.com");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('script-src-attr');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses an invalid backend.csp at startup', async () => {
    await expect(start({ backend: { csp: { 'img-src': 'self' } } })).rejects.toThrow(
      'backend.csp.img-src must be a list of strings, or false to remove it',
    );
  });

  it('honours backend.trustProxy for the client address', async () => {
    const server = await start({ backend: { trustProxy: true } });
    const router = Router();
    router.get('/ip', (req, res) => {
      res.json({ ip: req.ip, protocol: req.protocol });
    });
    server.router.use('/api/ip', router);
    const res = await fetch(`${server.base}/api/ip/ip`, {
      headers: { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' },
    });
    expect(await res.json()).toEqual({ ip: '203.0.113.7', protocol: 'https' });
  });

  it('gzips text responses for clients that accept it, and only for them', async () => {
    const server = await start();
    const big = { items: Array.from({ length: 500 }, (_, i) => `item-${i}`) };
    server.router.use(
      '/api/big',
      Router().get('/', (_req, res) => void res.json(big)),
    );
    const gzipped = await fetch(`${server.base}/api/big`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(await gzipped.json()).toEqual(big);
    const plain = await fetch(`${server.base}/api/big`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });
});
