import { ConfigReader } from '@greenroom/config';
import type { JsonObject } from '@greenroom/config';
import { InputError } from '@greenroom/errors';
import { describe, expect, it } from 'vitest';
import { CacheManager } from './CacheManager';
import { MemoryCacheStore } from './MemoryCacheStore';

function managerWithClock(defaultTtl?: number) {
  const state = { now: 5_000 };
  const store = new MemoryCacheStore({ now: () => state.now });
  return {
    manager: new CacheManager(store, defaultTtl),
    advance: (ms: number) => void (state.now += ms),
  };
}

const fromConfig = (backend: JsonObject) => CacheManager.fromConfig(new ConfigReader({ backend }));

describe('CacheManager', () => {
  it('keeps each plugin in its own namespace', async () => {
    const manager = CacheManager.fromConfig(new ConfigReader({}));
    const catalog = manager.forPlugin('catalog');
    const search = manager.forPlugin('search');
    await catalog.set('k', { owner: 'catalog' });
    await search.set('k', { owner: 'search' });
    expect(await catalog.get('k')).toEqual({ owner: 'catalog' });
    expect(await search.get('k')).toEqual({ owner: 'search' });
    await catalog.delete('k');
    expect(await catalog.get('k')).toBeUndefined();
    expect(await search.get('k')).toEqual({ owner: 'search' });
  });

  it('gives the same plugin the same data across instances', async () => {
    const manager = CacheManager.fromConfig(new ConfigReader({}));
    await manager.forPlugin('catalog').set('k', 1);
    expect(await manager.forPlugin('catalog').get('k')).toBe(1);
  });

  it('hands out copies, so callers cannot change what is cached', async () => {
    const cache = CacheManager.fromConfig(new ConfigReader({})).forPlugin('p');
    const value = { list: [1, 2] };
    await cache.set('k', value);
    value.list.push(3);
    const first = await cache.get<{ list: number[] }>('k');
    first!.list.push(4);
    expect(await cache.get('k')).toEqual({ list: [1, 2] });
  });

  it('stores JSON values of every shape, including falsy ones', async () => {
    const cache = CacheManager.fromConfig(new ConfigReader({})).forPlugin('p');
    for (const value of [0, '', false, null, [], 'text', { a: { b: [null] } }]) {
      await cache.set('k', value);
      expect(await cache.get('k')).toEqual(value);
    }
  });

  it('refuses values that are not JSON-serializable, naming the key', async () => {
    const cache = CacheManager.fromConfig(new ConfigReader({})).forPlugin('p');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(cache.set('cyclic', circular)).rejects.toThrow(InputError);
    await expect(cache.set('cyclic', circular)).rejects.toThrow(
      /'cyclic' is not JSON-serializable/,
    );
    await expect(cache.set('big', 10n)).rejects.toThrow(/'big' is not JSON-serializable/);
    await expect(cache.set('undef', undefined)).rejects.toThrow(/got undefined/);
    await expect(cache.set('fn', () => 1)).rejects.toThrow(/got function/);
    expect(await cache.get('cyclic')).toBeUndefined();
  });

  it('never puts the value in the error message', async () => {
    const cache = CacheManager.fromConfig(new ConfigReader({})).forPlugin('p');
    const secret = { password: 'hunter2-secret', big: 1n };
    await expect(cache.set('k', secret)).rejects.toThrow(
      expect.objectContaining({
        message: expect.not.stringContaining('hunter2'),
      }),
    );
  });

  it('refuses empty keys and bad ttls', async () => {
    const cache = CacheManager.fromConfig(new ConfigReader({})).forPlugin('p');
    await expect(cache.set('', 1)).rejects.toThrow(/non-empty/);
    await expect(cache.get('')).rejects.toThrow(InputError);
    for (const ttl of [0, -5, Number.NaN, Infinity]) {
      await expect(cache.set('k', 1, { ttl })).rejects.toThrow(/'ttl' must be a positive number/);
    }
    expect(() => cache.withOptions({ defaultTtl: -1 })).toThrow(/'defaultTtl'/);
  });

  it('expires entries after a per-call ttl in milliseconds', async () => {
    const { manager, advance } = managerWithClock();
    const cache = manager.forPlugin('p');
    await cache.set('short', 'a', { ttl: 50 });
    await cache.set('forever', 'b');
    advance(49);
    expect(await cache.get('short')).toBe('a');
    advance(1);
    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.get('forever')).toBe('b');
  });

  it('applies the default ttl, and withOptions overrides it for that view only', async () => {
    const { manager, advance } = managerWithClock(1_000);
    const cache = manager.forPlugin('p');
    const quick = cache.withOptions({ defaultTtl: 10 });
    await cache.set('default', 1);
    await quick.set('quick', 2);
    await quick.set('explicit', 3, { ttl: 5_000 });
    advance(10);
    expect(await cache.get('quick')).toBeUndefined();
    expect(await quick.get('default')).toBe(1);
    advance(990);
    expect(await cache.get('default')).toBeUndefined();
    expect(await cache.get('explicit')).toBe(3);
  });

  it('withOptions keeps the namespace', async () => {
    const manager = CacheManager.fromConfig(new ConfigReader({}));
    await manager.forPlugin('a').withOptions({ defaultTtl: 60_000 }).set('k', 'a');
    expect(await manager.forPlugin('a').get('k')).toBe('a');
    expect(await manager.forPlugin('b').withOptions({}).get('k')).toBeUndefined();
  });

  it('reads backend.cache.defaultTtl as milliseconds, a duration object or an ISO 8601 string', () => {
    expect(() => fromConfig({ cache: { store: 'memory', defaultTtl: 60_000 } })).not.toThrow();
    expect(() => fromConfig({ cache: { defaultTtl: { minutes: 5, seconds: 3 } } })).not.toThrow();
    expect(() => fromConfig({ cache: { defaultTtl: 'PT5M' } })).not.toThrow();
    expect(() => fromConfig({ cache: { defaultTtl: { fortnights: 1 } } })).toThrow(
      /backend.cache.defaultTtl/,
    );
    expect(() => fromConfig({ cache: { defaultTtl: -1 } })).toThrow(/backend.cache.defaultTtl/);
    expect(() => fromConfig({ cache: { defaultTtl: 0 } })).toThrow(
      /backend.cache.defaultTtl.*longer than zero/,
    );
    expect(() => fromConfig({ cache: { defaultTtl: 'soon' } })).toThrow(/backend.cache.defaultTtl/);
  });

  it('uses a duration object from config as the default ttl', async () => {
    const manager = fromConfig({ cache: { defaultTtl: { seconds: 0.05 } } });
    const cache = manager.forPlugin('p');
    await cache.set('k', 1);
    expect(await cache.get('k')).toBe(1);
    await new Promise(resolve => setTimeout(resolve, 80));
    expect(await cache.get('k')).toBeUndefined();
  });

  it('fails at startup on a store it does not implement, naming the key and the choices', () => {
    expect(() => fromConfig({ cache: { store: 'redis' } })).toThrow(
      "Unsupported cache store 'redis' in config at 'backend.cache.store'; supported values: memory",
    );
    expect(() => fromConfig({ cache: { store: 42 } })).toThrow(/backend.cache.store/);
  });
});
