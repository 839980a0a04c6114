import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
  createServiceFactory,
  createServiceRef,
  type LifecycleHook,
  type ServiceFactory,
} from '@greenroom/backend-plugin-api';
import { createTestLogger, type CapturedLogLine } from '@greenroom/backend-test-utils';
import { ConfigReader, type JsonObject } from '@greenroom/config';
import { describe, expect, it } from 'vitest';
import { createSpecializedBackend } from './createSpecializedBackend';

// Minimal core services so these tests exercise the wiring alone; the real factories are
// tested beside their own code and together in createBackend.test.ts.
function coreFactories(
  events: string[],
  lines: CapturedLogLine[],
  config: JsonObject = {},
): ServiceFactory[] {
  const hooks = () => {
    const startup: LifecycleHook[] = [];
    const shutdown: LifecycleHook[] = [];
    return {
      addStartupHook: (hook: LifecycleHook) => void startup.push(hook),
      addShutdownHook: (hook: LifecycleHook) => void shutdown.push(hook),
      startup: async () => {
        for (const hook of startup) await hook();
      },
      shutdown: async () => {
        for (const hook of shutdown) await hook();
      },
    };
  };
  return [
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => new ConfigReader(config),
    }),
    createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => createTestLogger(lines),
    }),
    createServiceFactory({
      service: coreServices.rootLifecycle,
      deps: {},
      factory: () => {
        const root = hooks();
        return {
          ...root,
          addBeforeShutdownHook: () => undefined,
          startup: async () => {
            events.push('root startup');
            await root.startup();
          },
          beforeShutdown: async () => void events.push('root beforeShutdown'),
          shutdown: async () => {
            events.push('root shutdown');
            await root.shutdown();
          },
        };
      },
    }),
    createServiceFactory({
      service: coreServices.lifecycle,
      deps: { meta: coreServices.pluginMetadata },
      factory: ({ meta }) => {
        const plugin = hooks();
        return {
          ...plugin,
          startup: async () => {
            events.push(`${meta.getId()} startup`);
            await plugin.startup();
          },
          shutdown: async () => {
            events.push(`${meta.getId()} shutdown`);
            await plugin.shutdown();
          },
        };
      },
    }),
    {
      $$type: '@greenroom/ServiceFactory',
      service: coreServices.pluginMetadata,
      deps: {},
      initialization: 'lazy',
      factory: (_deps, { pluginId }) => ({ getId: () => pluginId }),
    },
  ];
}

function testBackend(config: JsonObject = {}) {
  const events: string[] = [];
  const lines: CapturedLogLine[] = [];
  const backend = createSpecializedBackend({
    defaultServiceFactories: coreFactories(events, lines, config),
    handleProcessSignals: false,
  });
  return { backend, events, lines };
}

const greetingRef = createServiceRef<{ greet(): string }>({ id: 'test.greeting' });
const greetingFactory = createServiceFactory({
  service: greetingRef,
  deps: { meta: coreServices.pluginMetadata },
  factory: ({ meta }) => ({ greet: () => `hello from the default for ${meta.getId()}` }),
});

interface Shelf {
  add(item: string): void;
}
const shelfExtensionPoint = createExtensionPoint<Shelf>({ id: 'shelf.items' });

describe('backend wiring', () => {
  it('starts two plugins with a module that extends one of them through its extension point', async () => {
    const { backend, events } = testBackend();
    const seen: Record<string, unknown> = {};
    backend.add(greetingFactory);
    backend.add(
      createBackendPlugin({
        pluginId: 'shelf',
        register(reg) {
          const items: string[] = [];
          reg.registerExtensionPoint(shelfExtensionPoint, { add: item => void items.push(item) });
          reg.registerInit({
            deps: { greeting: greetingRef },
            async init({ greeting }) {
              seen.items = [...items];
              seen.greeting = greeting.greet();
              events.push('shelf init');
            },
          });
        },
      }),
    );
    backend.add(
      createBackendModule({
        pluginId: 'shelf',
        moduleId: 'books',
        register(reg) {
          reg.registerInit({
            deps: { shelf: shelfExtensionPoint },
            async init({ shelf }) {
              shelf.add('a book');
              events.push('books init');
            },
          });
        },
      }),
    );
    backend.add(
      createBackendPlugin({
        pluginId: 'other',
        register(reg) {
          reg.registerInit({
            deps: { greeting: greetingRef },
            async init({ greeting }) {
              seen.other = greeting.greet();
            },
          });
        },
      }),
    );
    await backend.start();

    expect(seen.items).toEqual(['a book']);
    expect(seen.greeting).toBe('hello from the default for shelf');
    expect(seen.other).toBe('hello from the default for other');
    // Modules first, then the plugin, then its startup hooks; root startup after every plugin.
    expect(events.indexOf('books init')).toBeLessThan(events.indexOf('shelf init'));
    expect(events.indexOf('shelf init')).toBeLessThan(events.indexOf('shelf startup'));
    expect(events.at(-1)).toBe('root startup');

    await backend.stop();
    expect(events.slice(-4, -3)).toEqual(['root beforeShutdown']);
    expect(events.at(-1)).toBe('root shutdown');
    expect(events).toContain('shelf shutdown');
    expect(events).toContain('other shutdown');
  });

  it('lets an added service factory override a default one', async () => {
    const { backend } = testBackend();
    let greeting = '';
    backend.add(
      createServiceFactory({
        service: greetingRef,
        deps: {},
        factory: () => ({ greet: () => 'overridden' }),
      }),
    );
    backend.add(
      createBackendPlugin({
        pluginId: 'p',
        register(reg) {
          reg.registerInit({
            deps: { g: greetingRef },
            async init({ g }) {
              greeting = g.greet();
            },
          });
        },
      }),
    );
    await backend.start();
    expect(greeting).toBe('overridden');
    await backend.stop();
  });

  it('uses the default factory of a service ref when nothing else provides it', async () => {
    const withDefault = createServiceRef<string>({
      id: 'test.withDefault',
      defaultFactory: service =>
        createServiceFactory({ service, deps: {}, factory: () => 'from the ref' }),
    });
    const { backend } = testBackend();
    let value = '';
    backend.add(
      createBackendPlugin({
        pluginId: 'p',
        register(reg) {
          reg.registerInit({
            deps: { v: withDefault },
            async init({ v }) {
              value = v;
            },
          });
        },
      }),
    );
    await backend.start();
    expect(value).toBe('from the ref');
    await backend.stop();
  });

  it('makes root services once and plugin services once per plugin, lazily', async () => {
    const made: string[] = [];
    const rootRef = createServiceRef<number>({ id: 'test.root', scope: 'root' });
    const pluginRef = createServiceRef<string>({ id: 'test.plugin' });
    const unusedRef = createServiceRef<string>({ id: 'test.unused' });
    const { backend } = testBackend();
    backend.add(
      createServiceFactory({
        service: rootRef,
        deps: {},
        factory: () => {
          made.push('root');
          return 1;
        },
      }),
    );
    backend.add(
      createServiceFactory({
        service: pluginRef,
        deps: { root: rootRef, meta: coreServices.pluginMetadata },
        factory: ({ meta }) => {
          made.push(`plugin:${meta.getId()}`);
          return meta.getId();
        },
      }),
    );
    backend.add(
      createServiceFactory({
        service: unusedRef,
        deps: {},
        factory: () => {
          made.push('unused');
          return '';
        },
      }),
    );
    for (const id of ['a', 'b']) {
      backend.add(
        createBackendPlugin({
          pluginId: id,
          register(reg) {
            reg.registerInit({ deps: { p: pluginRef, r: rootRef }, async init() {} });
          },
        }),
      );
    }
    await backend.start();
    expect(made.sort()).toEqual(['plugin:a', 'plugin:b', 'root']);
    await backend.stop();
  });

  it('accepts a promise of a feature, as from a dynamic import', async () => {
    const { backend } = testBackend();
    let started = false;
    const plugin = createBackendPlugin({
      pluginId: 'lazy',
      register(reg) {
        reg.registerInit({
          deps: {},
          async init() {
            started = true;
          },
        });
      },
    });
    backend.add(Promise.resolve({ default: plugin }));
    await backend.start();
    expect(started).toBe(true);
    await backend.stop();
  });

  it('skips a module whose plugin is not installed, saying so at debug level', async () => {
    const { backend, lines } = testBackend();
    let moduleRan = false;
    backend.add(
      createBackendModule({
        pluginId: 'absent',
        moduleId: 'orphan',
        register(reg) {
          reg.registerInit({
            deps: {},
            async init() {
              moduleRan = true;
            },
          });
        },
      }),
    );
    await backend.start();
    expect(moduleRan).toBe(false);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'debug',
        message: expect.stringContaining("module 'orphan' for plugin 'absent'"),
      }),
    );
    await backend.stop();
  });

  it('names the cycle when services depend on each other in a loop', async () => {
    const aRef = createServiceRef<string>({ id: 'test.a' });
    const bRef = createServiceRef<string>({ id: 'test.b' });
    const { backend } = testBackend();
    backend.add(createServiceFactory({ service: aRef, deps: { b: bRef }, factory: () => 'a' }));
    backend.add(createServiceFactory({ service: bRef, deps: { a: aRef }, factory: () => 'b' }));
    await expect(backend.start()).rejects.toThrow(
      'Circular dependency between services: test.a -> test.b -> test.a',
    );
  });

  it('names the missing service and the plugin that needs it', async () => {
    const missingRef = createServiceRef<string>({ id: 'test.missing' });
    const { backend } = testBackend();
    backend.add(
      createBackendPlugin({
        pluginId: 'needy',
        register(reg) {
          reg.registerInit({ deps: { m: missingRef }, async init() {} });
        },
      }),
    );
    await expect(backend.start()).rejects.toThrow(
      "Service or extension point dependencies of plugin 'needy' are missing for the following ref(s): serviceRef{test.missing}",
    );
  });

  it("refuses a module that uses another plugin's extension point", async () => {
    const { backend } = testBackend();
    backend.add(
      createBackendPlugin({
        pluginId: 'shelf',
        register(reg) {
          reg.registerExtensionPoint(shelfExtensionPoint, { add: () => undefined });
          reg.registerInit({ deps: {}, async init() {} });
        },
      }),
    );
    backend.add(
      createBackendPlugin({
        pluginId: 'thief',
        register(reg) {
          reg.registerInit({ deps: {}, async init() {} });
        },
      }),
    );
    backend.add(
      createBackendModule({
        pluginId: 'thief',
        moduleId: 'grab',
        register(reg) {
          reg.registerInit({ deps: { s: shelfExtensionPoint }, async init() {} });
        },
      }),
    );
    await expect(backend.start()).rejects.toThrow(
      /Extension points can only be used within their plugin's scope/,
    );
  });

  it('rejects duplicate plugins, modules and service factories', async () => {
    const plugin = () =>
      createBackendPlugin({
        pluginId: 'dup',
        register(reg) {
          reg.registerInit({ deps: {}, async init() {} });
        },
      });
    const first = testBackend();
    first.backend.add(plugin());
    first.backend.add(plugin());
    await expect(first.backend.start()).rejects.toThrow("Plugin 'dup' is already registered");

    const second = testBackend();
    second.backend.add(greetingFactory);
    second.backend.add(greetingFactory);
    await expect(second.backend.start()).rejects.toThrow(
      'Duplicate service implementations provided for test.greeting',
    );
  });

  it('fails start with one line naming the plugin whose init threw, and stops what started', async () => {
    const { backend, events } = testBackend();
    backend.add(
      createBackendPlugin({
        pluginId: 'fine',
        register(reg) {
          reg.registerInit({ deps: {}, async init() {} });
        },
      }),
    );
    backend.add(
      createBackendPlugin({
        pluginId: 'broken',
        register(reg) {
          reg.registerInit({
            deps: {},
            async init() {
              throw new Error('database exploded');
            },
          });
        },
      }),
    );
    const error = await backend.start().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toBe(
      "Plugin 'broken' startup failed; caused by Error: database exploded",
    );
    expect(error?.message).not.toContain('\n');
    expect(events).toContain('root beforeShutdown');
    expect(events).toContain('root shutdown');
  });

  it("keeps going past a failing plugin when its boot failure policy is 'continue'", async () => {
    const { backend, lines } = testBackend({
      backend: { startup: { plugins: { flaky: { onPluginBootFailure: 'continue' } } } },
    });
    let fineStarted = false;
    backend.add(
      createBackendPlugin({
        pluginId: 'fine',
        register(reg) {
          reg.registerInit({
            deps: {},
            async init() {
              fineStarted = true;
            },
          });
        },
      }),
    );
    backend.add(
      createBackendPlugin({
        pluginId: 'flaky',
        register(reg) {
          reg.registerInit({
            deps: {},
            async init() {
              throw new Error('nope');
            },
          });
        },
      }),
    );
    await backend.start();
    expect(fineStarted).toBe(true);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining("Plugin 'flaky' startup failed"),
      }),
    );
    await backend.stop();
  });

  it('refuses features after start and a second start', async () => {
    const { backend } = testBackend();
    await backend.start();
    expect(() => backend.add(greetingFactory)).toThrow(
      'feature can not be added after the backend has started',
    );
    await expect(async () => backend.start()).rejects.toThrow('Backend has already started');
    await backend.stop();
  });

  it('checks registration rules when a feature is declared', () => {
    const twice = createBackendPlugin({
      pluginId: 'twice',
      register(reg) {
        reg.registerInit({ deps: {}, async init() {} });
        reg.registerInit({ deps: {}, async init() {} });
      },
    });
    expect(() => twice.getRegistrations()).toThrow(
      "registerInit must only be called once in plugin 'twice'",
    );
    const never = createBackendPlugin({ pluginId: 'never', register() {} });
    expect(() => never.getRegistrations()).toThrow(
      "registerInit was not called by register in plugin 'never'",
    );
    expect(() => createBackendPlugin({ pluginId: 'Not Valid!', register() {} })).toThrow(
      "Invalid pluginId 'Not Valid!'",
    );
    expect(() =>
      createServiceFactory({
        service: createServiceRef<string>({ id: 'r', scope: 'root' }),
        deps: { l: coreServices.logger } as never,
        factory: () => '',
      }),
    ).toThrow("Root service 'r' can not depend on plugin-scoped service 'core.logger'");
  });
});
