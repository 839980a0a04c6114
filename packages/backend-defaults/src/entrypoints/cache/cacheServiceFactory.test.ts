import { coreServices } from '@greenroom/backend-plugin-api';
import type { CacheService } from '@greenroom/backend-plugin-api';
import { ConfigReader } from '@greenroom/config';
import type { JsonObject } from '@greenroom/config';
import { describe, expect, it } from 'vitest';
import { cacheServiceFactory } from './cacheServiceFactory';

// Drives the factory the way the backend does: one root context, then one instance per plugin.
async function cachesFor(data: JsonObject, pluginIds: string[]): Promise<CacheService[]> {
  const config = new ConfigReader(data);
  const rootContext = await cacheServiceFactory.createRootContext!({ config });
  return Promise.all(
    pluginIds.map(pluginId =>
      cacheServiceFactory.factory(
        { config, pluginMetadata: { getId: () => pluginId } },
        { pluginId, rootContext },
      ),
    ),
  );
}

describe('cacheServiceFactory', () => {
  it('provides the cache ref', () => {
    expect(cacheServiceFactory.service).toBe(coreServices.cache);
    expect(cacheServiceFactory.service.scope).toBe('plugin');
  });

  it('shares one store across plugins but keeps their keys apart', async () => {
    const [a, b, a2] = await cachesFor({}, ['a', 'b', 'a']);
    await a.set('shared-name', 'from a');
    expect(await b.get('shared-name')).toBeUndefined();
    expect(await a2.get('shared-name')).toBe('from a');
  });

  it('refuses to start with an unknown store', async () => {
    await expect(cachesFor({ backend: { cache: { store: 'memcache' } } }, ['a'])).rejects.toThrow(
      /'backend.cache.store'; supported values: memory/,
    );
  });
});
