import { describe, expect, it } from 'vitest';
import { MemoryCacheStore } from './MemoryCacheStore';

function clock(start = 1_000_000) {
  const state = { now: start };
  return { now: () => state.now, advance: (ms: number) => void (state.now += ms) };
}

describe('MemoryCacheStore', () => {
  it('returns what was set and forgets what was deleted', async () => {
    const store = new MemoryCacheStore();
    await store.set('a', '"1"', {});
    expect(await store.get('a')).toBe('"1"');
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    await expect(store.delete('never-set')).resolves.toBeUndefined();
  });

  it('expires an entry once its ttl has passed', async () => {
    const time = clock();
    const store = new MemoryCacheStore({ now: time.now });
    await store.set('a', 'x', { ttl: 100 });
    time.advance(99);
    expect(await store.get('a')).toBe('x');
    time.advance(1);
    expect(await store.get('a')).toBeUndefined();
    expect(store.entryCount).toBe(0);
  });

  it('keeps an entry without ttl until it is evicted', async () => {
    const time = clock();
    const store = new MemoryCacheStore({ now: time.now });
    await store.set('a', 'x', {});
    time.advance(365 * 86_400_000);
    expect(await store.get('a')).toBe('x');
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const store = new MemoryCacheStore({ maxEntries: 3 });
    await store.set('a', '1', {});
    await store.set('b', '2', {});
    await store.set('c', '3', {});
    await store.get('a'); // a is now the most recently used
    await store.set('d', '4', {});
    expect(store.entryCount).toBe(3);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe('1');
    expect(await store.get('c')).toBe('3');
    expect(await store.get('d')).toBe('4');
  });

  it('never holds more than maxEntries however many are written', async () => {
    const store = new MemoryCacheStore({ maxEntries: 50 });
    for (let i = 0; i < 1000; i++) await store.set(`k${i}`, String(i), {});
    expect(store.entryCount).toBe(50);
    expect(await store.get('k999')).toBe('999');
    expect(await store.get('k949')).toBeUndefined();
  });

  it('evicts by total size and refuses a value larger than the whole cache', async () => {
    const store = new MemoryCacheStore({ maxSize: 20 });
    await store.set('a', '123456789', {}); // 10 characters with the key
    await store.set('b', '123456789', {});
    await store.set('c', '123456789', {});
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBe('123456789');
    await store.set('huge', 'x'.repeat(100), {});
    expect(await store.get('huge')).toBeUndefined();
    expect(await store.get('c')).toBe('123456789');
  });

  it('replacing a value frees the size of the old one', async () => {
    const store = new MemoryCacheStore({ maxSize: 20 });
    await store.set('a', 'x'.repeat(15), {});
    await store.set('a', 'y', {});
    await store.set('b', 'z'.repeat(10), {});
    expect(await store.get('a')).toBe('y');
    expect(await store.get('b')).toBe('z'.repeat(10));
  });

  it('purges expired entries nobody reads again', async () => {
    const time = clock();
    const store = new MemoryCacheStore({ now: time.now });
    for (let i = 0; i < 100; i++) await store.set(`old${i}`, 'x', { ttl: 1_000 });
    time.advance(61_000);
    await store.set('fresh', 'y', {});
    expect(store.entryCount).toBe(1);
    expect(await store.get('fresh')).toBe('y');
  });

  it('rejects bounds that are not positive integers', () => {
    expect(() => new MemoryCacheStore({ maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() => new MemoryCacheStore({ maxSize: 1.5 })).toThrow(/maxSize/);
  });
});
