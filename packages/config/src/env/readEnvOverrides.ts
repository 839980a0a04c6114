import type { AppConfig, JsonObject, JsonValue } from '../types';
import { ConfigLoadError } from '../loader/ConfigLoadError';
import { isJsonObject } from '../util/json';

const PREFIX = 'APP_CONFIG_';
const KEY_SEGMENT = /^[a-z][a-z0-9]*(?:[-_][a-z][a-z0-9]*)*$/i;

function parseValue(raw: string): JsonValue {
  try {
    return JSON.parse(raw) as JsonValue;
  } catch {
    return raw;
  }
}

/** Which variable set each node of the combined tree, to name both sides of a conflict. */
type Owners = Map<string, string>;

function ownerOf(owners: Owners, path: string[]): string {
  for (let length = path.length; length > 0; length--) {
    const owner = owners.get(path.slice(0, length).join('.'));
    if (owner) return owner;
  }
  return 'another APP_CONFIG_ variable';
}

function place(
  tree: JsonObject,
  owners: Owners,
  path: string[],
  value: JsonValue,
  variable: string,
) {
  let node = tree;
  for (const [index, segment] of path.entries()) {
    const sofar = path.slice(0, index + 1).join('.');
    const isLast = index === path.length - 1;
    const existing = Object.prototype.hasOwnProperty.call(node, segment)
      ? node[segment]
      : undefined;
    if (isLast) {
      if (existing !== undefined) {
        throw new ConfigLoadError(
          `${variable}: refusing to override existing config at key '${sofar}' (also set by ${ownerOf(owners, path)})`,
          variable,
          sofar,
        );
      }
      node[segment] = value;
      owners.set(sofar, variable);
      return;
    }
    if (existing === undefined) {
      node[segment] = {};
      owners.set(sofar, variable);
    } else if (!isJsonObject(existing)) {
      throw new ConfigLoadError(
        `${variable}: could not nest config for key '${path.join('.')}': '${sofar}' is already set by ${ownerOf(owners, path.slice(0, index + 1))}`,
        variable,
        path.join('.'),
      );
    }
    node = node[segment] as JsonObject;
  }
}

function nest(path: string[], value: JsonValue): JsonObject {
  return path.reduceRight<JsonValue>(
    (inner, segment) => ({ [segment]: inner }),
    value,
  ) as JsonObject;
}

/**
 * Config layers from `APP_CONFIG_<path>` variables, one per variable (so messages can name the
 * variable), sorted by name. `APP_CONFIG_app_baseUrl=...` sets `app.baseUrl`; values are parsed
 * as JSON when they are JSON and used as strings otherwise; empty values are skipped. Two
 * variables that set the same key, or a key inside a value another variable sets, are an error.
 */
export function readEnvOverrides(env: Readonly<Record<string, string | undefined>>): AppConfig[] {
  const tree: JsonObject = {};
  const owners: Owners = new Map();
  const layers: AppConfig[] = [];
  const names = Object.keys(env)
    .filter(name => name.startsWith(PREFIX))
    .sort();

  for (const variable of names) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const path = variable.slice(PREFIX.length).split('_');
    const invalid = path.find(segment => !KEY_SEGMENT.test(segment));
    if (invalid !== undefined) {
      throw new ConfigLoadError(
        `Invalid env config key '${variable}': '${invalid}' is not a valid key segment (letters, digits and '-', starting with a letter)`,
        variable,
      );
    }
    const value = parseValue(raw);
    if (value === null) {
      throw new ConfigLoadError(
        `${variable}: null is not allowed as an APP_CONFIG_ value`,
        variable,
        path.join('.'),
      );
    }
    // The combined tree only detects conflicts; it gets its own copy so the layers stay as given.
    place(tree, owners, path, structuredClone(value), variable);
    layers.push({ context: variable, data: nest(path, value) });
  }
  return layers;
}
