export interface CacheServiceSetOptions {
  /** Milliseconds; falls back to the cache's default TTL. */
  ttl?: number;
}

export interface CacheServiceOptions {
  defaultTtl?: number;
}

/** A key/value cache, namespaced per plugin. Values must be JSON-serializable. */
export interface CacheService {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, options?: CacheServiceSetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  withOptions(options: CacheServiceOptions): CacheService;
}
