import { ConfigReader } from '@greenroom/config';
import type { JsonObject } from '@greenroom/config';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestRootServer } from '../rootHttpRouter/testing/startTestRootServer';
import { HostDiscovery } from './HostDiscovery';
import { discoveryServiceFactory } from './discoveryServiceFactory';

const discover = (data: JsonObject) => HostDiscovery.fromConfig(new ConfigReader(data));

describe('HostDiscovery', () => {
  it('builds external URLs from backend.baseUrl and internal ones from backend.listen', async () => {
    const discovery = discover({
      backend: { baseUrl: 'https://portal.example.com/', listen: { port: 7007 } },
    });
    expect(await discovery.getExternalBaseUrl('catalog')).toBe(
      'https://portal.example.com/api/catalog',
    );
    expect(await discovery.getBaseUrl('catalog')).toBe('http://localhost:7007/api/catalog');
  });

  it.each([
    ['', 'http://localhost:7007'],
    ['::', 'http://localhost:7007'],
    ['0.0.0.0', 'http://127.0.0.1:7007'],
    ['::1', 'http://[::1]:7007'],
    ['10.0.0.5', 'http://10.0.0.5:7007'],
    ['backend.internal', 'http://backend.internal:7007'],
  ])('maps listen host %j to %s', async (host, base) => {
    const discovery = discover({ backend: { listen: { host, port: 7007 } } });
    expect(await discovery.getBaseUrl('auth')).toBe(`${base}/api/auth`);
  });

  it('falls back to localhost for external URLs without backend.baseUrl', async () => {
    const discovery = discover({ backend: { listen: '127.0.0.1:8000' } });
    expect(await discovery.getExternalBaseUrl('auth')).toBe('http://localhost:8000/api/auth');
  });

  it('applies discovery.endpoints: first match wins, templates are filled and encoded', async () => {
    const discovery = discover({
      backend: { baseUrl: 'http://localhost:7007' },
      discovery: {
        endpoints: [
          { target: 'http://search.internal/api/{{pluginId}}', plugins: ['search'] },
          {
            target: { internal: 'http://{{ pluginId }}.svc:7007/api/{{pluginId}}' },
            plugins: ['catalog', 'odd id'],
          },
          { target: { external: 'https://edge.example.com/{{pluginId}}' }, plugins: ['*'] },
          { target: 'http://never.used', plugins: ['catalog'] },
        ],
      },
    });
    expect(await discovery.getBaseUrl('search')).toBe('http://search.internal/api/search');
    expect(await discovery.getExternalBaseUrl('search')).toBe('http://search.internal/api/search');
    expect(await discovery.getBaseUrl('catalog')).toBe('http://catalog.svc:7007/api/catalog');
    // No external target on that endpoint: the default external URL.
    expect(await discovery.getExternalBaseUrl('catalog')).toBe('http://localhost:7007/api/catalog');
    expect(await discovery.getBaseUrl('odd id')).toBe('http://odd%20id.svc:7007/api/odd%20id');
    expect(await discovery.getExternalBaseUrl('proxy')).toBe('https://edge.example.com/proxy');
    expect(await discovery.getBaseUrl('proxy')).toBe('http://localhost:7007/api/proxy');
  });

  it('refuses malformed endpoints', () => {
    expect(() => discover({ discovery: { endpoints: [{ target: 'http://x' }] } })).toThrow(
      'discovery.endpoints[0].plugins must be a list',
    );
    expect(() => discover({ discovery: { endpoints: [{ plugins: ['a'] }] } })).toThrow(
      'discovery.endpoints[0].target must be a URL',
    );
    expect(() =>
      discover({
        discovery: {
          endpoints: [{ target: { internal: 'http+srv://catalog' }, plugins: ['catalog'] }],
        },
      }),
    ).toThrow('http+srv:// targets are not supported');
    expect(() => discover({ backend: { listen: 'nope' } })).toThrow(
      'Unable to parse listen address',
    );
  });
});

describe('discoveryServiceFactory', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(stops.splice(0).map(stop => stop()));
  });

  it('uses the real port of the root HTTP server when listening on port 0', async () => {
    const root = await startTestRootServer();
    stops.push(() => root.lifecycle.shutdown());
    const deps = { config: root.config, rootHttpRouter: root.router };
    const rootContext = await discoveryServiceFactory.createRootContext!(deps);
    const discovery = await discoveryServiceFactory.factory(deps, {
      pluginId: 'catalog',
      rootContext,
    });
    const url = await discovery.getBaseUrl('catalog');
    expect(url).toBe(`http://127.0.0.1:${root.address.port}/api/catalog`);

    await root.lifecycle.startup();
    const res = await fetch(`${url}/anything`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe('No plugin is mounted at /api/catalog');
  });
});
