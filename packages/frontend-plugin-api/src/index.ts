// Plugins and pages
export { createPlugin } from './plugins/createPlugin';
export type { AnyExternalRoutes, AnyRoutes, FrontendPlugin } from './plugins/createPlugin';
export { createRoutableExtension } from './plugins/createRoutableExtension';
export type { PageExtension } from './plugins/createRoutableExtension';
export { createNavItemExtension } from './plugins/createNavItemExtension';
export type { NavItemExtension } from './plugins/createNavItemExtension';

// Routing
export { createRouteRef } from './routing/createRouteRef';
export { createSubRouteRef } from './routing/createSubRouteRef';
export { createExternalRouteRef } from './routing/createExternalRouteRef';
export { useRouteRef } from './routing/useRouteRef';
export type {
  AnyRouteRef,
  ExternalRouteRef,
  PathParamNames,
  RouteFunc,
  RouteParams,
  RouteRef,
  SubRouteRef,
  TargetRouteRef,
} from './routing/types';

// APIs
export { createApiRef } from './apis/ApiRef';
export type { ApiRef } from './apis/ApiRef';
export { createApiFactory } from './apis/ApiFactory';
export type { AnyApiFactory, ApiFactory, TypesToApiRefs } from './apis/ApiFactory';
export { ApiProvider, useApi, useApiHolder } from './apis/ApiProvider';
export type { ApiHolder } from './apis/ApiProvider';
export { configApiRef } from './apis/definitions/configApi';
export type { ConfigApi } from './apis/definitions/configApi';
export { discoveryApiRef } from './apis/definitions/discoveryApi';
export type { DiscoveryApi } from './apis/definitions/discoveryApi';
export { fetchApiRef } from './apis/definitions/fetchApi';
export type { FetchApi } from './apis/definitions/fetchApi';
export { identityApiRef } from './apis/definitions/identityApi';
export type {
  BackstageUserIdentity,
  IdentityApi,
  ProfileInfo,
} from './apis/definitions/identityApi';
export { errorApiRef } from './apis/definitions/errorApi';
export type {
  ErrorApi,
  ErrorApiError,
  ErrorApiErrorContext,
  PostedError,
} from './apis/definitions/errorApi';
export { storageApiRef } from './apis/definitions/storageApi';
export type { StorageApi } from './apis/definitions/storageApi';
export { appThemeApiRef } from './apis/definitions/appThemeApi';
export type { AppTheme, AppThemeApi } from './apis/definitions/appThemeApi';
export { appLanguageApiRef } from './apis/definitions/appLanguageApi';
export type { AppLanguageApi } from './apis/definitions/appLanguageApi';
export { routeResolutionApiRef } from './apis/definitions/routeResolutionApi';
export type { RouteResolutionApi } from './apis/definitions/routeResolutionApi';

// Translations
export { createTranslationRef } from './translation/createTranslationRef';
export { createTranslationMessages } from './translation/createTranslationMessages';
export { createTranslationResource } from './translation/createTranslationResource';
export { useTranslationRef } from './translation/useTranslationRef';
export type {
  FlatMessages,
  MessageKeys,
  NestedMessages,
  TranslatedText,
  TranslationFunction,
  TranslationLoader,
  TranslationMessages,
  TranslationMessagesInput,
  TranslationRef,
  TranslationResource,
} from './translation/types';

// For the app implementation (app-core): how translation refs meet the i18next instance.
export { baseI18nOptions } from './translation/fallbackI18n';
export { addAppTranslations } from './translation/i18nRegistration';
