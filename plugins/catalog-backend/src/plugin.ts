import { coreServices, createBackendPlugin } from '@greenroom/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@greenroom/plugin-catalog-node';
import { createActionsRouter } from './actions/actionsRouter';
import { createCatalogStorage } from './database/createCatalogStorage';
import { removeEntityByUid } from './database/removeEntityByUid';
import { scheduleEntityRefresh } from './database/scheduleEntityRefresh';
import { createLocationStore } from './locations/LocationStore';
import { createLocationsRouter } from './locations/locationsRouter';
import { createRegisteredLocationsProvider } from './locations/registeredLocationsProvider';
import { readFileRoots } from './locations/registrationPolicy';
import {
  createCatalogProcessing,
  type ProcessingExtensions,
} from './processing/createCatalogProcessing';
import { createCatalogRouter } from './service/router';

/** The catalog backend at `/api/catalog`: Backstage's entity API, fed by the ingestion engine. */
export const catalogPlugin = createBackendPlugin({
  pluginId: 'catalog',
  register(env) {
    const extensions: ProcessingExtensions = {
      processors: [],
      providers: [],
      placeholderResolvers: new Map(),
    };
    env.registerExtensionPoint(catalogProcessingExtensionPoint, {
      addProcessor: (...processors) => {
        for (const p of processors.flat()) {
          // A processor named like an earlier one replaces it, as in Backstage.
          const i = extensions.processors.findIndex(
            e => e.getProcessorName() === p.getProcessorName(),
          );
          if (i >= 0) extensions.processors[i] = p;
          else extensions.processors.push(p);
        }
      },
      addEntityProvider: (...providers) => extensions.providers.push(...providers.flat()),
      addPlaceholderResolver: (key, resolver) => extensions.placeholderResolvers.set(key, resolver),
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        events: coreServices.events,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        config,
        database,
        httpRouter,
        logger,
        scheduler,
        urlReader,
        events,
        lifecycle,
      }) {
        const storage = await createCatalogStorage(database);
        const knex = await database.getClient();
        const locations = createLocationStore(knex);
        const provider = createRegisteredLocationsProvider(locations);
        const fileRoots = readFileRoots(config);
        const { engine, context } = await createCatalogProcessing({
          config,
          knex,
          store: storage.store,
          reader: urlReader,
          events,
          logger,
          scheduler,
          fileRoots,
          extensions,
          providers: [provider],
        });
        lifecycle.addShutdownHook(() => engine.stop());
        httpRouter.use(
          createCatalogRouter({
            ...storage,
            removeEntityByUid: async uid => engine.stitch(await removeEntityByUid(knex, uid)),
          }),
        );
        httpRouter.use(
          createLocationsRouter({
            locations,
            queries: storage.queries,
            reader: urlReader,
            provider,
            processingContext: context,
            fileRoots,
            readonly: config.getOptionalBoolean('catalog.readonly') ?? false,
          }),
        );
        httpRouter.use(
          createActionsRouter({
            queries: storage.queries,
            refreshEntity: async ref => {
              const scheduled = await scheduleEntityRefresh(knex, ref);
              if (scheduled) engine.wake();
              return scheduled;
            },
          }),
        );
      },
    });
  },
});
