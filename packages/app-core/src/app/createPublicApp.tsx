import { ApiProvider } from '@greenroom/frontend-plugin-api';
import type { ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiRegistry } from '../apis/ApiRegistry';
import { PublicSignIn } from '../auth/PublicSignIn';
import { DefaultSignInPage } from '../auth/SignInPage/DefaultSignInPage';
import { StartupErrorPage } from '../shell/StartupErrorPage';
import { AppThemeProvider } from '../theme/AppThemeProvider';
import type { CreateAppOptions } from './CreateAppOptions';
import { bootstrapCore, type CoreSetup } from './bootstrapCore';
import { useDocumentLanguage } from './useDocumentLanguage';

/** What the public bundle shares with the full app: the look, the language, the sign-in page. */
export type PublicAppOptions = Pick<
  CreateAppOptions,
  'themes' | 'translations' | '__experimentalTranslations' | 'components' | 'configLoader'
> & {
  /** Replaces `window.location.reload` after sign-in (tests). */
  reload?: () => void;
};

/**
 * The public bundle's app (`src/index-public-experimental.tsx`): only the sign-in page, with
 * the same theme and translations as the full app. After sign-in it fetches the app's cookie
 * and reloads, and the backend then serves the full app. No plugins, routes or shell, so
 * none of their code is in the bundle.
 */
export function createPublicApp(options: PublicAppOptions = {}): ComponentType {
  let setup: { core: CoreSetup; apis: ApiRegistry } | undefined;
  const SignInPage = options.components?.SignInPage ?? DefaultSignInPage;
  return function PublicApp() {
    if (!setup) {
      const core = bootstrapCore({
        themes: options.themes,
        translations: options.translations ?? options.__experimentalTranslations,
        configLoader: options.configLoader,
      });
      setup = { core, apis: new ApiRegistry(core.apis) };
    }
    const { core, apis } = setup;
    useDocumentLanguage(core.i18n);
    return (
      <ApiProvider apis={apis}>
        <I18nextProvider i18n={core.i18n}>
          <AppThemeProvider>
            {core.problems.length > 0 ? (
              <StartupErrorPage problems={core.problems} />
            ) : (
              <PublicSignIn
                sessions={core.sessions}
                SignInPage={SignInPage}
                reload={options.reload}
              />
            )}
          </AppThemeProvider>
        </I18nextProvider>
      </ApiProvider>
    );
  };
}
