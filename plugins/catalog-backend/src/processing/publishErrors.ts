import type { EventsService, LoggerService } from '@greenroom/backend-plugin-api';
import type { ProcessingError } from './types';

/** Backstage's topic for processing errors (`CATALOG_ERRORS_TOPIC`). */
export const CATALOG_ERRORS_TOPIC = 'experimental.catalog.errors';

/** The payload of an error event, as Backstage publishes it. */
export interface CatalogErrorsEventPayload {
  entity: string;
  location?: string;
  errors: ProcessingError[];
}

/** Publishes each entity's errors; a failing bus is logged and never stops processing. */
export async function publishErrors(
  events: EventsService,
  logger: LoggerService,
  payloads: readonly CatalogErrorsEventPayload[],
): Promise<void> {
  for (const eventPayload of payloads) {
    try {
      await events.publish({ topic: CATALOG_ERRORS_TOPIC, eventPayload });
    } catch (error) {
      logger.warn(`Could not publish catalog processing errors: ${(error as Error).message}`);
    }
  }
}
