// The parts of @greenroom/config that run in a browser: reading config, not loading files.
export type * from '../types';
export { ConfigReader } from './ConfigReader';
export { mergeConfigLayers } from './mergeConfigLayers';
export { CONFIG_SCRIPT_TYPE, serializeConfigLayers } from '../inject/configScript';
