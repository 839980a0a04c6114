import type { JsonObject, JsonValue } from '../types';

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key path as people read it in messages: `backend.cors.origin[1]`. */
export function formatKeyPath(segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/** The value at a path of object keys and array indexes, or undefined when any step is missing. */
export function valueAtPath(
  root: JsonValue | undefined,
  segments: ReadonlyArray<string | number>,
): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(value)) return undefined;
      value = value[segment];
    } else {
      if (!isJsonObject(value) || !Object.prototype.hasOwnProperty.call(value, segment))
        return undefined;
      value = value[segment];
    }
  }
  return value;
}

/** Sets an own enumerable key; unlike `target[key] = value`, a `__proto__` key stays a plain key. */
export function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
