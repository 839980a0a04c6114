import { ConfigReader } from '@greenroom/config/reader';
import type { AppConfig } from '@greenroom/config/reader';
import {
  appLanguageApiRef,
  appThemeApiRef,
  configApiRef,
  createApiFactory,
  discoveryApiRef,
  errorApiRef,
  fetchApiRef,
  identityApiRef,
  routeResolutionApiRef,
  storageApiRef,
} from '@greenroom/frontend-plugin-api';
import type { NavItemExtension, PageExtension } from '@greenroom/frontend-plugin-api';
import type { i18n as I18n } from 'i18next';
import { ApiRegistry } from '../apis/ApiRegistry';
import { AppThemeSelector } from '../apis/AppThemeSelector';
import { AuthenticatedFetchApi } from '../apis/AuthenticatedFetchApi';
import { ErrorApiForwarder } from '../apis/ErrorApiForwarder';
import { UrlDiscoveryApi } from '../apis/UrlDiscoveryApi';
import { WebStorageApi } from '../apis/WebStorageApi';
import { AuthSessionManager } from '../auth/AuthSessionManager';
import { readInjectedConfig } from '../config/readInjectedConfig';
import { AppLanguageSelector } from '../i18n/AppLanguageSelector';
import { createAppI18n } from '../i18n/createAppI18n';
import { homePlugin } from '../pages/home/homePlugin';
import { userSettingsPlugin } from '../pages/settings/userSettingsPlugin';
import { RouteBindingError } from '../routing/RouteBindingError';
import { RouteResolver } from '../routing/RouteResolver';
import { collectMountedPaths } from '../routing/collectMountedPaths';
import { resolveRouteBindings } from '../routing/resolveRouteBindings';
import type { RouteBindings } from '../routing/resolveRouteBindings';
import { darkTheme, lightTheme } from '../theme/themes';
import type { CreateAppOptions } from './CreateAppOptions';

/** Everything the app renders from, built once before the first render. */
export interface AppSetup {
  apis: ApiRegistry;
  i18n: I18n;
  sessions: AuthSessionManager;
  pages: PageExtension[];
  navItems: NavItemExtension[];
  basename: string;
  /** Why the app cannot start; empty when it can. */
  problems: string[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function readConfig(options: CreateAppOptions, problems: string[]): ConfigReader {
  let layers: AppConfig[] = [];
  try {
    layers = options.configLoader ? options.configLoader() : readInjectedConfig(document);
  } catch (error) {
    problems.push(messageOf(error));
  }
  return ConfigReader.fromConfigs(layers);
}

/** A config URL, or the fallback when unset; a malformed one is a startup problem. */
function readUrl(config: ConfigReader, key: string, fallback: string, problems: string[]): URL {
  const value = config.getOptionalString(key) ?? fallback;
  try {
    return new URL(value);
  } catch {
    problems.push(`Invalid config at ${key}: '${value}' is not an absolute URL`);
    return new URL(fallback);
  }
}

export function bootstrapApp(options: CreateAppOptions): AppSetup {
  const problems: string[] = [];
  const config = readConfig(options, problems);
  const origin = window.location.origin;
  const backendBaseUrl = readUrl(config, 'backend.baseUrl', origin, problems).href;
  const appBaseUrl = readUrl(config, 'app.baseUrl', origin, problems);

  const storage = WebStorageApi.create();
  const { i18n, languages } = createAppI18n({
    storage: storage.forBucket('i18n'),
    translations: options.translations ?? options.__experimentalTranslations,
  });

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

  const discovery = new UrlDiscoveryApi(backendBaseUrl);
  const sessions = new AuthSessionManager({
    discovery,
    storage: storage.forBucket('auth'),
    environment: config.getOptionalString('auth.environment') ?? 'development',
    appOrigin: origin,
  });
  const apis = new ApiRegistry([
    createApiFactory(configApiRef, config),
    createApiFactory(storageApiRef, storage),
    createApiFactory(discoveryApiRef, discovery),
    createApiFactory(errorApiRef, new ErrorApiForwarder()),
    createApiFactory(identityApiRef, sessions),
    createApiFactory(fetchApiRef, new AuthenticatedFetchApi(sessions, backendBaseUrl)),
    createApiFactory(
      appThemeApiRef,
      new AppThemeSelector(options.themes ?? [lightTheme, darkTheme], storage.forBucket('theme')),
    ),
    createApiFactory(
      appLanguageApiRef,
      new AppLanguageSelector(i18n, languages, storage.forBucket('i18n')),
    ),
    createApiFactory(routeResolutionApiRef, new RouteResolver(mounted.paths, bindings)),
    ...plugins.flatMap(plugin => plugin.apis),
    ...(options.apis ?? []),
  ]);
  problems.push(...apis.validate());

  return {
    apis,
    i18n,
    sessions,
    pages: plugins.flatMap(plugin => plugin.pages),
    navItems: plugins.flatMap(plugin => plugin.navItems),
    basename: appBaseUrl.pathname.replace(/\/+$/, ''),
    problems,
  };
}
