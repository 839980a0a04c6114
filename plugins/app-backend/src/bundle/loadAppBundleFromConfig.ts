import type { Config } from '@greenroom/config';
import { findRootDir } from '@greenroom/config';
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

/**
 * The full app as configured: found through `app.distDir` or the app package, with the
 * frontend config injected unless `app.disableConfigInjection` is set. Config is static, so
 * this runs once at startup.
 */
export async function loadAppBundleFromConfig(
  options: LoadAppBundleFromConfigOptions,
): Promise<{ bundle: AppBundle } | { missing: MissingAppBundle }> {
  const { config } = options;
  const dir = resolveDistDir(config);
  if (!dir) return { missing: { reason: 'the @greenroom/app package is not installed' } };

  const inject = !config.getOptionalBoolean('app.disableConfigInjection');
  return loadAppBundle({
    dir,
    transformIndexHtml: inject
      ? async html =>
          injectConfigIntoHtml(
            html,
            await readFrontendConfig(config, options.rootDir ?? findRootDir()),
          )
      : undefined,
  });
}
