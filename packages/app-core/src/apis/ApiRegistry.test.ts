import { createApiFactory, createApiRef } from '@greenroom/frontend-plugin-api';
import { describe, expect, it } from 'vitest';
import { ApiRegistry } from './ApiRegistry';

const greetingApiRef = createApiRef<{ greet(): string }>({ id: 'test.greeting' });
const nameApiRef = createApiRef<{ name: string }>({ id: 'test.name' });

describe('ApiRegistry', () => {
  it('builds an API once, from its dependencies', () => {
    let built = 0;
    const registry = new ApiRegistry([
      createApiFactory(nameApiRef, { name: 'Ada' }),
      createApiFactory({
        api: greetingApiRef,
        deps: { names: nameApiRef },
        factory: ({ names }) => {
          built += 1;
          return { greet: () => `hello ${names.name}` };
        },
      }),
    ]);
    expect(registry.validate()).toEqual([]);
    expect(registry.get(greetingApiRef)?.greet()).toBe('hello Ada');
    expect(registry.get(greetingApiRef)).toBe(registry.get(greetingApiRef));
    expect(built).toBe(1);
  });

  it('lets a later factory replace an earlier one for the same API', () => {
    const registry = new ApiRegistry([
      createApiFactory(nameApiRef, { name: 'core' }),
      createApiFactory(nameApiRef, { name: 'app' }),
    ]);
    expect(registry.get(nameApiRef)?.name).toBe('app');
  });

  it('names missing dependencies and cycles', () => {
    const a = createApiRef<object>({ id: 'test.a' });
    const b = createApiRef<object>({ id: 'test.b' });
    const registry = new ApiRegistry([
      createApiFactory({
        api: greetingApiRef,
        deps: { names: nameApiRef },
        factory: () => ({ greet: () => '' }),
      }),
      createApiFactory({ api: a, deps: { b }, factory: () => ({}) }),
      createApiFactory({ api: b, deps: { a }, factory: () => ({}) }),
    ]);
    expect(registry.validate()).toEqual([
      "API 'test.greeting' depends on 'test.name', which neither the app nor a plugin provides",
      'API dependency cycle: test.a → test.b → test.a',
    ]);
    expect(registry.get(nameApiRef)).toBeUndefined();
    expect(() => registry.get(greetingApiRef)).toThrow("needs 'test.name'");
  });
});
