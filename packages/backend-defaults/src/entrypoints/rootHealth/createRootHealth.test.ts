import { createTestLogger } from '@greenroom/backend-test-utils';
import { describe, expect, it } from 'vitest';
import { createRootLifecycle } from '../rootLifecycle';
import { createRootHealth } from './createRootHealth';

describe('createRootHealth', () => {
  it('is live always and ready only between startup and shutdown', async () => {
    const lifecycle = createRootLifecycle({ logger: createTestLogger() });
    const health = createRootHealth({ lifecycle });
    const notStarted = {
      status: 503,
      payload: { message: 'Backend has not started yet', status: 'error' },
    };

    expect(await health.getLiveness()).toEqual({ status: 200, payload: { status: 'ok' } });
    expect(await health.getReadiness()).toEqual(notStarted);

    await lifecycle.startup();
    expect(await health.getReadiness()).toEqual({ status: 200, payload: { status: 'ok' } });

    let readinessDuringDrain: unknown;
    lifecycle.addBeforeShutdownHook(async () => {
      readinessDuringDrain = await health.getReadiness();
    });
    await lifecycle.shutdown();
    expect(readinessDuringDrain).toEqual(notStarted);
    expect(await health.getReadiness()).toEqual(notStarted);
    expect(await health.getLiveness()).toEqual({ status: 200, payload: { status: 'ok' } });
  });
});
