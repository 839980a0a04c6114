import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import {
  ConfigLoadError,
  collectSecretValues,
  loadConfig,
  loadConfigSchema,
  mergeConfigLayers,
  validateConfig,
  type LoadConfigOptions,
} from '@greenroom/config';
import { setConfigSecrets } from './configSecrets';

export type RootConfigFactoryOptions = Pick<LoadConfigOptions, 'argv' | 'env' | 'cwd' | 'rootDir'>;

/**
 * Loads app-config (files from `--config` or the defaults, `${VAR}`, directives, APP_CONFIG_*),
 * validates it against the schemas the workspace packages declare, and refuses to start with
 * one line per problem.
 */
export function createRootConfigServiceFactory(options: RootConfigFactoryOptions = {}) {
  return createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    async factory() {
      const loaded = await loadConfig({ argv: process.argv.slice(2), ...options });
      const schema = await loadConfigSchema(loaded.rootDir);
      const problems = validateConfig(loaded.layers, schema);
      if (problems.length > 0) {
        throw new ConfigLoadError(
          `Invalid configuration:\n${problems.map(problem => `  ${problem.text}`).join('\n')}`,
        );
      }
      setConfigSecrets(
        loaded.config,
        collectSecretValues(mergeConfigLayers(loaded.layers), schema),
      );
      return loaded.config;
    },
  });
}

export const rootConfigServiceFactory = createRootConfigServiceFactory();
