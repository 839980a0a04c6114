import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredAssetSource } from './StaticAssetStore';

/** The folder Vite writes hashed files to; only these are worth keeping across deploys. */
export const HASHED_ASSETS_DIR = 'assets';

async function walk(dir: string, prefix: string, into: StoredAssetSource[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = `${prefix}/${entry.name}`;
    const file = join(dir, entry.name);
    if (entry.isDirectory()) await walk(file, path, into);
    else if (entry.isFile()) into.push({ path, load: () => readFile(file) });
  }
}

/**
 * Every file under `<bundleDir>/assets` (recursively), by bundle-relative path. Contents are
 * read only when asked: on most starts the files are already stored.
 */
export async function readBundleAssets(bundleDir: string): Promise<StoredAssetSource[]> {
  const assets: StoredAssetSource[] = [];
  try {
    await walk(join(bundleDir, HASHED_ASSETS_DIR), HASHED_ASSETS_DIR, assets);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return assets;
}
