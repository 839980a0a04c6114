import type {
  EventParams,
  EventsService,
  EventsServiceSubscribeOptions,
  LoggerService,
} from '@greenroom/backend-plugin-api';
import { InputError } from '@greenroom/errors';
import type { EventBus } from './EventBus';
import { deliverSafely } from './deliverSafely';

/**
 * One plugin's handle on the shared bus. Subscriber ids get the plugin id as a prefix, so two
 * plugins may both call theirs `refresh`; failures are logged with the subscribing plugin's logger.
 */
export class DefaultEventsService implements EventsService {
  constructor(
    private readonly bus: EventBus,
    private readonly pluginId: string,
    private readonly logger: LoggerService,
  ) {}

  async publish(params: EventParams): Promise<void> {
    if (typeof params?.topic !== 'string' || params.topic === '') {
      throw new InputError('Events must have a non-empty topic');
    }
    await this.bus.publish(params);
  }

  async subscribe(options: EventsServiceSubscribeOptions): Promise<void> {
    if (typeof options?.id !== 'string' || options.id === '') {
      throw new InputError(
        `Event subscribers of plugin '${this.pluginId}' must have a non-empty id`,
      );
    }
    const topics = options.topics;
    if (
      !Array.isArray(topics) ||
      topics.length === 0 ||
      topics.some(t => typeof t !== 'string' || t === '')
    ) {
      throw new InputError(
        `Event subscriber '${options.id}' must list at least one non-empty topic`,
      );
    }
    if (typeof options.onEvent !== 'function') {
      throw new InputError(`Event subscriber '${options.id}' must have an onEvent function`);
    }
    const id = `${this.pluginId}.${options.id}`;
    const onEvent = options.onEvent;
    await this.bus.subscribe({
      id,
      topics: [...topics],
      onEvent: params => deliverSafely({ id, onEvent }, params, this.logger),
    });
  }
}
