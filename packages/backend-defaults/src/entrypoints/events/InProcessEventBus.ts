import type {
  EventParams,
  EventsServiceSubscribeOptions,
  LoggerService,
} from '@greenroom/backend-plugin-api';
import type { EventBus } from './EventBus';
import { deliverSafely } from './deliverSafely';

/** Delivers each event to the matching subscribers of this process, all at once. */
export class InProcessEventBus implements EventBus {
  private readonly subscribersByTopic = new Map<string, EventsServiceSubscribeOptions[]>();

  constructor(private readonly logger: LoggerService) {}

  async publish(params: EventParams): Promise<void> {
    // Copied, so a subscriber that subscribes during delivery starts with the next event.
    const subscribers = [...(this.subscribersByTopic.get(params.topic) ?? [])];
    await Promise.all(
      subscribers.map(subscriber => deliverSafely(subscriber, params, this.logger)),
    );
  }

  async subscribe(options: EventsServiceSubscribeOptions): Promise<void> {
    for (const topic of new Set(options.topics)) {
      const subscribers = this.subscribersByTopic.get(topic) ?? [];
      subscribers.push(options);
      this.subscribersByTopic.set(topic, subscribers);
    }
  }
}
