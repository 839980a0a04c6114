import { ConfigReader } from '@greenroom/config';
import { createTestLogger } from '@greenroom/backend-test-utils';
import { ConflictError } from '@greenroom/errors';
import { Router } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthService } from '@greenroom/backend-plugin-api';
import { authServiceFactory } from '../auth';
import { DatabaseManager } from '../database/DatabaseManager';
import { HostDiscovery } from '../discovery/HostDiscovery';
import { httpAuthServiceFactory } from '../httpAuth';
import { createPluginLifecycle } from '../lifecycle';
import { startTestRootServer } from '../rootHttpRouter/testing/startTestRootServer';
import { createPluginHttpRouter } from './createPluginHttpRouter';
import { httpRouterServiceFactory } from './httpRouterServiceFactory';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map(cleanup => cleanup()));
});

async function setup(options: { startupRequestPauseTimeoutMs?: number } = {}) {
  const root = await startTestRootServer();
  cleanups.push(() => root.lifecycle.shutdown());
  await root.lifecycle.startup();
  const lifecycle = createPluginLifecycle({ pluginId: 'todo', logger: createTestLogger() });
  const httpRouter = createPluginHttpRouter({
    pluginId: 'todo',
    rootHttpRouter: root.router,
    lifecycle,
    ...options,
  });
  const router = Router();
  router.get('/items', (_req, res) => {
    res.json([{ id: 1 }]);
  });
  router.post('/items', async () => {
    throw new ConflictError('Item 1 already exists');
  });
  router.get('/sync-throw', () => {
    throw new TypeError('cannot read x');
  });
  httpRouter.use(router);
  return { root, lifecycle, httpRouter, base: `${root.base}/api/todo` };
}

describe('createPluginHttpRouter', () => {
  it('holds requests that arrive before the plugin started and releases them at startup', async () => {
    const { lifecycle, base } = await setup();
    let settled = false;
    const held = fetch(`${base}/items`).then(res => {
      settled = true;
      return res;
    });
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(settled).toBe(false);

    await lifecycle.startup();
    const res = await held;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ id: 1 }]);
  });

  it('fails a held request with 503 after the startup pause timeout', async () => {
    const { base } = await setup({ startupRequestPauseTimeoutMs: 50 });
    const res = await fetch(`${base}/items`);
    expect(res.status).toBe(503);
    expect((await res.json()).error).toEqual({
      name: 'ServiceUnavailableError',
      message: 'Service has not started up yet',
    });
  });

  it('answers 503 once the plugin shutdown began, and fails held requests at once', async () => {
    const { lifecycle, base } = await setup({ startupRequestPauseTimeoutMs: 20_000 });
    const held = fetch(`${base}/items`);
    await new Promise(resolve => setTimeout(resolve, 50));
    await lifecycle.shutdown();

    const heldRes = await held;
    expect(heldRes.status).toBe(503);
    expect((await heldRes.json()).error.message).toBe('Service is shutting down');
    const later = await fetch(`${base}/items`);
    expect(later.status).toBe(503);
    expect((await later.json()).error.message).toBe('Service is shutting down');
  });

  it('sends errors thrown in plugin handlers, sync or async, to the one error handler', async () => {
    const { lifecycle, base } = await setup();
    await lifecycle.startup();
    const conflict = await fetch(`${base}/items`, { method: 'POST' });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({
      error: { name: 'ConflictError', message: 'Item 1 already exists' },
      request: { method: 'POST', url: '/api/todo/items' },
      response: { statusCode: 409 },
    });
    const crash = await fetch(`${base}/sync-throw`);
    expect(crash.status).toBe(500);
    expect((await crash.json()).error.name).toBe('TypeError');

    const missing = await fetch(`${base}/nothing-here`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe(
      'No route matches GET /api/todo/nothing-here',
    );
  });

  it('validates and keeps auth policies, and hands them to the credentials barrier', async () => {
    const root = await startTestRootServer();
    cleanups.push(() => root.lifecycle.shutdown());
    const lifecycle = createPluginLifecycle({ pluginId: 'gate', logger: createTestLogger() });
    const httpRouter = createPluginHttpRouter({
      pluginId: 'gate',
      rootHttpRouter: root.router,
      lifecycle,
      createCredentialsBarrier: policies => (req, res, next) => {
        if (policies.some(p => req.path.startsWith(p.path))) next();
        else res.status(401).json({ barrier: true });
      },
    });
    httpRouter.use((_req, res) => {
      res.json({ passed: true });
    });
    httpRouter.addAuthPolicy({ path: '/public', allow: 'unauthenticated' });
    expect(() => httpRouter.addAuthPolicy({ path: '/x', allow: 'anyone' as never })).toThrow(
      'Invalid auth policy',
    );
    expect(httpRouter.authPolicies).toEqual([{ path: '/public', allow: 'unauthenticated' }]);

    await lifecycle.startup();
    expect(await (await fetch(`${root.base}/api/gate/public/x`)).json()).toEqual({ passed: true });
    expect((await fetch(`${root.base}/api/gate/private`)).status).toBe(401);
  });

  it('is mounted at /api/<pluginId> by the service factory, behind the default auth policy', async () => {
    const root = await startTestRootServer();
    cleanups.push(() => root.lifecycle.shutdown());
    const config = new ConfigReader({
      backend: {
        listen: { host: '127.0.0.1', port: 0 },
        database: { client: 'better-sqlite3', connection: ':memory:' },
        lifecycle: { startupRequestPauseTimeout: { milliseconds: 30 } },
      },
    });
    const logger = createTestLogger();
    const pluginMetadata = { getId: () => 'search' };
    const context = { pluginId: 'search', rootContext: undefined };
    const discovery = HostDiscovery.fromConfig(config, { boundAddress: () => root.address });
    const databases = DatabaseManager.fromConfig(config);
    cleanups.push(() => databases.destroy());
    const auth = (await authServiceFactory.factory(
      { discovery, database: databases.forPlugin('search'), pluginMetadata },
      {
        ...context,
        rootContext: await authServiceFactory.createRootContext!({ config, rootLogger: logger }),
      },
    )) as AuthService;
    const httpAuth = await httpAuthServiceFactory.factory(
      { auth, discovery, logger, pluginMetadata },
      context,
    );
    const lifecycle = createPluginLifecycle({ pluginId: 'search', logger });
    const httpRouter = await httpRouterServiceFactory.factory(
      { config, rootHttpRouter: root.router, lifecycle, pluginMetadata, auth, httpAuth },
      context,
    );
    httpRouter.use((_req, res) => {
      res.send('found');
    });

    // Public keys are served before the plugin has started; everything else waits (503).
    const keys = await fetch(`${root.base}/api/search/.backstage/auth/v1/jwks.json`);
    expect(keys.status).toBe(200);
    expect(await keys.json()).toEqual({ keys: [] });
    const early = await fetch(`${root.base}/api/search/query`);
    expect(early.status).toBe(503);

    await lifecycle.startup();
    expect((await fetch(`${root.base}/api/search/query`)).status).toBe(401);
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'search',
    });
    const authorized = await fetch(`${root.base}/api/search/query`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await authorized.text()).toBe('found');
    expect(() =>
      createPluginHttpRouter({
        pluginId: 'search',
        rootHttpRouter: root.router,
        lifecycle: createPluginLifecycle({ pluginId: 'search', logger: createTestLogger() }),
      }),
    ).toThrow('Path /api/search conflicts with the existing path /api/search');
  });
});
