import { collectConfigSchemas } from './collectConfigSchemas';
import { mergeConfigSchemas } from './mergeConfigSchemas';
import type { ConfigSchema } from './types';

/** The merged config schema of every workspace package under `rootDir`. */
export async function loadConfigSchema(rootDir: string): Promise<ConfigSchema> {
  return mergeConfigSchemas(await collectConfigSchemas(rootDir));
}
