import { createApiFactory, routeResolutionApiRef } from '@greenroom/frontend-plugin-api';
import type { NavItemExtension, PageExtension } from '@greenroom/frontend-plugin-api';
import type { i18n as I18n } from 'i18next';
import { ApiRegistry } from '../apis/ApiRegistry';
import type { UrlDiscoveryApi } from '../apis/UrlDiscoveryApi';
import type { AuthSessionManager } from '../auth/AuthSessionManager';
import type { AppMode } from '../auth/appCookie';
import { homePlugin } from '../pages/home/homePlugin';
import { userSettingsPlugin } from '../pages/settings/userSettingsPlugin';
import { RouteBindingError } from '../routing/RouteBindingError';
import { RouteResolver } from '../routing/RouteResolver';
import { collectMountedPaths } from '../routing/collectMountedPaths';
import { resolveRouteBindings } from '../routing/resolveRouteBindings';
import type { RouteBindings } from '../routing/resolveRouteBindings';
import type { CreateAppOptions } from './CreateAppOptions';
import { bootstrapCore } from './bootstrapCore';

/** Everything the app renders from, built once before the first render. */
export interface AppSetup {
  apis: ApiRegistry;
  i18n: I18n;
  sessions: AuthSessionManager;
  discovery: UrlDiscoveryApi;
  /** `protected` when served behind the app's cookie (the build has a public bundle). */
  appMode: AppMode;
  pages: PageExtension[];
  navItems: NavItemExtension[];
  basename: string;
  /** Why the app cannot start; empty when it can. */
  problems: string[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function bootstrapApp(options: CreateAppOptions): AppSetup {
  const core = bootstrapCore({
    themes: options.themes,
    translations: options.translations ?? options.__experimentalTranslations,
    configLoader: options.configLoader,
  });
  const { config, problems } = core;

  const plugins = [homePlugin, ...(options.plugins ?? []), userSettingsPlugin];
  let bindings: RouteBindings = new Map();
  try {
    bindings = resolveRouteBindings({
      plugins,
      bindRoutes: options.bindRoutes,
      config: config.getOptional('app.routes.bindings'),
    });
  } catch (error) {
    if (error instanceof RouteBindingError) problems.push(...error.problems);
    else problems.push(messageOf(error));
  }
  const mounted = collectMountedPaths(plugins);
  problems.push(...mounted.problems);

  const apis = new ApiRegistry([
    ...core.apis,
    createApiFactory(routeResolutionApiRef, new RouteResolver(mounted.paths, bindings)),
    ...plugins.flatMap(plugin => plugin.apis),
    ...(options.apis ?? []),
  ]);
  problems.push(...apis.validate());

  return {
    apis,
    i18n: core.i18n,
    sessions: core.sessions,
    discovery: core.discovery,
    appMode: core.appMode,
    pages: plugins.flatMap(plugin => plugin.pages),
    navItems: plugins.flatMap(plugin => plugin.navItems),
    basename: core.appBaseUrl.pathname.replace(/\/+$/, ''),
    problems,
  };
}
