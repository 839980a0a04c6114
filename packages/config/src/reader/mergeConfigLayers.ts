import type { AppConfig, JsonObject } from '../types';
import { isJsonObject, setOwn } from '../util/json';

/**
 * Merges layers in order and records which layer set each key path: later layers win, objects
 * deep-merge, arrays and primitives replace, and `null` unsets the key so earlier layers do not
 * show through.
 */
export function mergeLayersWithContexts(layers: readonly AppConfig[]): {
  data: JsonObject;
  contexts: Map<string, string>;
} {
  const data: JsonObject = {};
  const contexts = new Map<string, string>();
  const apply = (target: JsonObject, source: JsonObject, path: string, context: string) => {
    for (const [key, value] of Object.entries(source)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (value === null) {
        delete target[key];
        contexts.set(keyPath, context);
      } else if (isJsonObject(value)) {
        const existing = Object.prototype.hasOwnProperty.call(target, key)
          ? target[key]
          : undefined;
        const next: JsonObject = isJsonObject(existing) ? existing : {};
        setOwn(target, key, next);
        apply(next, value, keyPath, context);
      } else {
        setOwn(target, key, structuredClone(value));
        contexts.set(keyPath, context);
      }
    }
  };
  for (const layer of layers) apply(data, layer.data, '', layer.context);
  return { data, contexts };
}

/** The merged data of config layers (see {@link mergeLayersWithContexts} for the rules). */
export function mergeConfigLayers(layers: readonly AppConfig[]): JsonObject {
  return mergeLayersWithContexts(layers).data;
}
