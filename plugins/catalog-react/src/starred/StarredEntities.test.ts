import type { JsonValue } from '@greenroom/config/reader';
import type { StorageApi } from '@greenroom/frontend-plugin-api';
import { describe, expect, it } from 'vitest';
import { StarredEntities } from './StarredEntities';

/** A StorageApi over a Map, with buckets as key prefixes like the app's. */
function memoryStorage(items = new Map<string, string>(), prefix = 'app'): StorageApi {
  const listeners = new Map<string, Set<() => void>>();
  return {
    forBucket: name => memoryStorage(items, `${prefix}/${name}`),
    get: <T extends JsonValue>(key: string) => {
      const raw = items.get(`${prefix}/${key}`);
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    set: (key, value) => {
      items.set(`${prefix}/${key}`, JSON.stringify(value));
      listeners.get(key)?.forEach(listener => listener());
    },
    remove: key => void items.delete(`${prefix}/${key}`),
    subscribe: (key, listener) => {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set.add(listener));
      return () => set.delete(listener);
    },
  };
}

describe('StarredEntities', () => {
  it('toggles canonical refs, per user', () => {
    const items = new Map<string, string>();
    const jane = new StarredEntities(memoryStorage(items), 'user:default/jane');
    const joe = new StarredEntities(memoryStorage(items), 'User:default/Joe');
    expect(jane.toggle('Component:default/Foo')).toBe(true);
    expect(jane.isStarred('component:default/foo')).toBe(true);
    expect(jane.list()).toEqual(['component:default/foo']);
    expect(joe.list()).toEqual([]);
    expect(items.get('app/starred-entities/user:default/jane')).toBe('["component:default/foo"]');
    expect(jane.toggle('component:default/foo')).toBe(false);
    expect(jane.list()).toEqual([]);
  });

  it('tells subscribers about changes', () => {
    const stars = new StarredEntities(memoryStorage(), 'user:default/jane');
    let calls = 0;
    const stop = stars.subscribe(() => (calls += 1));
    stars.toggle('api:default/pets');
    stop();
    stars.toggle('api:default/pets');
    expect(calls).toBe(1);
  });

  it('ignores a stored value that is not a list of refs', () => {
    const items = new Map([['app/starred-entities/user:default/jane', '{"x":1}']]);
    expect(new StarredEntities(memoryStorage(items), 'user:default/jane').list()).toEqual([]);
    const mixed = new Map([['app/starred-entities/user:default/jane', '["a:b/c", 3]']]);
    expect(new StarredEntities(memoryStorage(mixed), 'user:default/jane').list()).toEqual([
      'a:b/c',
    ]);
  });
});
