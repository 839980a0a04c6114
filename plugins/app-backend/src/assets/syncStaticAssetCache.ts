import type { LoggerService } from '@greenroom/backend-plugin-api';
import { readBundleAssets } from './readBundleAssets';
import type { AssetNamespace, StaticAssetStore } from './StaticAssetStore';

/** How long a file stays available after the last build that contained it, as in Backstage. */
export const STATIC_ASSET_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * At startup: keeps the hashed files of the builds being served (new ones stored, known ones
 * marked as seen now) and forgets files no build has contained for the max age.
 */
export async function syncStaticAssetCache(options: {
  store: StaticAssetStore;
  bundles: Array<{ namespace: AssetNamespace; dir: string }>;
  logger: LoggerService;
  maxAgeMs?: number;
}): Promise<void> {
  const { store, logger } = options;
  for (const { namespace, dir } of options.bundles) {
    await store.storeAssets(namespace, await readBundleAssets(dir));
  }
  const deleted = await store.deleteOlderThan(options.maxAgeMs ?? STATIC_ASSET_MAX_AGE_MS);
  if (deleted > 0) logger.info(`Removed ${deleted} files of old app builds from the asset cache`);
}
