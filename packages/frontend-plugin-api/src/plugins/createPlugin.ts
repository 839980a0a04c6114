import type { AnyApiFactory } from '../apis/ApiFactory';
import type { ExternalRouteRef, RouteParams, TargetRouteRef } from '../routing/types';
import type { NavItemExtension } from './createNavItemExtension';
import type { PageExtension } from './createRoutableExtension';

export type AnyRoutes = { [name: string]: TargetRouteRef<RouteParams> };
export type AnyExternalRoutes = { [name: string]: ExternalRouteRef<RouteParams, boolean> };

/** A frontend plugin: what it routes to, what it links to, the APIs and pages it brings. */
export interface FrontendPlugin<
  Routes extends AnyRoutes = AnyRoutes,
  ExternalRoutes extends AnyExternalRoutes = AnyExternalRoutes,
> {
  readonly $$type: '@greenroom/FrontendPlugin';
  readonly id: string;
  /** Routes others may bind to, by name: config names them `<pluginId>.<name>`. */
  readonly routes: Routes;
  /** Routes this plugin links to, bound by the app: `<pluginId>.<name>` in config. */
  readonly externalRoutes: ExternalRoutes;
  readonly apis: readonly AnyApiFactory[];
  readonly pages: readonly PageExtension[];
  readonly navItems: readonly NavItemExtension[];
}

const PLUGIN_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ROUTE_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

function checkNames(id: string, kind: string, names: string[]) {
  for (const name of names) {
    if (!ROUTE_NAME.test(name)) {
      throw new Error(`Invalid ${kind} name '${name}' in plugin '${id}'`);
    }
  }
}

export function createPlugin<
  Routes extends AnyRoutes = Record<never, never>,
  ExternalRoutes extends AnyExternalRoutes = Record<never, never>,
>(options: {
  id: string;
  routes?: Routes;
  externalRoutes?: ExternalRoutes;
  apis?: readonly AnyApiFactory[];
  pages?: readonly PageExtension[];
  navItems?: readonly NavItemExtension[];
}): FrontendPlugin<Routes, ExternalRoutes> {
  const { id } = options;
  if (!PLUGIN_ID.test(id)) {
    throw new Error(
      `Invalid plugin id '${id}': use lowercase words joined by '-', e.g. 'catalog-import'`,
    );
  }
  const routes = (options.routes ?? {}) as Routes;
  const externalRoutes = (options.externalRoutes ?? {}) as ExternalRoutes;
  checkNames(id, 'route', Object.keys(routes));
  checkNames(id, 'external route', Object.keys(externalRoutes));
  return {
    $$type: '@greenroom/FrontendPlugin',
    id,
    routes,
    externalRoutes,
    apis: [...(options.apis ?? [])],
    pages: [...(options.pages ?? [])],
    navItems: [...(options.navItems ?? [])],
  };
}
