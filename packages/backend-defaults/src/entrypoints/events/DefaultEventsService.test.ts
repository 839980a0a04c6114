import type { EventParams, EventsServiceSubscribeOptions } from '@greenroom/backend-plugin-api';
import { createTestLogger } from '@greenroom/backend-test-utils';
import { InputError } from '@greenroom/errors';
import { describe, expect, it } from 'vitest';
import { DefaultEventsService } from './DefaultEventsService';
import { InProcessEventBus } from './InProcessEventBus';

function setup() {
  const rootLogger = createTestLogger();
  const bus = new InProcessEventBus(rootLogger);
  const pluginLogger = rootLogger.child({ plugin: 'catalog' });
  return { rootLogger, events: new DefaultEventsService(bus, 'catalog', pluginLogger) };
}

describe('DefaultEventsService', () => {
  it('logs a failing subscriber with the plugin, its prefixed id, the topic and the error', async () => {
    const { rootLogger, events } = setup();
    const received: EventParams[] = [];
    await events.subscribe({
      id: 'broken',
      topics: ['t'],
      onEvent: async () => {
        throw new TypeError('bad payload');
      },
    });
    await events.subscribe({
      id: 'fine',
      topics: ['t'],
      onEvent: async e => void received.push(e),
    });
    await events.publish({ topic: 't', eventPayload: { n: 1 } });
    expect(received).toHaveLength(1);
    expect(rootLogger.lines).toHaveLength(1);
    const [line] = rootLogger.lines;
    expect(line.level).toBe('error');
    expect(line.meta).toMatchObject({
      plugin: 'catalog',
      subscriberId: 'catalog.broken',
      topic: 't',
    });
    expect((line.meta.error as Error).message).toBe('bad payload');
  });

  it('rejects a publish without a topic', async () => {
    const { events } = setup();
    await expect(events.publish({ topic: '', eventPayload: 1 })).rejects.toThrow(InputError);
  });

  it('rejects malformed subscriptions with a message naming what is wrong', async () => {
    const { events } = setup();
    const onEvent = async () => {};
    await expect(events.subscribe({ id: '', topics: ['t'], onEvent })).rejects.toThrow(
      /non-empty id/,
    );
    await expect(events.subscribe({ id: 's', topics: [], onEvent })).rejects.toThrow(
      /'s' must list at least one/,
    );
    await expect(events.subscribe({ id: 's', topics: ['ok', ''], onEvent })).rejects.toThrow(
      InputError,
    );
    await expect(
      events.subscribe({ id: 's', topics: ['t'] } as unknown as EventsServiceSubscribeOptions),
    ).rejects.toThrow(/onEvent function/);
  });

  it('is not affected when the caller mutates its topics list later', async () => {
    const { events } = setup();
    const received: unknown[] = [];
    const topics = ['a'];
    await events.subscribe({
      id: 's',
      topics,
      onEvent: async e => void received.push(e.eventPayload),
    });
    topics.push('b');
    await events.publish({ topic: 'b', eventPayload: 'b' });
    await events.publish({ topic: 'a', eventPayload: 'a' });
    expect(received).toEqual(['a']);
  });
});
