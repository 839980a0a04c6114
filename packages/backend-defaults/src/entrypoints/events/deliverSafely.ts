import type {
  EventParams,
  EventsServiceSubscribeOptions,
  LoggerService,
} from '@greenroom/backend-plugin-api';

/** Calls one subscriber; a throw (sync or async) is logged and goes no further. */
export async function deliverSafely(
  subscriber: Pick<EventsServiceSubscribeOptions, 'id' | 'onEvent'>,
  params: EventParams,
  logger: LoggerService,
): Promise<void> {
  try {
    await subscriber.onEvent(params);
  } catch (error) {
    logger.error(
      `Event subscriber '${subscriber.id}' failed to handle an event on topic '${params.topic}'`,
      {
        subscriberId: subscriber.id,
        topic: params.topic,
        error,
      },
    );
  }
}
