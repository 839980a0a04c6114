import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { DefaultEventsService } from './DefaultEventsService';
import { InProcessEventBus } from './InProcessEventBus';

/** The default `coreServices.events`: every plugin publishes to and subscribes on one shared bus. */
export const eventsServiceFactory = createServiceFactory({
  service: coreServices.events,
  deps: {
    rootLogger: coreServices.rootLogger,
    logger: coreServices.logger,
    pluginMetadata: coreServices.pluginMetadata,
  },
  createRootContext: ({ rootLogger }) =>
    new InProcessEventBus(rootLogger.child({ service: 'events' })),
  factory: ({ logger, pluginMetadata }, bus) =>
    new DefaultEventsService(bus, pluginMetadata.getId(), logger),
});
