import type { Knex } from 'knex';

/** Which bundle a cached file belongs to; only `public` files are served without the cookie. */
export type AssetNamespace = 'default' | 'public';

export interface StaticAsset {
  /** Relative to the bundle directory, `/`-separated: `assets/index-abc123.js`. */
  path: string;
  content: Buffer;
}

/** A file to store; its content is read only if the store does not have it yet. */
export interface StoredAssetSource {
  path: string;
  load(): Promise<Buffer>;
}

const TABLE = 'static_assets_cache';
// Rows per insert: SQLite allows 999 bound variables per statement (4 per row).
const BATCH = 200;

/**
 * Every hashed file of every deployed build, kept for a while in the app plugin's database, so
 * a tab opened on an older deployment can still lazy-load its chunks after a deploy.
 */
export class StaticAssetStore {
  constructor(private readonly knex: Knex) {}

  /**
   * Stores the current build's files: new paths are inserted, paths already present only get
   * their timestamp bumped (a file name carries its content hash, so the content is the same).
   */
  async storeAssets(
    namespace: AssetNamespace,
    assets: ReadonlyArray<StaticAsset | StoredAssetSource>,
    now = Date.now(),
  ) {
    const paths = assets.map(asset => asset.path);
    const existing = new Set<string>();
    for (let i = 0; i < paths.length; i += BATCH) {
      const rows = await this.knex(TABLE)
        .where({ namespace })
        .whereIn('path', paths.slice(i, i + BATCH))
        .select<Array<{ path: string }>>('path');
      rows.forEach(row => existing.add(row.path));
    }
    const fresh = assets.filter(asset => !existing.has(asset.path));
    for (let i = 0; i < fresh.length; i += BATCH) {
      const rows = await Promise.all(
        fresh.slice(i, i + BATCH).map(async asset => ({
          namespace,
          path: asset.path,
          content: 'content' in asset ? asset.content : await asset.load(),
          last_modified_at: now,
        })),
      );
      // Another instance may be storing the same build right now.
      await this.knex(TABLE).insert(rows).onConflict(['namespace', 'path']).ignore();
    }
    const known = [...existing];
    for (let i = 0; i < known.length; i += BATCH) {
      await this.knex(TABLE)
        .where({ namespace })
        .whereIn('path', known.slice(i, i + BATCH))
        .update({ last_modified_at: now });
    }
  }

  async getAsset(namespace: AssetNamespace, path: string): Promise<StaticAsset | undefined> {
    const row = await this.knex(TABLE)
      .where({ namespace, path })
      .first<{ path: string; content: Buffer | Uint8Array } | undefined>('path', 'content');
    return row ? { path: row.path, content: Buffer.from(row.content) } : undefined;
  }

  /** Deletes files no build has contained for `maxAgeMs`; returns how many. */
  async deleteOlderThan(maxAgeMs: number, now = Date.now()): Promise<number> {
    return this.knex(TABLE)
      .where('last_modified_at', '<', now - maxAgeMs)
      .delete();
  }
}
