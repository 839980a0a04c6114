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
  storageApiRef,
} from '@greenroom/frontend-plugin-api';
import type { AnyApiFactory, AppTheme } from '@greenroom/frontend-plugin-api';
import type { i18n as I18n } from 'i18next';
import { AppThemeSelector } from '../apis/AppThemeSelector';
import { AuthenticatedFetchApi } from '../apis/AuthenticatedFetchApi';
import { ErrorApiForwarder } from '../apis/ErrorApiForwarder';
import { UrlDiscoveryApi } from '../apis/UrlDiscoveryApi';
import { WebStorageApi } from '../apis/WebStorageApi';
import { AuthSessionManager } from '../auth/AuthSessionManager';
import { clearAppCookie, readAppMode, type AppMode } from '../auth/appCookie';
import { readInjectedConfig } from '../config/readInjectedConfig';
import { AppLanguageSelector } from '../i18n/AppLanguageSelector';
import { createAppI18n } from '../i18n/createAppI18n';
import type { AppTranslationOptions } from '../i18n/createAppI18n';
import { darkTheme, lightTheme } from '../theme/themes';

/** What the full app and the public sign-in bundle both start from. */
export interface CoreSetupOptions {
  themes?: readonly AppTheme[];
  translations?: AppTranslationOptions;
  configLoader?: () => AppConfig[];
}

export interface CoreSetup {
  config: ConfigReader;
  i18n: I18n;
  discovery: UrlDiscoveryApi;
  sessions: AuthSessionManager;
  appBaseUrl: URL;
  appMode: AppMode;
  /** Config, storage, discovery, errors, identity, fetch, theme and language. */
  apis: AnyApiFactory[];
  /** Why the app cannot start; empty when it can. */
  problems: string[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function readConfig(options: CoreSetupOptions, problems: string[]): ConfigReader {
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

export function bootstrapCore(options: CoreSetupOptions): CoreSetup {
  const problems: string[] = [];
  const config = readConfig(options, problems);
  const origin = window.location.origin;
  const backendBaseUrl = readUrl(config, 'backend.baseUrl', origin, problems).href;
  const appBaseUrl = readUrl(config, 'app.baseUrl', origin, problems);
  const appMode = readAppMode(document);
  const storage = WebStorageApi.create();
  const { i18n, languages } = createAppI18n({
    storage: storage.forBucket('i18n'),
    translations: options.translations,
  });
  const discovery = new UrlDiscoveryApi(backendBaseUrl);
  const sessions = new AuthSessionManager({
    discovery,
    storage: storage.forBucket('auth'),
    environment: config.getOptionalString('auth.environment') ?? 'development',
    appOrigin: origin,
    // Behind the cookie, signing out must also drop it, or a reload shows the full app again.
    afterSignOut:
      appMode === 'protected' ? () => clearAppCookie(discovery).catch(() => undefined) : undefined,
  });
  const apis: AnyApiFactory[] = [
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
  ];
  return { config, i18n, discovery, sessions, appBaseUrl, appMode, apis, problems };
}
