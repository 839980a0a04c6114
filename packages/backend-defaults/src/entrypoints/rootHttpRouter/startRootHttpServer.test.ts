import { once } from 'node:events';
import { request } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { ConfigReader } from '@greenroom/config';
import { createTestLogger } from '@greenroom/backend-test-utils';
import { InputError } from '@greenroom/errors';
import { Router } from 'express';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRootHealth } from '../rootHealth';
import { createRootLifecycle } from '../rootLifecycle';
import { createRootHttpRouterServiceFactory } from './rootHttpRouterServiceFactory';
import { getBoundAddress, startRootHttpServer } from './startRootHttpServer';
import { useTestRootServers } from './testing/startTestRootServer';

const start = useTestRootServers();

describe('startRootHttpServer', () => {
  it('logs one line with the URL to open, from backend.baseUrl or the real port', async () => {
    const withBase = await start({ backend: { baseUrl: 'https://portal.example.com/' } });
    expect(withBase.lines.filter(l => l.message.includes('listening'))).toEqual([
      expect.objectContaining({
        level: 'info',
        message: 'Greenroom backend listening on https://portal.example.com',
      }),
    ]);
    const withoutBase = await start();
    expect(withoutBase.lines.map(l => l.message)).toContain(
      `Greenroom backend listening on http://localhost:${withoutBase.address.port}`,
    );
    expect(withoutBase.address.port).toBeGreaterThan(0);
    expect(getBoundAddress(withoutBase.router)).toEqual({
      host: '127.0.0.1',
      port: withoutBase.address.port,
    });
  });

  it('answers health before, during and after startup, with configured headers', async () => {
    const server = await start({ backend: { health: { headers: { 'x-service': 'greenroom' } } } });
    const live = await fetch(`${server.base}/.backstage/health/v1/liveness`);
    expect(live.status).toBe(200);
    expect(live.headers.get('x-service')).toBe('greenroom');
    expect(await live.json()).toEqual({ status: 'ok' });

    const before = await fetch(`${server.base}/.backstage/health/v1/readiness`);
    expect(before.status).toBe(503);
    expect(before.headers.get('x-service')).toBe('greenroom');
    expect(await before.json()).toEqual({
      message: 'Backend has not started yet',
      status: 'error',
    });

    await server.lifecycle.startup();
    const after = await fetch(`${server.base}/.backstage/health/v1/readiness`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ status: 'ok' });
  });

  it('logs each request at info, and health checks at debug', async () => {
    const server = await start();
    const router = Router();
    router.get('/things', (_req, res) => {
      res.status(201).json([]);
    });
    server.router.use('/api/things-plugin', router);
    await (await fetch(`${server.base}/api/things-plugin/things?limit=2`)).text();
    await (await fetch(`${server.base}/.backstage/health/v1/liveness`)).text();

    const requestLines = server.lines.filter(l => l.meta.type === 'incomingRequest');
    expect(requestLines).toEqual([
      expect.objectContaining({
        level: 'info',
        message: expect.stringMatching(/^GET \/api\/things-plugin\/things\?limit=2 201 \d+ms$/),
        meta: expect.objectContaining({
          method: 'GET',
          url: '/api/things-plugin/things?limit=2',
          status: 201,
          durationMs: expect.any(Number),
        }),
      }),
      expect.objectContaining({ level: 'debug', meta: expect.objectContaining({ status: 200 }) }),
    ]);
  });

  it('answers unknown plugins and unknown routes with JSON 404s once started', async () => {
    const server = await start();
    const router = Router();
    router.get('/known', (_req, res) => {
      res.json({ ok: true });
    });
    server.router.use('/api/catalog', router);

    const during = await fetch(`${server.base}/api/nope/x`);
    expect(during.status).toBe(503);
    expect((await during.json()).error.name).toBe('ServiceUnavailableError');

    await server.lifecycle.startup();
    const unknownPlugin = await fetch(`${server.base}/api/nope/x?y=1`);
    expect(unknownPlugin.status).toBe(404);
    expect(await unknownPlugin.json()).toEqual({
      error: { name: 'NotFoundError', message: 'No plugin is mounted at /api/nope' },
      request: { method: 'GET', url: '/api/nope/x?y=1' },
      response: { statusCode: 404 },
    });

    const unknownRoute = await fetch(`${server.base}/api/catalog/unknown`, { method: 'POST' });
    expect(unknownRoute.status).toBe(404);
    expect((await unknownRoute.json()).error.message).toBe(
      'No route matches POST /api/catalog/unknown',
    );

    // With no index handler mounted, other paths end in the final JSON 404.
    const page = await fetch(`${server.base}/catalog/some-entity`);
    expect(page.status).toBe(404);
    expect((await page.json()).error.message).toBe('No route matches GET /catalog/some-entity');

    expect((await fetch(`${server.base}/api/catalog/known`)).status).toBe(200);
  });

  it('forwards non-API paths to the handler at the index path', async () => {
    const server = await start();
    await server.lifecycle.startup();
    const app = Router();
    app.get('/{*rest}', (req, res) => {
      res.type('html').send(`<html>spa for ${req.path}</html>`);
    });
    server.router.use('/api/app', app);

    const page = await fetch(`${server.base}/catalog/default/component/x`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<html>spa for /catalog/default/component/x</html>');
    // API paths never fall through to the SPA, whatever their case.
    expect((await fetch(`${server.base}/api/missing`)).status).toBe(404);
    expect((await fetch(`${server.base}/API/missing`)).status).toBe(404);
  });

  it('serves no index when indexPath is false', async () => {
    const server = await start({}, { indexPath: false });
    await server.lifecycle.startup();
    const app = Router();
    app.use((_req, res) => {
      res.send('app');
    });
    server.router.use('/api/app', app);
    expect(await (await fetch(`${server.base}/api/app/x`)).text()).toBe('app');
    expect((await fetch(`${server.base}/somewhere`)).status).toBe(404);
  });

  it('renders thrown errors through the one error handler', async () => {
    const server = await start({}, { nodeEnv: 'production' });
    const router = Router();
    router.get('/bad', () => {
      throw new InputError('limit must be a number');
    });
    router.get('/broken', async () => {
      throw new Error('SELECT * FROM secrets failed');
    });
    server.router.use('/api/errors', router);

    const bad = await fetch(`${server.base}/api/errors/bad`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toEqual({
      name: 'InputError',
      message: 'limit must be a number',
    });

    const broken = await fetch(`${server.base}/api/errors/broken`);
    expect(broken.status).toBe(500);
    expect(await broken.text()).not.toContain('secrets');
    expect(
      server.lines.some(
        l => l.level === 'error' && String(l.message).includes('/api/errors/broken'),
      ),
    ).toBe(true);
  });

  it('rejects overlapping and malformed paths', async () => {
    const server = await start();
    server.router.use('/api/catalog', Router());
    expect(() => server.router.use('/api/catalog', Router())).toThrow(
      'Path /api/catalog conflicts with the existing path /api/catalog',
    );
    expect(() => server.router.use('/api/catalog/extra', Router())).toThrow(
      'Path /api/catalog/extra conflicts with the existing path /api/catalog',
    );
    expect(() => server.router.use('/api', Router())).toThrow(
      'Path /api conflicts with the existing path /api/catalog',
    );
    expect(() => server.router.use('/.backstage/health/v2', Router())).toThrow(
      'conflicts with the existing path /.backstage/health',
    );
    expect(() => server.router.use('', Router())).toThrow('must be a literal path');
    expect(() => server.router.use('/api/:id', Router())).toThrow('must be a literal path');
    // A sibling whose name merely starts the same is fine.
    expect(() => server.router.use('/API/Catalog/x', Router())).toThrow('conflicts');
    expect(() => server.router.use('/api/catalog-import', Router())).not.toThrow();
  });

  it('fails with one clear line when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const logger = createTestLogger();
      const lifecycle = createRootLifecycle({ logger });
      await expect(
        startRootHttpServer({
          config: new ConfigReader({ backend: { listen: `127.0.0.1:${port}` } }),
          logger,
          lifecycle,
          health: createRootHealth({ lifecycle }),
        }),
      ).rejects.toThrow(`Port ${port} is already in use (backend.listen)`);
    } finally {
      await new Promise(resolve => blocker.close(resolve));
    }
  });

  it('refuses backend.https and unparsable listen addresses', async () => {
    await expect(start({ backend: { https: true } })).rejects.toThrow(
      'backend.https is not supported',
    );
    await expect(start({ backend: { listen: 'localhost' } })).rejects.toThrow(
      'Unable to parse listen address',
    );
  });

  it('is what the eager service factory creates, with its index path option', async () => {
    const logger = createTestLogger();
    const lifecycle = createRootLifecycle({ logger });
    onTestFinished(() => lifecycle.shutdown());
    const factory = createRootHttpRouterServiceFactory({ indexPath: '/api/web' });
    expect(factory.initialization).toBe('always');
    const router = await factory.factory(
      {
        config: new ConfigReader({ backend: { listen: { host: '127.0.0.1', port: 0 } } }),
        rootLogger: logger,
        lifecycle,
        health: createRootHealth({ lifecycle }),
      },
      { pluginId: 'root', rootContext: undefined },
    );
    const address = getBoundAddress(router);
    expect(address?.port).toBeGreaterThan(0);
    expect(logger.lines.find(l => l.message.startsWith('Greenroom backend'))?.meta.service).toBe(
      'rootHttpRouter',
    );
    await lifecycle.startup();
    const web = Router();
    web.use((_req, res) => {
      res.send('web app');
    });
    router.use('/api/web', web);
    expect(await (await fetch(`http://127.0.0.1:${address!.port}/docs`)).text()).toBe('web app');
    expect(getBoundAddress({ use: () => {}, useUpgrade: () => {} })).toBeUndefined();
  });

  it('hands upgrades to the handler that claims their path, refuses the rest, and ends them on drain', async () => {
    const server = await start();
    const claimed: string[] = [];
    server.router.useUpgrade('/api/echo', (req, socket) => {
      claimed.push(req.url ?? '');
      socket.write(
        'HTTP/1.1 101 Switching Protocols\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n',
      );
      socket.on('data', chunk => socket.write(chunk));
    });
    expect(() => server.router.useUpgrade('/api/echo/deeper', () => {})).toThrow(/conflicts/);

    const upgrade = (path: string) =>
      new Promise<{ status: number; socket?: Socket }>((resolve, reject) => {
        const req = request(`${server.base}${path}`, {
          headers: { connection: 'Upgrade', upgrade: 'test' },
        });
        req.on('upgrade', (res, socket) => resolve({ status: res.statusCode ?? 0, socket }));
        req.on('response', res => resolve({ status: res.statusCode ?? 0 }));
        req.on('error', reject);
        req.end();
      });

    expect((await upgrade('/api/nobody/here')).status).toBe(404);
    const { status, socket } = await upgrade('/api/echo/room?x=1');
    expect(status).toBe(101);
    expect(claimed).toEqual(['/api/echo/room?x=1']);
    socket!.write('ping');
    const [echo] = await once(socket!, 'data');
    expect(String(echo)).toBe('ping');

    // Shutdown drains: the open upgraded socket must not keep the server alive.
    const closed = once(socket!, 'close');
    await server.lifecycle.shutdown();
    await closed;
  });
});
