export type * from './types';
export { ConfigReader } from './reader/ConfigReader';
export { mergeConfigLayers } from './reader/mergeConfigLayers';

export { loadConfig } from './loader/loadConfig';
export type { LoadConfigOptions, LoadedConfig } from './loader/loadConfig';
export { findRootDir } from './loader/findRootDir';
export { parseConfigFlags } from './loader/parseConfigFlags';
export { ConfigLoadError } from './loader/ConfigLoadError';
export { readEnvOverrides } from './env/readEnvOverrides';
export { LAX_PLACEHOLDER } from './transform/substitute';

export { collectConfigSchemas } from './schema/collectConfigSchemas';
export { mergeConfigSchemas, MERGED_SCHEMA_TITLE } from './schema/mergeConfigSchemas';
export { loadConfigSchema } from './schema/loadConfigSchema';
export { validateConfig } from './schema/validateConfig';
export { filterConfigByVisibility, collectSecretValues } from './schema/visibility';
export type { ConfigProblem, ConfigSchema, ConfigSchemaPackage } from './schema/types';
export {
  CONFIG_SCRIPT_TYPE,
  renderConfigScript,
  serializeConfigLayers,
} from './inject/configScript';
export { durationToMs, msToIso, readDurationMs } from './duration';
