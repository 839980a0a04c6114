import { coreServices, createBackendPlugin } from '@greenroom/backend-plugin-api';
import { createCatalogStorage } from './database/createCatalogStorage';
import { createCatalogRouter } from './service/router';

/** The catalog backend at `/api/catalog`: Backstage's entity read API over the catalog tables. */
export const catalogPlugin = createBackendPlugin({
  pluginId: 'catalog',
  register(env) {
    env.registerInit({
      deps: { database: coreServices.database, httpRouter: coreServices.httpRouter },
      async init({ database, httpRouter }) {
        const storage = await createCatalogStorage(database);
        httpRouter.use(createCatalogRouter(storage));
      },
    });
  },
});
