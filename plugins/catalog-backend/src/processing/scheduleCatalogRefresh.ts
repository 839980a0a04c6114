import type { LoggerService, SchedulerService } from '@greenroom/backend-plugin-api';
import type { HumanDuration } from '@greenroom/config';

/** The scheduler task id; `scheduler.triggerTask(CATALOG_PROCESSING_TASK_ID)` refreshes now. */
export const CATALOG_PROCESSING_TASK_ID = 'catalog-processing';

/**
 * The providers' periodic full refresh (config and registered locations, which another
 * instance may have changed). Entities themselves are re-processed by the engine's loop on
 * their own `next_update_at`; a trigger also makes every Location due, so changed files are
 * picked up now (unchanged ones cost one conditional read).
 */
export async function scheduleCatalogRefresh(deps: {
  scheduler: SchedulerService;
  logger: LoggerService;
  frequency: HumanDuration;
  refresh: () => Promise<void>;
}): Promise<void> {
  await deps.scheduler.scheduleTask({
    id: CATALOG_PROCESSING_TASK_ID,
    frequency: deps.frequency,
    // The providers connected at startup; the first refresh is one interval later.
    initialDelay: deps.frequency,
    timeout: { minutes: 10 },
    scope: 'local',
    fn: async () => {
      try {
        await deps.refresh();
      } catch (error) {
        deps.logger.error(`Catalog refresh failed: ${(error as Error).message}`);
      }
    },
  });
}
