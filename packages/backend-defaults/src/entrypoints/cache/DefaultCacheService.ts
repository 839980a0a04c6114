import type {
  CacheService,
  CacheServiceOptions,
  CacheServiceSetOptions,
} from '@greenroom/backend-plugin-api';
import { InputError } from '@greenroom/errors';
import type { CacheStore } from './CacheStore';

/**
 * One plugin's view of the shared store: every key is prefixed with the plugin id, and values
 * travel as JSON so callers always get a copy and a remote store behaves the same as memory.
 */
export class DefaultCacheService implements CacheService {
  constructor(
    private readonly store: CacheStore,
    private readonly namespace: string,
    private readonly defaultTtl: number | undefined,
  ) {}

  async get<T = unknown>(key: string): Promise<T | undefined> {
    const stored = await this.store.get(this.storeKey(key));
    return stored === undefined ? undefined : (JSON.parse(stored) as T);
  }

  async set(key: string, value: unknown, options: CacheServiceSetOptions = {}): Promise<void> {
    const storeKey = this.storeKey(key);
    const ttl = options.ttl === undefined ? this.defaultTtl : checkTtl(options.ttl, 'ttl');
    await this.store.set(storeKey, serialize(key, value), { ttl });
  }

  async delete(key: string): Promise<void> {
    await this.store.delete(this.storeKey(key));
  }

  withOptions(options: CacheServiceOptions): CacheService {
    const defaultTtl =
      options.defaultTtl === undefined
        ? this.defaultTtl
        : checkTtl(options.defaultTtl, 'defaultTtl');
    return new DefaultCacheService(this.store, this.namespace, defaultTtl);
  }

  private storeKey(key: string): string {
    if (typeof key !== 'string' || key === '') {
      throw new InputError('Cache keys must be non-empty strings');
    }
    return `${this.namespace}:${key}`;
  }
}

/** Throws InputError unless `ttl` is a positive, finite number of milliseconds. */
export function checkTtl(ttl: number, name: string): number {
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0) {
    throw new InputError(`Cache option '${name}' must be a positive number of milliseconds`);
  }
  return ttl;
}

function serialize(key: string, value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    // The message names the failing structure (cycle, BigInt), never the value itself.
    throw new InputError(
      `Cache value for key '${key}' is not JSON-serializable: ${(error as Error).message}`,
    );
  }
  if (json === undefined) {
    throw new InputError(
      `Cache value for key '${key}' is not JSON-serializable: got ${value === undefined ? 'undefined' : typeof value}`,
    );
  }
  return json;
}
