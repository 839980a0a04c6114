import type { DatabaseService, LoggerService } from '@greenroom/backend-plugin-api';
import type { AppBundle } from '../bundle/AppBundle';
import { migrateAppDatabase } from './migrations';
import { StaticAssetStore } from './StaticAssetStore';
import { syncStaticAssetCache } from './syncStaticAssetCache';

/**
 * The asset cache in the plugin's database, holding the bundles being served from now on
 * (the full app as `default`, the sign-in bundle as `public`).
 */
export async function openStaticAssetCache(options: {
  database: DatabaseService;
  logger: LoggerService;
  bundle: AppBundle;
  publicBundle?: AppBundle;
}): Promise<StaticAssetStore> {
  const knex = await options.database.getClient();
  if (!options.database.migrations?.skip) await migrateAppDatabase(knex);
  const store = new StaticAssetStore(knex);
  await syncStaticAssetCache({
    store,
    logger: options.logger,
    bundles: [
      { namespace: 'default', dir: options.bundle.dir },
      ...(options.publicBundle
        ? [{ namespace: 'public' as const, dir: options.publicBundle.dir }]
        : []),
    ],
  });
  return store;
}
