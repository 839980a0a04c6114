import type { ConfigVisibility, JsonObject, JsonValue } from '../types';
import { ConfigLoadError } from '../loader/ConfigLoadError';
import { isJsonObject, setOwn } from '../util/json';
import { createAjv } from './createAjv';
import { declaredVisibilities } from './declaredVisibilities';
import type { ConfigSchema, ConfigSchemaPackage } from './types';

export const MERGED_SCHEMA_TITLE = 'Application Configuration Schema';

// Values of these keywords are data, not schemas: a `$ref` inside them is not a reference.
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);
// Values of these keywords map names (which may be `default` or `$ref`) to schemas.
const SCHEMA_MAP_KEYWORDS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependencies',
]);

/** Re-points local `$ref`s (`#/definitions/x`) at the schema's place inside the merged `allOf`. */
function rebaseRefs(node: JsonValue, base: string): JsonValue {
  if (Array.isArray(node)) return node.map(item => rebaseRefs(item, base));
  if (!isJsonObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) {
      setOwn(out, key, `${base}${value.slice(1)}`);
    } else if (DATA_KEYWORDS.has(key)) {
      setOwn(out, key, value);
    } else if (SCHEMA_MAP_KEYWORDS.has(key) && isJsonObject(value)) {
      const map: JsonObject = {};
      for (const [name, schema] of Object.entries(value))
        setOwn(map, name, rebaseRefs(schema, base));
      setOwn(out, key, map);
    } else {
      setOwn(out, key, rebaseRefs(value, base));
    }
  }
  return out;
}

function checkCompiles({ packageName, source, schema }: ConfigSchemaPackage) {
  try {
    createAjv().compile(schema);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
    throw new ConfigLoadError(
      `${source}: invalid config schema of ${packageName}: ${reason}`,
      source,
    );
  }
}

/** Two packages may not declare the same path `frontend` in one and `secret` in the other. */
function checkVisibilityConflicts(packages: readonly ConfigSchemaPackage[]) {
  const seen = new Map<string, { visibility: ConfigVisibility; packageName: string }>();
  for (const { packageName, schema } of packages) {
    for (const { path, visibility } of declaredVisibilities(schema)) {
      if (visibility === 'backend') continue;
      const key = path.join('.');
      const earlier = seen.get(key);
      if (earlier && earlier.visibility !== visibility) {
        throw new ConfigLoadError(
          `Config schema conflict at '${key}': ${earlier.packageName} declares visibility '${earlier.visibility}' but ${packageName} declares '${visibility}'`,
        );
      }
      if (!earlier) seen.set(key, { visibility, packageName });
    }
  }
}

/**
 * Merges the packages' schemas into one JSON Schema (an `allOf`), titled
 * `Application Configuration Schema`, usable by Ajv and by editors. Throws
 * {@link ConfigLoadError} when a schema is invalid or visibilities conflict.
 */
export function mergeConfigSchemas(packages: readonly ConfigSchemaPackage[]): ConfigSchema {
  packages.forEach(checkCompiles);
  checkVisibilityConflicts(packages);
  const allOf = packages.map(({ packageName, schema }, index) => {
    const { $schema: _draft, $id: _id, ...rest } = schema;
    return {
      $comment: `from ${packageName}`,
      ...(rebaseRefs(rest, `#/allOf/${index}`) as JsonObject),
    };
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: MERGED_SCHEMA_TITLE,
    type: 'object',
    allOf,
  };
}
