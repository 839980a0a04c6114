import type { EventParams, EventsServiceSubscribeOptions } from '@greenroom/backend-plugin-api';

/**
 * Carries events between subscribers. The in-process bus is the default; a database-backed bus
 * (for several backend instances) implements the same two methods, so plugins never notice.
 * Subscriber ids reach the bus already prefixed with the plugin id.
 */
export interface EventBus {
  /** Resolves once every matching subscriber was tried; never rejects for a subscriber's failure. */
  publish(params: EventParams): Promise<void>;
  subscribe(options: EventsServiceSubscribeOptions): Promise<void>;
}
