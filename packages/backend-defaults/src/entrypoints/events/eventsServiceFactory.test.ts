import { coreServices } from '@greenroom/backend-plugin-api';
import type { EventParams, EventsService } from '@greenroom/backend-plugin-api';
import { createTestLogger } from '@greenroom/backend-test-utils';
import { describe, expect, it } from 'vitest';
import { eventsServiceFactory } from './eventsServiceFactory';

// Drives the factory the way the backend does: one root context, then one instance per plugin.
async function eventsFor(pluginIds: string[]) {
  const rootLogger = createTestLogger();
  const rootContext = await eventsServiceFactory.createRootContext!({ rootLogger });
  const services = await Promise.all(
    pluginIds.map(pluginId =>
      eventsServiceFactory.factory(
        {
          rootLogger,
          logger: rootLogger.child({ plugin: pluginId }),
          pluginMetadata: { getId: () => pluginId },
        },
        { pluginId, rootContext },
      ),
    ),
  );
  return { rootLogger, services: services as EventsService[] };
}

describe('eventsServiceFactory', () => {
  it('provides the events ref, per plugin', () => {
    expect(eventsServiceFactory.service).toBe(coreServices.events);
    expect(eventsServiceFactory.service.scope).toBe('plugin');
  });

  it('lets one plugin receive what another publishes, through the shared root bus', async () => {
    const {
      services: [catalog, search],
    } = await eventsFor(['catalog', 'search']);
    const received: EventParams[] = [];
    await search.subscribe({
      id: 'indexer',
      topics: ['catalog.entity.changed'],
      onEvent: async e => void received.push(e),
    });
    await catalog.publish({
      topic: 'catalog.entity.changed',
      eventPayload: { ref: 'component:default/x' },
    });
    expect(received.map(e => e.eventPayload)).toEqual([{ ref: 'component:default/x' }]);
  });

  it('keeps backends apart: a separate root context is a separate bus', async () => {
    const first = await eventsFor(['catalog']);
    const second = await eventsFor(['search']);
    const received: unknown[] = [];
    await second.services[0].subscribe({
      id: 's',
      topics: ['t'],
      onEvent: async e => void received.push(e),
    });
    await first.services[0].publish({ topic: 't', eventPayload: 1 });
    expect(received).toEqual([]);
  });

  it('lets two plugins use the same subscriber id and logs failures under the right plugin', async () => {
    const {
      rootLogger,
      services: [a, b, publisher],
    } = await eventsFor(['a', 'b', 'p']);
    let bCalls = 0;
    await a.subscribe({
      id: 'worker',
      topics: ['t'],
      onEvent: async () => {
        throw new Error('a failed');
      },
    });
    await b.subscribe({ id: 'worker', topics: ['t'], onEvent: async () => void bCalls++ });
    await publisher.publish({ topic: 't', eventPayload: null });
    expect(bCalls).toBe(1);
    expect(rootLogger.lines).toHaveLength(1);
    expect(rootLogger.lines[0].meta).toMatchObject({
      plugin: 'a',
      subscriberId: 'a.worker',
      topic: 't',
    });
  });
});
