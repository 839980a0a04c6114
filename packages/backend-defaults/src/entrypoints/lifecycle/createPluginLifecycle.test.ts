import { createTestLogger } from '@greenroom/backend-test-utils';
import { describe, expect, it } from 'vitest';
import { createPluginLifecycle } from './createPluginLifecycle';
import { lifecycleServiceFactory } from './lifecycleServiceFactory';

describe('createPluginLifecycle', () => {
  it('runs startup hooks in order and rejects on a failing one', async () => {
    const lifecycle = createPluginLifecycle({ pluginId: 'catalog', logger: createTestLogger() });
    const events: string[] = [];
    lifecycle.addStartupHook(async () => {
      await new Promise(r => setTimeout(r, 5));
      events.push('a');
    });
    lifecycle.addStartupHook(() => {
      events.push('b');
      throw new Error('b failed');
    });
    lifecycle.addStartupHook(() => {
      events.push('c');
    });
    await expect(lifecycle.startup()).rejects.toThrow('b failed');
    expect(events).toEqual(['a', 'b']);
    await expect(lifecycle.startup()).rejects.toThrow(
      "Lifecycle startup of plugin 'catalog' has already run",
    );
  });

  it('runs shutdown hooks last-added first, logging failures and running the rest', async () => {
    const logger = createTestLogger();
    const lifecycle = (await lifecycleServiceFactory.factory(
      {
        logger: logger.child({ plugin: 'catalog' }),
        pluginMetadata: { getId: () => 'catalog' },
      },
      { pluginId: 'catalog', rootContext: undefined },
    )) as ReturnType<typeof createPluginLifecycle>;
    const events: string[] = [];
    // As a plugin's database service (added first) and the plugin's own hooks (added later).
    lifecycle.addShutdownHook(async () => {
      events.push('close the pool');
    });
    lifecycle.addShutdownHook(() => {
      events.push('failing');
      throw new Error('close failed');
    });
    lifecycle.addShutdownHook(async () => {
      await new Promise(r => setTimeout(r, 5));
      events.push('stop the engine');
    });
    await lifecycle.shutdown();
    await lifecycle.shutdown();
    expect(events).toEqual(['stop the engine', 'failing', 'close the pool']);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatchObject({
      level: 'error',
      message: "Shutdown hook of plugin 'catalog' failed",
      meta: { plugin: 'catalog' },
    });
    expect(() => lifecycle.addShutdownHook(() => {})).toThrow('after shutdown began');
  });
});
