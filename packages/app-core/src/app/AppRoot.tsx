import { ApiProvider } from '@greenroom/frontend-plugin-api';
import type { ComponentType } from 'react';
import { useEffect, useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { LeaveForPublicBundle } from '../auth/LeaveForPublicBundle';
import { SessionGate } from '../auth/SessionGate';
import type { SignInPageProps } from '../auth/SignInPage/SignInPageProps';
import { reloadGuard } from '../auth/reloadGuard';
import { useAppCookieRefresh } from '../auth/useAppCookieRefresh';
import { AppShell } from '../shell/AppShell';
import { ErrorToaster } from '../shell/ErrorToaster';
import { StartupErrorPage } from '../shell/StartupErrorPage';
import { AppThemeProvider } from '../theme/AppThemeProvider';
import type { AppSetup } from './bootstrapApp';
import { useDocumentLanguage } from './useDocumentLanguage';

/** Behind the cookie: keeps it fresh while signed in (SessionGate renders this only then). */
function ProtectedShell(props: { setup: AppSetup }) {
  const { setup } = props;
  useAppCookieRefresh({ enabled: true, sessions: setup.sessions, discovery: setup.discovery });
  return <AppShell pages={setup.pages} navItems={setup.navItems} />;
}

export function AppRoot(props: { setup: AppSetup; SignInPage: ComponentType<SignInPageProps> }) {
  const { setup } = props;
  const isProtected = setup.appMode === 'protected';
  useDocumentLanguage(setup.i18n);
  useEffect(() => {
    // The full app loaded after the public bundle's reload: the cookie worked.
    if (isProtected) reloadGuard.clear();
  }, [isProtected]);
  // In protected mode the sign-in page lives in the public bundle: without a session the full
  // app drops its cookie and reloads into it.
  const SignInPage = useMemo(
    () =>
      isProtected ? () => <LeaveForPublicBundle sessions={setup.sessions} /> : props.SignInPage,
    [isProtected, setup.sessions, props.SignInPage],
  );
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
                {isProtected ? (
                  <ProtectedShell setup={setup} />
                ) : (
                  <AppShell pages={setup.pages} navItems={setup.navItems} />
                )}
              </SessionGate>
            </BrowserRouter>
          )}
        </AppThemeProvider>
      </I18nextProvider>
    </ApiProvider>
  );
}
