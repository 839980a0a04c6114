import type {
  EventsService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import type { Knex } from 'knex';
import type { CatalogStore } from '../database/CatalogStore';
import { readProcessingConfig, type StaticLocation } from './config';
import { createProcessingEngine, type ProcessingEngine } from './ProcessingEngine';

/** The scheduler task id; `scheduler.triggerTask(CATALOG_PROCESSING_TASK_ID)` runs it now. */
export const CATALOG_PROCESSING_TASK_ID = 'catalog-processing';

/**
 * Runs the engine on `catalog.processingInterval` as a global task, so with several instances
 * on one database only one processes at a time. The first run starts right away.
 */
export async function scheduleCatalogProcessing(deps: {
  config: Config;
  knex: Knex;
  store: CatalogStore;
  reader: UrlReaderService;
  events: EventsService;
  logger: LoggerService;
  scheduler: SchedulerService;
  registeredLocations?: () => Promise<StaticLocation[]>;
}): Promise<ProcessingEngine> {
  const config = readProcessingConfig(deps.config);
  const engine = createProcessingEngine({ ...deps, config });
  await deps.scheduler.scheduleTask({
    id: CATALOG_PROCESSING_TASK_ID,
    frequency: config.processingInterval,
    timeout: { minutes: 10 },
    scope: 'global',
    fn: async () => {
      try {
        await engine.processOnce();
      } catch (error) {
        // A database outage must not kill the schedule; the next run tries again.
        deps.logger.error(`Catalog processing failed: ${(error as Error).message}`);
      }
    },
  });
  return engine;
}
