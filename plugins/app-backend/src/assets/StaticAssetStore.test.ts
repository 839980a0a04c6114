import { TestDatabases } from '@greenroom/backend-test-utils';
import { describe, expect, it } from 'vitest';
import { migrateAppDatabase } from './migrations';
import { StaticAssetStore } from './StaticAssetStore';

const databases = TestDatabases.create();
const DAY = 24 * 60 * 60 * 1000;

describe.each(databases.eachSupportedId())('StaticAssetStore on %s', databaseId => {
  async function store() {
    const knex = await databases.init(databaseId);
    await migrateAppDatabase(knex);
    await migrateAppDatabase(knex); // a second start finds it done
    return { knex, store: new StaticAssetStore(knex) };
  }

  it('keeps files per namespace, byte for byte', async () => {
    const { store: assets } = await store();
    const binary = Buffer.from([0, 255, 1, 254, 10, 13]);
    await assets.storeAssets('default', [
      { path: 'assets/a-1.js', content: Buffer.from('a') },
      { path: 'assets/font-2.woff2', content: binary },
    ]);
    await assets.storeAssets('public', [{ path: 'assets/a-1.js', content: Buffer.from('pub') }]);
    expect((await assets.getAsset('default', 'assets/font-2.woff2'))?.content).toEqual(binary);
    expect((await assets.getAsset('default', 'assets/a-1.js'))?.content.toString()).toBe('a');
    expect((await assets.getAsset('public', 'assets/a-1.js'))?.content.toString()).toBe('pub');
    expect(await assets.getAsset('public', 'assets/font-2.woff2')).toBeUndefined();
    expect(await assets.getAsset('default', '../etc/passwd')).toBeUndefined();
  });

  it('bumps files seen again and deletes the ones unseen for longer than the max age', async () => {
    const { store: assets } = await store();
    const start = Date.UTC(2026, 0, 1);
    await assets.storeAssets(
      'default',
      [
        { path: 'assets/old-1.js', content: Buffer.from('old') },
        { path: 'assets/kept-2.js', content: Buffer.from('kept') },
      ],
      start,
    );
    // Eight days later a build still contains kept-2.js (same hash, same bytes) but not old-1.js.
    const later = start + 8 * DAY;
    await assets.storeAssets(
      'default',
      [
        { path: 'assets/kept-2.js', content: Buffer.from('kept') },
        { path: 'assets/new-3.js', content: Buffer.from('new') },
      ],
      later,
    );
    expect(await assets.deleteOlderThan(7 * DAY, later)).toBe(1);
    expect(await assets.getAsset('default', 'assets/old-1.js')).toBeUndefined();
    expect((await assets.getAsset('default', 'assets/kept-2.js'))?.content.toString()).toBe('kept');
    expect((await assets.getAsset('default', 'assets/new-3.js'))?.content.toString()).toBe('new');
    expect(await assets.deleteOlderThan(7 * DAY, later)).toBe(0);
  });

  it('stores a large build in batches, and tolerates two instances storing it at once', async () => {
    const { store: assets } = await store();
    const files = Array.from({ length: 450 }, (_, i) => ({
      path: `assets/chunk-${i}.js`,
      content: Buffer.from(`chunk ${i}`),
    }));
    await Promise.all([assets.storeAssets('default', files), assets.storeAssets('default', files)]);
    expect((await assets.getAsset('default', 'assets/chunk-449.js'))?.content.toString()).toBe(
      'chunk 449',
    );
    expect(await assets.deleteOlderThan(0, Date.now() + 1)).toBe(450);
  });
  it('reads a file only when it is not stored yet', async () => {
    const { store: assets } = await store();
    const loaded: string[] = [];
    const source = (path: string) => ({
      path,
      load: async () => {
        loaded.push(path);
        return Buffer.from(path);
      },
    });
    await assets.storeAssets('default', [source('assets/a.js')]);
    await assets.storeAssets('default', [source('assets/a.js'), source('assets/b.js')]);
    expect(loaded).toEqual(['assets/a.js', 'assets/b.js']);
  });
});
