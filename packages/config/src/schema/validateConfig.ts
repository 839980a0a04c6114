import type { AppConfig, JsonValue } from '../types';
import { mergeConfigLayers } from '../reader/mergeConfigLayers';
import { formatKeyPath, isJsonObject, valueAtPath } from '../util/json';
import { compileSchema } from './compileSchema';
import { summarizeSchemaErrors } from './describeSchemaErrors';
import type { ConfigProblem, ConfigSchema } from './types';

/** JSON pointer to key segments; a segment is an index where the data holds an array. */
export function pointerToSegments(pointer: string, data: JsonValue): Array<string | number> {
  const segments: Array<string | number> = [];
  let node: JsonValue | undefined = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(node) ? Number(key) : key;
    segments.push(segment);
    node = valueAtPath(node, [segment]);
  }
  return segments;
}

/**
 * Where a missing key should have been: the first layer that has its parent object (usually the
 * base app-config.yaml rather than an override that happens to touch the same object).
 */
function contextOfMissing(
  layers: readonly AppConfig[],
  parent: ReadonlyArray<string | number>,
): string {
  const layer = layers.find(candidate => isJsonObject(valueAtPath(candidate.data, parent)));
  return (layer ?? layers[0])?.context ?? 'config';
}

/** The last layer that sets a value at the path (or, failing that, at its nearest parent). */
function contextOf(layers: readonly AppConfig[], segments: ReadonlyArray<string | number>): string {
  for (let length = segments.length; length >= 0; length--) {
    const prefix = segments.slice(0, length);
    for (let index = layers.length - 1; index >= 0; index--) {
      const value = valueAtPath(layers[index].data, prefix);
      if (value !== undefined && value !== null) return layers[index].context;
    }
  }
  return layers.at(-1)?.context ?? 'config';
}

/**
 * Validates merged config layers against a schema. Returns one problem per mismatch, each naming
 * the layer that set the key, the key path and what was expected, never the value. Keys the
 * schema does not know are allowed.
 */
export function validateConfig(
  layers: readonly AppConfig[],
  schema: ConfigSchema,
): ConfigProblem[] {
  const data = mergeConfigLayers(layers);
  const { validate } = compileSchema(schema);
  if (validate(data)) return [];

  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const summary of summarizeSchemaErrors(validate.errors ?? [], schema)) {
    const parent = pointerToSegments(summary.instancePath, data);
    const segments = summary.childKey === undefined ? parent : [...parent, summary.childKey];
    const context =
      summary.childKey === undefined ? contextOf(layers, parent) : contextOfMissing(layers, parent);
    const key = formatKeyPath(segments) || '(root)';
    const text = `${context}: ${key}: ${summary.message}`;
    if (seen.has(text)) continue;
    seen.add(text);
    problems.push({ context, key, path: segments, message: summary.message, text });
  }
  return problems;
}
