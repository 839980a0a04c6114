import { coreServices, createBackendPlugin } from '@greenroom/backend-plugin-api';
import { createCatalogStorage } from './database/createCatalogStorage';
import { scheduleCatalogProcessing } from './processing/scheduleCatalogProcessing';
import { createCatalogRouter } from './service/router';

/** The catalog backend at `/api/catalog`: Backstage's entity API, fed by the ingestion engine. */
export const catalogPlugin = createBackendPlugin({
  pluginId: 'catalog',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        events: coreServices.events,
      },
      async init({ config, database, httpRouter, logger, scheduler, urlReader, events }) {
        const storage = await createCatalogStorage(database);
        httpRouter.use(createCatalogRouter(storage));
        await scheduleCatalogProcessing({
          config,
          knex: await database.getClient(),
          store: storage.store,
          reader: urlReader,
          events,
          logger,
          scheduler,
        });
      },
    });
  },
});
