import { stringifyEntityRef, type Entity } from '@greenroom/catalog-model';
import type { CatalogProcessorCache, JsonValue } from '@greenroom/plugin-catalog-node';

/** The ref a parsed document names, or undefined when it is not an entity at all. */
export function refOf(value: unknown): string | undefined {
  const e = value as Entity | null;
  if (typeof e?.kind !== 'string' || typeof e?.metadata?.name !== 'string') return undefined;
  const ns = e.metadata.namespace;
  return stringifyEntityRef({
    kind: e.kind,
    namespace: typeof ns === 'string' && ns ? ns : undefined,
    name: e.metadata.name,
  });
}

/** A Location entity's `spec.type` and its `spec.target` and `spec.targets`. */
export function locationTargets(entity: Entity): { type?: string; targets: string[] } {
  const spec = entity.spec ?? {};
  const targets = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])].filter(
    (t): t is string => typeof t === 'string' && t.length > 0,
  );
  return { type: typeof spec.type === 'string' ? spec.type : undefined, targets };
}

/** One processor's view of an entity's cache (kept in `refresh_state.cache`). */
export function cacheFor(store: Record<string, unknown>, name: string): CatalogProcessorCache {
  return {
    async get<T extends JsonValue>(key: string) {
      return (store[name] as Record<string, T> | undefined)?.[key];
    },
    async set<T extends JsonValue>(key: string, value: T) {
      store[name] = { ...(store[name] as object | undefined), [key]: value };
    },
  };
}
