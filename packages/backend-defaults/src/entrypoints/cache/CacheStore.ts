/**
 * Where cache entries live. Keys arrive already namespaced and values already serialized, so a
 * store only moves strings around: a Redis or Valkey store is this interface over a client.
 */
export interface CacheStore {
  get(key: string): Promise<string | undefined>;
  /** `ttl` is in milliseconds; undefined means the entry lives until evicted. */
  set(key: string, value: string, options: { ttl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
}
