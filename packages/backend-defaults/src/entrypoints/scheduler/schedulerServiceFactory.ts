import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { DefaultSchedulerService } from './DefaultSchedulerService';

/** `core.scheduler`: one scheduler per plugin, stopped (running tasks aborted) on shutdown. */
export const schedulerServiceFactory = createServiceFactory({
  service: coreServices.scheduler,
  deps: {
    database: coreServices.database,
    logger: coreServices.logger,
    lifecycle: coreServices.lifecycle,
  },
  factory({ database, logger, lifecycle }) {
    const scheduler = new DefaultSchedulerService({ database, logger });
    lifecycle.addShutdownHook(() => scheduler.shutdown(), { logger });
    return scheduler;
  },
});
