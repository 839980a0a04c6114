import type { Config } from '@greenroom/config';
import { findRootDir } from '@greenroom/config';
import { join } from 'node:path';
import { injectConfigIntoHtml } from '../config/injectConfigIntoHtml';
import { readFrontendConfig } from '../config/readFrontendConfig';
import type { AppBundle, MissingAppBundle } from './AppBundle';
import { loadAppBundle } from './loadAppBundle';
import { resolveDistDir } from './resolveDistDir';

export interface LoadAppBundleFromConfigOptions {
  config: Config;
  /** The repository root whose workspace schemas decide visibility; default `findRootDir()`. */
  rootDir?: string;
}

/** The public sign-in bundle's folder inside the app's build directory. */
export const PUBLIC_BUNDLE_DIR = 'public';

/**
 * The full app as configured, found through `app.distDir` or the app package, and the public
 * sign-in bundle in its `public/` folder when the build made one; the frontend config is
 * injected into both unless `app.disableConfigInjection` is set. Config is static, so this
 * runs once at startup.
 */
export async function loadAppBundleFromConfig(
  options: LoadAppBundleFromConfigOptions,
): Promise<{ bundle: AppBundle; publicBundle?: AppBundle } | { missing: MissingAppBundle }> {
  const { config } = options;
  const dir = resolveDistDir(config);
  if (!dir) return { missing: { reason: 'the @greenroom/app package is not installed' } };

  const inject = !config.getOptionalBoolean('app.disableConfigInjection');
  let layers: Promise<Awaited<ReturnType<typeof readFrontendConfig>>> | undefined;
  const transformIndexHtml = inject
    ? async (html: string) => {
        layers ??= readFrontendConfig(config, options.rootDir ?? findRootDir());
        return injectConfigIntoHtml(html, await layers);
      }
    : undefined;
  const loaded = await loadAppBundle({ dir, transformIndexHtml });
  if ('missing' in loaded) return loaded;
  const publicLoaded = await loadAppBundle({
    dir: join(dir, PUBLIC_BUNDLE_DIR),
    transformIndexHtml,
  });
  return 'bundle' in publicLoaded
    ? { bundle: loaded.bundle, publicBundle: publicLoaded.bundle }
    : { bundle: loaded.bundle };
}
