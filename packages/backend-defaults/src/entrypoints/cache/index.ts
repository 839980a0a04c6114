export { cacheServiceFactory } from './cacheServiceFactory';
export { CacheManager, SUPPORTED_CACHE_STORES } from './CacheManager';
export type { CacheManagerOptions } from './CacheManager';
export { MemoryCacheStore } from './MemoryCacheStore';
export type { MemoryCacheStoreOptions } from './MemoryCacheStore';
export type { CacheStore } from './CacheStore';
