import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppBundle, MissingAppBundle } from './AppBundle';

export interface LoadAppBundleOptions {
  dir: string;
  /** Rewrites index.html once at load (config injection); left as built when absent. */
  transformIndexHtml?: (html: string) => string | Promise<string>;
}

const NOT_BUILT_CODES = new Set(['ENOENT', 'ENOTDIR']);

/** Reads a bundle's index.html and prepares it; a bundle without one is reported missing. */
export async function loadAppBundle(
  options: LoadAppBundleOptions,
): Promise<{ bundle: AppBundle } | { missing: MissingAppBundle }> {
  const { dir, transformIndexHtml } = options;
  let html: string;
  try {
    html = await readFile(join(dir, 'index.html'), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return {
      missing: {
        dir,
        reason: NOT_BUILT_CODES.has(code)
          ? 'index.html not found'
          : `index.html cannot be read (${code})`,
      },
    };
  }
  const served = transformIndexHtml ? await transformIndexHtml(html) : html;
  return { bundle: { dir, indexHtml: Buffer.from(served, 'utf8') } };
}
