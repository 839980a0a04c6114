import type { EventParams } from '@greenroom/backend-plugin-api';
import { createTestLogger } from '@greenroom/backend-test-utils';
import { describe, expect, it } from 'vitest';
import { InProcessEventBus } from './InProcessEventBus';

function recorder() {
  const received: EventParams[] = [];
  return { received, onEvent: async (event: EventParams) => void received.push(event) };
}

describe('InProcessEventBus', () => {
  it('delivers an event to every subscriber of its topic, payload and metadata intact', async () => {
    const bus = new InProcessEventBus(createTestLogger());
    const one = recorder();
    const two = recorder();
    await bus.subscribe({ id: 'one', topics: ['catalog.changed'], onEvent: one.onEvent });
    await bus.subscribe({ id: 'two', topics: ['other', 'catalog.changed'], onEvent: two.onEvent });
    const event = {
      topic: 'catalog.changed',
      eventPayload: { ref: 'component:default/a' },
      metadata: { source: 'x' },
    };
    await bus.publish(event);
    expect(one.received).toEqual([event]);
    expect(two.received).toEqual([event]);
  });

  it('delivers only to subscribers of the published topic', async () => {
    const bus = new InProcessEventBus(createTestLogger());
    const a = recorder();
    const b = recorder();
    await bus.subscribe({ id: 'a', topics: ['a'], onEvent: a.onEvent });
    await bus.subscribe({ id: 'b', topics: ['b'], onEvent: b.onEvent });
    await bus.publish({ topic: 'a', eventPayload: 1 });
    await bus.publish({ topic: 'a.sub', eventPayload: 2 });
    await bus.publish({ topic: 'nobody-listens', eventPayload: 3 });
    expect(a.received.map(e => e.eventPayload)).toEqual([1]);
    expect(b.received).toEqual([]);
  });

  it('delivers once even when a subscriber lists a topic twice', async () => {
    const bus = new InProcessEventBus(createTestLogger());
    const a = recorder();
    await bus.subscribe({ id: 'a', topics: ['t', 't'], onEvent: a.onEvent });
    await bus.publish({ topic: 't', eventPayload: null });
    expect(a.received).toHaveLength(1);
  });

  it('resolves publish only after slow subscribers finished', async () => {
    const bus = new InProcessEventBus(createTestLogger());
    let finished = false;
    await bus.subscribe({
      id: 'slow',
      topics: ['t'],
      onEvent: async () => {
        await new Promise(resolve => setTimeout(resolve, 20));
        finished = true;
      },
    });
    await bus.publish({ topic: 't', eventPayload: {} });
    expect(finished).toBe(true);
  });

  it('isolates a failing subscriber: logged, publisher and others unaffected', async () => {
    const logger = createTestLogger();
    const bus = new InProcessEventBus(logger);
    const after = recorder();
    await bus.subscribe({
      id: 'rejects',
      topics: ['t'],
      onEvent: async () => {
        throw new Error('boom');
      },
    });
    await bus.subscribe({
      id: 'throws-sync',
      topics: ['t'],
      onEvent: (() => {
        throw new Error('sync boom');
      }) as () => Promise<void>,
    });
    await bus.subscribe({ id: 'after', topics: ['t'], onEvent: after.onEvent });
    await expect(bus.publish({ topic: 't', eventPayload: 1 })).resolves.toBeUndefined();
    expect(after.received).toHaveLength(1);
    const errors = logger.lines.filter(line => line.level === 'error');
    expect(errors.map(line => line.meta.subscriberId).sort()).toEqual(['rejects', 'throws-sync']);
    expect(errors[0].meta.topic).toBe('t');
    expect(errors.map(line => (line.meta.error as Error).message).sort()).toEqual([
      'boom',
      'sync boom',
    ]);
    expect(errors[0].message).toContain("topic 't'");
  });

  it('does not deliver the current event to a subscriber added during its delivery', async () => {
    const bus = new InProcessEventBus(createTestLogger());
    const late = recorder();
    await bus.subscribe({
      id: 'adder',
      topics: ['t'],
      onEvent: () => bus.subscribe({ id: 'late', topics: ['t'], onEvent: late.onEvent }),
    });
    await bus.publish({ topic: 't', eventPayload: 'first' });
    expect(late.received).toEqual([]);
    await bus.publish({ topic: 't', eventPayload: 'second' });
    expect(late.received.map(e => e.eventPayload)).toEqual(['second']);
  });
});
