import {
  filterConfigByVisibility,
  findRootDir,
  loadConfig,
  loadConfigSchema,
} from '@greenroom/config';
import type { AppConfig } from '@greenroom/config';
import { relative } from 'node:path';

/**
 * The frontend-visible part of the app config, as the backend injects it: the default config
 * files plus `APP_CONFIG_*`, merged, then only the keys the schemas mark `visibility: frontend`.
 */
export async function loadFrontendConfig(options: {
  cwd: string;
  env?: Readonly<Record<string, string | undefined>>;
}): Promise<AppConfig[]> {
  const env = options.env ?? process.env;
  const rootDir = findRootDir(options.cwd);
  // `yarn start --config x.yaml` hands the backend's config flags to the dev server this way
  // (as absolute paths), so both read the same files.
  const argv = JSON.parse(env.GREENROOM_CONFIG_ARGS || '[]') as string[];
  const loaded = await loadConfig({ cwd: options.cwd, rootDir, env, argv });
  const schema = await loadConfigSchema(rootDir);
  // Merged before filtering, so a `null` in a later file unsets the key here too.
  const data = filterConfigByVisibility(loaded.config.get(), schema, 'frontend');
  const files = loaded.files.map(file => relative(rootDir, file)).join(', ');
  return [{ context: files || 'app-config', data }];
}
