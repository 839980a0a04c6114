import type { CacheStore } from './CacheStore';

export interface MemoryCacheStoreOptions {
  /** Most entries kept; the least recently used go first. Default 10,000. */
  maxEntries?: number;
  /** Most characters (keys plus values) kept, a proxy for memory. Default 64 Mi. */
  maxSize?: number;
  /** Milliseconds since the epoch; injectable so tests can move time without sleeping. */
  now?: () => number;
}

interface Entry {
  value: string;
  size: number;
  expiresAt: number;
}

// Expired entries that nobody reads again are swept at most this often, on writes.
const SWEEP_INTERVAL_MS = 60_000;

/**
 * An in-process store with a hard bound, so a plugin caching per request cannot exhaust memory.
 * A Map keeps insertion order, so re-inserting on read makes its first key the least recently used.
 */
export class MemoryCacheStore implements CacheStore {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxSize: number;
  private readonly now: () => number;
  private size = 0;
  private nextSweepAt: number;

  constructor(options: MemoryCacheStoreOptions = {}) {
    this.maxEntries = positive(options.maxEntries ?? 10_000, 'maxEntries');
    this.maxSize = positive(options.maxSize ?? 64 * 1024 * 1024, 'maxSize');
    this.now = options.now ?? Date.now;
    this.nextSweepAt = this.now() + SWEEP_INTERVAL_MS;
  }

  /** Number of entries held, expired or not; for tests and metrics. */
  get entryCount(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(key, entry);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: string, options: { ttl?: number }): Promise<void> {
    const existing = this.entries.get(key);
    if (existing) this.remove(key, existing);
    const size = key.length + value.length;
    // A value bigger than the whole cache would evict everything and still not fit.
    if (size > this.maxSize) return;
    const now = this.now();
    if (now >= this.nextSweepAt) this.sweepExpired(now);
    const expiresAt = options.ttl === undefined ? Infinity : now + options.ttl;
    this.entries.set(key, { value, size, expiresAt });
    this.size += size;
    this.evictOverflow();
  }

  async delete(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (entry) this.remove(key, entry);
  }

  private evictOverflow(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.size <= this.maxSize) return;
      this.remove(key, entry);
    }
  }

  private sweepExpired(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.remove(key, entry);
    }
    this.nextSweepAt = now + SWEEP_INTERVAL_MS;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.size -= entry.size;
  }
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new TypeError(`MemoryCacheStore option '${name}' must be a positive integer`);
  }
  return value;
}
