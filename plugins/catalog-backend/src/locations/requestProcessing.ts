import type { LoggerService, SchedulerService } from '@greenroom/backend-plugin-api';
import { CATALOG_PROCESSING_TASK_ID } from '../processing/scheduleCatalogRefresh';

const RETRY_MS = 500;
const MAX_ATTEMPTS = 1200; // ten minutes: the processing task's own timeout

/**
 * Asks the scheduler to run the processing task now, so a registered (or removed) location is
 * reflected without waiting for `catalog.processingInterval`. A run already in progress may
 * have read the locations before the change, so while the task is running (ConflictError) the
 * trigger is retried in the background until it is accepted.
 */
export function requestProcessing(scheduler: SchedulerService, logger: LoggerService): void {
  const attempt = async (n: number): Promise<void> => {
    try {
      await scheduler.triggerTask(CATALOG_PROCESSING_TASK_ID);
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'ConflictError' && n < MAX_ATTEMPTS) {
        setTimeout(() => void attempt(n + 1), RETRY_MS).unref();
        return;
      }
      logger.warn(`Could not trigger catalog processing: ${(error as Error).message}`);
    }
  };
  void attempt(1);
}
