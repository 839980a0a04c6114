import type {
  AnyExternalRoutes,
  ExternalRouteRef,
  FrontendPlugin,
  RouteParams,
  TargetRouteRef,
} from '@greenroom/frontend-plugin-api';
import { collectPluginRoutes } from './collectPluginRoutes';
import type { PluginRoutes } from './collectPluginRoutes';
import { RouteBindingError } from './RouteBindingError';

type Targets<ExternalRoutes extends AnyExternalRoutes> = {
  [Name in keyof ExternalRoutes]?: ExternalRoutes[Name] extends ExternalRouteRef<
    infer Params,
    boolean
  >
    ? TargetRouteRef<Params>
    : never;
};

/** Binds one plugin's external routes (`plugin.externalRoutes`) to other plugins' routes. */
export type BindRouteFunc = <ExternalRoutes extends AnyExternalRoutes>(
  externalRoutes: ExternalRoutes,
  targets: Targets<ExternalRoutes>,
) => void;

export type BindRoutes = (context: { bind: BindRouteFunc }) => void;

export type RouteBindings = Map<
  ExternalRouteRef<RouteParams, boolean>,
  TargetRouteRef<RouteParams>
>;

const CONFIG_KEY = 'app.routes.bindings';

function describeUnknown(key: string, routes: PluginRoutes, kind: 'route' | 'external route') {
  const [pluginId, ...rest] = key.split('.');
  if (rest.length === 0) return `'${key}' is not a valid ${kind}: expected '<pluginId>.<name>'`;
  if (!routes.pluginIds.has(pluginId)) {
    return `'${key}' is not a valid ${kind}: no plugin with id '${pluginId}' is installed`;
  }
  return `'${key}' is not a valid ${kind}: plugin '${pluginId}' has no ${kind} '${rest.join('.')}'`;
}

/** Params the target needs that the external route does not supply. */
function missingParams(
  external: ExternalRouteRef<RouteParams, boolean>,
  target: TargetRouteRef<RouteParams>,
) {
  return target.params.filter(param => !external.params.includes(param));
}

function bindInCode(
  bindRoutes: BindRoutes,
  routes: PluginRoutes,
  bindings: RouteBindings,
  problems: string[],
) {
  const bind: BindRouteFunc = (externalRoutes, targets) => {
    for (const [name, target] of Object.entries(targets) as [
      string,
      TargetRouteRef | undefined,
    ][]) {
      const external = (externalRoutes as AnyExternalRoutes)[name];
      const key = external ? routes.externalKeys.get(external) : undefined;
      if (!external || !key) {
        problems.push(`bindRoutes: key '${name}' is not an external route of an installed plugin`);
        continue;
      }
      if (!target) {
        if (!external.optional)
          problems.push(`bindRoutes: external route '${key}' is required but was undefined`);
        continue;
      }
      if (!routes.targetKeys.has(target)) {
        problems.push(`bindRoutes: '${key}' is bound to a route that no installed plugin provides`);
        continue;
      }
      bindings.set(external, target);
    }
  };
  bindRoutes({ bind });
}

function bindFromConfig(
  config: unknown,
  routes: PluginRoutes,
  bindings: RouteBindings,
  codeBound: ReadonlySet<ExternalRouteRef<RouteParams, boolean>>,
  unbound: Set<ExternalRouteRef<RouteParams, boolean>>,
  problems: string[],
) {
  if (config === undefined) return;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    problems.push(
      `Invalid config at ${CONFIG_KEY}: expected a map of '<pluginId>.<externalRouteName>' keys`,
    );
    return;
  }
  for (const [key, value] of Object.entries(config)) {
    const at = `${CONFIG_KEY}['${key}']`;
    const external = routes.externals.get(key);
    if (!external) {
      problems.push(`Invalid config at ${at}: ${describeUnknown(key, routes, 'external route')}`);
      continue;
    }
    if (value === false) {
      if (external.optional) {
        bindings.delete(external);
        unbound.add(external);
      } else {
        problems.push(`Invalid config at ${at}: '${key}' is required and cannot be bound to false`);
        unbound.add(external); // reported once is enough
      }
      continue;
    }
    if (typeof value !== 'string' || value === '') {
      problems.push(`Invalid config at ${at}: value must be a non-empty string or false`);
      continue;
    }
    const target = routes.targets.get(value);
    if (!target) {
      problems.push(`Invalid config at ${at}: ${describeUnknown(value, routes, 'route')}`);
      continue;
    }
    const missing = missingParams(external, target);
    if (missing.length > 0) {
      problems.push(
        `Invalid config at ${at}: '${value}' needs the params ${missing.map(p => `':${p}'`).join(', ')} that '${key}' does not provide`,
      );
      continue;
    }
    // Config fills what code left open; it never replaces a code binding.
    if (!codeBound.has(external)) bindings.set(external, target);
  }
}

/**
 * Decides where every external route of the installed plugins points. Highest priority first:
 * code (`bindRoutes`); config `app.routes.bindings` for what code left unbound (a config `false`
 * unbinds an optional route even if code bound it); then each route's `defaultTarget` when that
 * route is installed. Throws {@link RouteBindingError} listing every problem by key.
 */
export function resolveRouteBindings(options: {
  plugins: readonly FrontendPlugin[];
  bindRoutes?: BindRoutes;
  config?: unknown;
}): RouteBindings {
  const routes = collectPluginRoutes(options.plugins);
  const problems = [...routes.problems];
  const bindings: RouteBindings = new Map();

  if (options.bindRoutes) bindInCode(options.bindRoutes, routes, bindings, problems);
  const codeBound = new Set(bindings.keys());
  const unbound = new Set<ExternalRouteRef<RouteParams, boolean>>();
  bindFromConfig(options.config, routes, bindings, codeBound, unbound, problems);

  for (const [key, external] of routes.externals) {
    if (bindings.has(external) || unbound.has(external)) continue;
    const target = external.defaultTarget ? routes.targets.get(external.defaultTarget) : undefined;
    if (target && missingParams(external, target).length === 0) bindings.set(external, target);
    else if (!external.optional) {
      problems.push(
        `External route '${key}' is required but was not bound: bind it in bindRoutes or in ${CONFIG_KEY}`,
      );
    }
  }

  if (problems.length > 0) throw new RouteBindingError(problems);
  return bindings;
}
