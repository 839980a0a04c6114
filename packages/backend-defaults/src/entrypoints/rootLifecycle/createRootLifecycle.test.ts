import { createTestLogger } from '@greenroom/backend-test-utils';
import { describe, expect, it } from 'vitest';
import { createRootLifecycle } from './createRootLifecycle';
import { rootLifecycleServiceFactory } from './rootLifecycleServiceFactory';

describe('createRootLifecycle', () => {
  it('runs startup hooks one after another in the order they were added', async () => {
    const lifecycle = createRootLifecycle({ logger: createTestLogger() });
    const events: string[] = [];
    lifecycle.addStartupHook(async () => {
      await new Promise(r => setTimeout(r, 5));
      events.push('first');
    });
    lifecycle.addStartupHook(() => {
      events.push('second');
    });
    await lifecycle.startup();
    expect(events).toEqual(['first', 'second']);
  });

  it('rejects startup with the failing hook error and refuses a second startup', async () => {
    const lifecycle = createRootLifecycle({ logger: createTestLogger() });
    const events: string[] = [];
    lifecycle.addStartupHook(() => {
      throw new Error('cannot start');
    });
    lifecycle.addStartupHook(() => {
      events.push('after');
    });
    await expect(lifecycle.startup()).rejects.toThrow('cannot start');
    expect(events).toEqual([]);
    await expect(lifecycle.startup()).rejects.toThrow('already run');
  });

  it('refuses hooks added after their phase began, and hooks that are not functions', async () => {
    const lifecycle = createRootLifecycle({ logger: createTestLogger() });
    await lifecycle.startup();
    expect(() => lifecycle.addStartupHook(() => {})).toThrow(
      'Attempted to add a startup hook after startup began',
    );
    expect(() => lifecycle.addShutdownHook('nope' as never)).toThrow('must be a function');
    await lifecycle.shutdown();
    expect(() => lifecycle.addShutdownHook(() => {})).toThrow('after shutdown began');
    expect(() => lifecycle.addBeforeShutdownHook(() => {})).toThrow('after before-shutdown began');
  });

  it('runs before-shutdown hooks before shutdown hooks, logging failures and going on', async () => {
    const logger = createTestLogger();
    const hookLogger = createTestLogger([], { owner: 'custom' });
    const lifecycle = createRootLifecycle({ logger });
    const events: string[] = [];
    lifecycle.addShutdownHook(() => {
      throw new Error('shutdown one failed');
    });
    lifecycle.addShutdownHook(() => {
      events.push('shutdown two');
    });
    lifecycle.addBeforeShutdownHook(
      () => {
        throw new Error('drain failed');
      },
      { logger: hookLogger },
    );
    lifecycle.addBeforeShutdownHook(() => {
      events.push('before two');
    });

    await lifecycle.shutdown();

    expect(events).toEqual(['before two', 'shutdown two']);
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'error', message: 'Shutdown hook failed' }),
    ]);
    expect((logger.lines[0].meta.error as Error).message).toBe('shutdown one failed');
    expect(hookLogger.lines).toEqual([
      expect.objectContaining({ message: 'Before-shutdown hook failed' }),
    ]);
    expect(hookLogger.lines[0].meta.owner).toBe('custom');
  });

  it('runs each shutdown phase once even when asked twice', async () => {
    const lifecycle = createRootLifecycle({ logger: createTestLogger() });
    let before = 0;
    let after = 0;
    lifecycle.addBeforeShutdownHook(() => {
      before += 1;
    });
    lifecycle.addShutdownHook(() => {
      after += 1;
    });
    await lifecycle.beforeShutdown();
    await Promise.all([lifecycle.shutdown(), lifecycle.shutdown()]);
    expect({ before, after }).toEqual({ before: 1, after: 1 });
  });

  it('is what rootLifecycleServiceFactory creates', async () => {
    const logger = createTestLogger();
    const lifecycle = (await rootLifecycleServiceFactory.factory(
      { rootLogger: logger },
      { pluginId: 'root', rootContext: undefined },
    )) as ReturnType<typeof createRootLifecycle>;
    lifecycle.addShutdownHook(() => {
      throw new Error('x');
    });
    await lifecycle.shutdown();
    expect(logger.lines[0].meta.service).toBe('rootLifecycle');
  });
});
