import type {
  ExternalRouteRef,
  FrontendPlugin,
  RouteParams,
  TargetRouteRef,
} from '@greenroom/frontend-plugin-api';

/** Every route and external route of the installed plugins, by `<pluginId>.<name>` and by ref. */
export interface PluginRoutes {
  targets: Map<string, TargetRouteRef<RouteParams>>;
  targetKeys: Map<TargetRouteRef<RouteParams>, string>;
  externals: Map<string, ExternalRouteRef<RouteParams, boolean>>;
  externalKeys: Map<ExternalRouteRef<RouteParams, boolean>, string>;
  pluginIds: Set<string>;
  problems: string[];
}

export function collectPluginRoutes(plugins: readonly FrontendPlugin[]): PluginRoutes {
  const collected: PluginRoutes = {
    targets: new Map(),
    targetKeys: new Map(),
    externals: new Map(),
    externalKeys: new Map(),
    pluginIds: new Set(),
    problems: [],
  };
  for (const plugin of plugins) {
    if (collected.pluginIds.has(plugin.id)) {
      collected.problems.push(`Plugin id '${plugin.id}' is installed twice`);
      continue;
    }
    collected.pluginIds.add(plugin.id);
    for (const [name, ref] of Object.entries(plugin.routes)) {
      const key = `${plugin.id}.${name}`;
      const earlier = collected.targetKeys.get(ref);
      if (earlier) {
        collected.problems.push(
          `Unexpected duplicate route: '${key}' is the same route as '${earlier}'`,
        );
        continue;
      }
      collected.targets.set(key, ref);
      collected.targetKeys.set(ref, key);
    }
    for (const [name, ref] of Object.entries(plugin.externalRoutes)) {
      const key = `${plugin.id}.${name}`;
      const earlier = collected.externalKeys.get(ref);
      if (earlier) {
        collected.problems.push(
          `Unexpected duplicate external route: '${key}' is the same route as '${earlier}'`,
        );
        continue;
      }
      collected.externals.set(key, ref);
      collected.externalKeys.set(ref, key);
    }
  }
  return collected;
}
