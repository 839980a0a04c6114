import type { CacheService } from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import type { CacheStore } from './CacheStore';
import { DefaultCacheService } from './DefaultCacheService';
import { MemoryCacheStore, type MemoryCacheStoreOptions } from './MemoryCacheStore';
// Shared with the HTTP server options, which own the duration parsing (ms, '5m', PT5M, { minutes: 5 }).
import { readDurationMs } from '@greenroom/config';

/** Store names `backend.cache.store` accepts. Backstage's others (redis, valkey, ...) come later. */
export const SUPPORTED_CACHE_STORES = ['memory'] as const;

export interface CacheManagerOptions {
  /** Options for the memory store, when that is the configured store. */
  memory?: MemoryCacheStoreOptions;
}

/** Owns the one store of a backend and hands each plugin its own namespaced cache. */
export class CacheManager {
  /** Reads `backend.cache.store` and `backend.cache.defaultTtl`; throws naming the key when wrong. */
  static fromConfig(config: Config, options: CacheManagerOptions = {}): CacheManager {
    const storeName = config.getOptionalString('backend.cache.store') ?? 'memory';
    const defaultTtl = readDurationMs(config, 'backend.cache.defaultTtl');
    if (defaultTtl === 0) {
      throw new Error(
        'Invalid duration in backend.cache.defaultTtl: it must be longer than zero; leave it unset for no expiry',
      );
    }
    if (storeName !== 'memory') {
      throw new Error(
        `Unsupported cache store '${storeName}' in config at 'backend.cache.store'; supported values: ${SUPPORTED_CACHE_STORES.join(', ')}`,
      );
    }
    return new CacheManager(new MemoryCacheStore(options.memory), defaultTtl);
  }

  constructor(
    private readonly store: CacheStore,
    private readonly defaultTtl?: number,
  ) {}

  forPlugin(pluginId: string): CacheService {
    return new DefaultCacheService(this.store, pluginId, this.defaultTtl);
  }
}
