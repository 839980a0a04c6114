import { coreServices, createBackendPlugin } from '@greenroom/backend-plugin-api';
import { createActionsRouter } from './actions/actionsRouter';
import { createCatalogStorage } from './database/createCatalogStorage';
import { createLocationStore } from './locations/LocationStore';
import { createLocationsRouter } from './locations/locationsRouter';
import { readFileRoots } from './locations/registrationPolicy';
import { readProcessingConfig } from './processing/config';
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
        const knex = await database.getClient();
        const locations = createLocationStore(knex);
        const fileRoots = readFileRoots(config);
        httpRouter.use(createCatalogRouter(storage));
        httpRouter.use(
          createLocationsRouter({
            locations,
            queries: storage.queries,
            reader: urlReader,
            scheduler,
            logger,
            rules: readProcessingConfig(config).rules,
            fileRoots,
          }),
        );
        httpRouter.use(createActionsRouter({ queries: storage.queries, scheduler, logger }));
        await scheduleCatalogProcessing({
          config,
          knex,
          registeredLocations: async () =>
            (await locations.list()).map(location => ({ ...location, fileRoots })),
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
