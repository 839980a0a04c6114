import { ApiProvider } from '@greenroom/frontend-plugin-api';
import type { ComponentType } from 'react';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { SessionGate } from '../auth/SessionGate';
import type { SignInPageProps } from '../auth/SignInPage/SignInPageProps';
import { AppShell } from '../shell/AppShell';
import { ErrorToaster } from '../shell/ErrorToaster';
import { StartupErrorPage } from '../shell/StartupErrorPage';
import { AppThemeProvider } from '../theme/AppThemeProvider';
import type { AppSetup } from './bootstrapApp';

/** Keeps `<html lang>` in step with the language shown, for screen readers and hyphenation. */
function useDocumentLanguage(setup: AppSetup) {
  useEffect(() => {
    const update = () => {
      document.documentElement.lang = setup.i18n.resolvedLanguage ?? 'en';
    };
    update();
    setup.i18n.on('languageChanged', update);
    return () => setup.i18n.off('languageChanged', update);
  }, [setup]);
}

export function AppRoot(props: { setup: AppSetup; SignInPage: ComponentType<SignInPageProps> }) {
  const { setup, SignInPage } = props;
  useDocumentLanguage(setup);
  return (
    <ApiProvider apis={setup.apis}>
      <I18nextProvider i18n={setup.i18n}>
        <AppThemeProvider>
          {setup.problems.length > 0 ? (
            <StartupErrorPage problems={setup.problems} />
          ) : (
            <BrowserRouter basename={setup.basename || undefined}>
              <ErrorToaster />
              <SessionGate sessions={setup.sessions} SignInPage={SignInPage}>
                <AppShell pages={setup.pages} navItems={setup.navItems} />
              </SessionGate>
            </BrowserRouter>
          )}
        </AppThemeProvider>
      </I18nextProvider>
    </ApiProvider>
  );
}
