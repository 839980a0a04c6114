import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { DatabaseManager } from './DatabaseManager';

/**
 * `core.database`: one manager per backend (built from `backend.database`), one lazily opened
 * client per plugin, closed when the backend shuts down.
 */
export const databaseServiceFactory = createServiceFactory({
  service: coreServices.database,
  deps: {
    rootConfig: coreServices.rootConfig,
    rootLogger: coreServices.rootLogger,
    lifecycle: coreServices.lifecycle,
    logger: coreServices.logger,
    pluginMetadata: coreServices.pluginMetadata,
  },
  createRootContext({ rootConfig, rootLogger }) {
    return DatabaseManager.fromConfig(rootConfig, { logger: rootLogger });
  },
  factory({ lifecycle, logger, pluginMetadata }, manager) {
    const pluginId = pluginMetadata.getId();
    const database = manager.forPlugin(pluginId, { logger });
    lifecycle.addShutdownHook(() => manager.destroyPlugin(pluginId), { logger });
    return database;
  },
});
