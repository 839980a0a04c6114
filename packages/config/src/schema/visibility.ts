import type { ConfigVisibility, JsonObject, JsonValue } from '../types';
import { isJsonObject, setOwn } from '../util/json';
import { compileSchema } from './compileSchema';
import type { ConfigSchema } from './types';

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Keeps only the values whose visibility is one of `visibility`. Visibility belongs to the
 * annotated value only (default `backend`): an object marked `frontend` whose children are not
 * arrives as `{}`. Array items follow `items`; a primitive item without its own visibility takes
 * the array's.
 */
export function filterConfigByVisibility(
  data: JsonObject,
  schema: ConfigSchema,
  visibility: ConfigVisibility | readonly ConfigVisibility[],
): JsonObject {
  const wanted = new Set<ConfigVisibility>(
    typeof visibility === 'string' ? [visibility] : visibility,
  );
  const visibilities = compileSchema(schema).visibilities(data);
  const isWanted = (path: string) => wanted.has(visibilities.get(path) ?? 'backend');

  const filter = (value: JsonValue, path: string, visible: boolean): JsonValue | undefined => {
    if (Array.isArray(value)) {
      const items: JsonValue[] = [];
      value.forEach((item, index) => {
        const itemPath = `${path}/${index}`;
        const inherits = !isJsonObject(item) && !Array.isArray(item) && !visibilities.has(itemPath);
        const kept = filter(item, itemPath, inherits ? visible : isWanted(itemPath));
        if (kept !== undefined) items.push(kept);
      });
      return visible || items.length > 0 ? items : undefined;
    }
    if (isJsonObject(value)) {
      const out: JsonObject = {};
      for (const [key, child] of Object.entries(value)) {
        const childPath = `${path}/${escapePointer(key)}`;
        const kept = filter(child, childPath, isWanted(childPath));
        if (kept !== undefined) setOwn(out, key, kept);
      }
      return visible || Object.keys(out).length > 0 ? out : undefined;
    }
    return visible ? value : undefined;
  };

  return (filter(data, '', false) as JsonObject | undefined) ?? {};
}

/**
 * Every string value at or below a path the schema marks `secret`, so log output can redact them.
 * Unique, longest first (so a secret containing another is redacted whole).
 */
export function collectSecretValues(data: JsonObject, schema: ConfigSchema): string[] {
  const visibilities = compileSchema(schema).visibilities(data);
  const secrets = new Set<string>();
  const collect = (value: JsonValue, path: string, inSecret: boolean) => {
    const secret = inSecret || visibilities.get(path) === 'secret';
    if (typeof value === 'string') {
      if (secret && value !== '') secrets.add(value);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => collect(item, `${path}/${index}`, secret));
    } else if (isJsonObject(value)) {
      for (const [key, child] of Object.entries(value))
        collect(child, `${path}/${escapePointer(key)}`, secret);
    }
  };
  collect(data, '', false);
  return [...secrets].sort((a, b) => b.length - a.length);
}
