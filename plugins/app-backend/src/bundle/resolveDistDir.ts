import type { Config } from '@greenroom/config';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The workspace package whose `dist` directory is served unless `app.distDir` says otherwise. */
export const APP_PACKAGE_NAME = '@greenroom/app';

/**
 * Where the built app lives: `app.distDir` (relative to the process cwd), else `dist` beside
 * the app package's package.json. Undefined when neither is available (the app package is not
 * installed, e.g. a backend-only deployment).
 */
export function resolveDistDir(config: Config, cwd: string = process.cwd()): string | undefined {
  const configured = config.getOptionalString('app.distDir');
  if (configured !== undefined) return resolve(cwd, configured);
  try {
    const manifest = createRequire(import.meta.url).resolve(`${APP_PACKAGE_NAME}/package.json`);
    return join(dirname(manifest), 'dist');
  } catch {
    return undefined;
  }
}
