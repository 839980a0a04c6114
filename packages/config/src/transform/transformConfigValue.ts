import type { JsonObject, JsonValue } from '../types';
import { ConfigLoadError } from '../loader/ConfigLoadError';
import { formatKeyPath, isJsonObject, setOwn } from '../util/json';
import { resolveDirective } from './directives';
import type { KeySegments } from './directives';
import { substituteString } from './substitute';
import type { TransformContext } from './TransformContext';

/**
 * Resolves a parsed config value: `${VAR}` substitution in every string and `$env` / `$file` /
 * `$include` directives, recursively. `segments` is the key path of `value`, used in messages.
 */
export async function transformConfigValue(
  value: JsonValue,
  segments: KeySegments,
  context: TransformContext,
): Promise<JsonValue> {
  if (typeof value === 'string') {
    return substituteString(value, {
      env: context.env,
      lax: context.lax,
      file: context.displayPath(context.file),
      key: formatKeyPath(segments),
    });
  }
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const [index, item] of value.entries()) {
      items.push(await transformConfigValue(item, [...segments, index], context));
    }
    return items;
  }
  if (!isJsonObject(value)) return value;

  const keys = Object.keys(value);
  const directive = keys.find(key => key.startsWith('$'));
  if (directive) {
    if (keys.length !== 1) {
      throw ConfigLoadError.at(
        context.displayPath(context.file),
        formatKeyPath(segments) || undefined,
        `'${directive}' must be the only key of its object (found adjacent keys)`,
      );
    }
    return resolveDirective(directive, value[directive], segments, context, transformConfigValue);
  }

  const result: JsonObject = {};
  for (const key of keys) {
    setOwn(result, key, await transformConfigValue(value[key], [...segments, key], context));
  }
  return result;
}
