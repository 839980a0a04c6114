import type { AppConfig } from '@greenroom/config/reader';
import type { AnyApiFactory, AppTheme, FrontendPlugin } from '@greenroom/frontend-plugin-api';
import type { ComponentType } from 'react';
import type { SignInPageProps } from '../auth/SignInPage/SignInPageProps';
import type { AppTranslationOptions } from '../i18n/createAppI18n';
import type { BindRoutes } from '../routing/resolveRouteBindings';

export interface CreateAppOptions {
  /** The installed plugins; the shell's home and settings pages come with the app. */
  plugins?: readonly FrontendPlugin[];
  /** API factories that replace the core ones or the plugins' (same API id). */
  apis?: readonly AnyApiFactory[];
  /** Route bindings in code; they win over `app.routes.bindings` (except `false`). */
  bindRoutes?: BindRoutes;
  /** Default: light and dark. */
  themes?: readonly AppTheme[];
  translations?: AppTranslationOptions;
  /** The same as `translations`, under Backstage's name. */
  __experimentalTranslations?: AppTranslationOptions;
  components?: { SignInPage?: ComponentType<SignInPageProps> };
  /** Config layers to use instead of the ones injected into index.html. */
  configLoader?: () => AppConfig[];
}
