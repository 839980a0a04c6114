import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';

/** A plugin's logger: the root logger with `plugin: <pluginId>` on every line. */
export const loggerServiceFactory = createServiceFactory({
  service: coreServices.logger,
  deps: { rootLogger: coreServices.rootLogger, pluginMetadata: coreServices.pluginMetadata },
  factory: ({ rootLogger, pluginMetadata }) => rootLogger.child({ plugin: pluginMetadata.getId() }),
});
