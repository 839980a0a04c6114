import type {
  BackendFeature,
  BackendModuleFeature,
  BackendPluginFeature,
  ServiceFactory,
} from '@greenroom/backend-plugin-api';

/** A feature as `backend.add()` may receive it, including `import('pkg')`. */
export type FeatureInput = BackendFeature | Promise<BackendFeature | { default: BackendFeature }>;

export interface FeatureSet {
  plugins: Map<string, BackendPluginFeature>;
  /** pluginId → moduleId → module */
  modules: Map<string, Map<string, BackendModuleFeature>>;
  services: ServiceFactory[];
}

function unwrap(value: unknown): BackendFeature {
  const feature =
    typeof value === 'object' && value !== null && 'default' in value && !('$$type' in value)
      ? (value as { default: unknown }).default
      : value;
  const type = (feature as { $$type?: string } | null)?.$$type;
  if (type !== '@greenroom/BackendFeature' && type !== '@greenroom/ServiceFactory') {
    throw new Error(
      'backend.add() received something that is not a backend plugin, module or service factory',
    );
  }
  return feature as BackendFeature;
}

/** Sorts features by kind and rejects duplicates with the message that names them. */
export async function collectFeatures(inputs: FeatureInput[]): Promise<FeatureSet> {
  const set: FeatureSet = { plugins: new Map(), modules: new Map(), services: [] };
  const serviceIds = new Set<string>();
  for (const feature of (await Promise.all(inputs)).map(unwrap)) {
    if (feature.$$type === '@greenroom/ServiceFactory') {
      if (serviceIds.has(feature.service.id)) {
        throw new Error(`Duplicate service implementations provided for ${feature.service.id}`);
      }
      serviceIds.add(feature.service.id);
      set.services.push(feature);
    } else if (feature.featureType === 'plugin') {
      if (set.plugins.has(feature.pluginId)) {
        throw new Error(`Plugin '${feature.pluginId}' is already registered`);
      }
      set.plugins.set(feature.pluginId, feature);
    } else {
      let modules = set.modules.get(feature.pluginId);
      if (!modules) set.modules.set(feature.pluginId, (modules = new Map()));
      if (modules.has(feature.moduleId)) {
        throw new Error(
          `Module '${feature.moduleId}' for plugin '${feature.pluginId}' is already registered`,
        );
      }
      modules.set(feature.moduleId, feature);
    }
  }
  return set;
}
