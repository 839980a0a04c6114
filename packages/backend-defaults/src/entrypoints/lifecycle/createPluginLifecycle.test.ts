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

  it('logs failing shutdown hooks with the plugin id and still runs the rest', async () => {
    const logger = createTestLogger();
    const lifecycle = (await lifecycleServiceFactory.factory(
      {
        logger: logger.child({ plugin: 'catalog' }),
        pluginMetadata: { getId: () => 'catalog' },
      },
      { pluginId: 'catalog', rootContext: undefined },
    )) as ReturnType<typeof createPluginLifecycle>;
    const events: string[] = [];
    lifecycle.addShutdownHook(() => {
      throw new Error('close failed');
    });
    lifecycle.addShutdownHook(async () => {
      events.push('second');
    });
    await lifecycle.shutdown();
    await lifecycle.shutdown();
    expect(events).toEqual(['second']);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatchObject({
      level: 'error',
      message: "Shutdown hook of plugin 'catalog' failed",
      meta: { plugin: 'catalog' },
    });
    expect(() => lifecycle.addShutdownHook(() => {})).toThrow('after shutdown began');
  });
});
