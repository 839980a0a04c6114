import type { ConfigVisibility, JsonObject } from '../types';

/** A JSON Schema (draft-07 plus the `visibility` keyword) for config. */
export type ConfigSchema = JsonObject;

/** The config schema one workspace package declares through `configSchema` in its package.json. */
export interface ConfigSchemaPackage {
  packageName: string;
  /** The schema file, or the package.json when the schema is inline. */
  source: string;
  schema: ConfigSchema;
}

/** One way the config does not match the schema. Never includes the offending value. */
export interface ConfigProblem {
  /** The layer (file or `APP_CONFIG_*` variable) that set the key. */
  context: string;
  /** The key path, e.g. `backend.listen.port`. */
  key: string;
  /** The same path as segments: object keys and array indexes. */
  path: Array<string | number>;
  /** What was expected, e.g. `must be number`. */
  message: string;
  /** The whole line: `<context>: <key>: <message>`. */
  text: string;
}

export const CONFIG_VISIBILITIES: readonly ConfigVisibility[] = ['frontend', 'backend', 'secret'];
