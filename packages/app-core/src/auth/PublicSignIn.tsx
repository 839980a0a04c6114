import {
  configApiRef,
  discoveryApiRef,
  useApi,
  useTranslationRef,
} from '@greenroom/frontend-plugin-api';
import { Progress } from '@greenroom/ui';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { ComponentType } from 'react';
import { coreTranslationRef } from '../i18n/coreTranslationRef';
import type { AuthSessionManager } from './AuthSessionManager';
import type { SignInPageProps } from './SignInPage/SignInPageProps';
import { issueAppCookie } from './appCookie';
import { reloadGuard } from './reloadGuard';

type State =
  { status: 'restoring' } | { status: 'signing-in' } | { status: 'failed'; message: string };

/**
 * The public bundle's page: signs in (or restores the last session), exchanges the user token
 * for the app's cookie, and reloads, which brings the full app.
 */
export function PublicSignIn(props: {
  sessions: AuthSessionManager;
  SignInPage: ComponentType<SignInPageProps>;
  reload?: () => void;
}) {
  const { sessions, SignInPage } = props;
  const discovery = useApi(discoveryApiRef);
  const { t } = useTranslationRef(coreTranslationRef);
  const appTitle = useApi(configApiRef).getOptionalString('app.title') ?? t('app.defaultTitle');
  const [state, setState] = useState<State>(() =>
    sessions.hasStoredProvider() && !reloadGuard.justReloaded()
      ? { status: 'restoring' }
      : { status: 'signing-in' },
  );

  const openApp = useCallback(async () => {
    if (reloadGuard.justReloaded()) throw new Error(t('signIn.cookieNotAccepted'));
    const { token } = await sessions.getCredentials();
    if (!token) throw new Error(t('signIn.cookieNotAccepted'));
    await issueAppCookie(discovery, token);
    reloadGuard.mark();
    (props.reload ?? (() => window.location.reload()))();
  }, [sessions, discovery, t, props.reload]);

  useEffect(() => {
    if (state.status !== 'restoring') return;
    let active = true;
    void (async () => {
      if (!(await sessions.restore())) {
        if (active) setState({ status: 'signing-in' });
        return;
      }
      await openApp();
    })().catch((error: unknown) => {
      if (active) setState({ status: 'failed', message: (error as Error).message });
    });
    return () => {
      active = false;
    };
  }, [state.status, sessions, openApp]);

  const signIn = useCallback(
    async (providerId: string) => {
      await sessions.signIn(providerId);
      await openApp();
    },
    [sessions, openApp],
  );

  if (state.status === 'restoring') {
    return (
      <Box component="main" sx={{ maxWidth: 480, mx: 'auto', px: 2, py: 8 }}>
        <Typography sx={{ mb: 2 }}>{t('signIn.opening', { appTitle })}</Typography>
        <Progress />
      </Box>
    );
  }
  return (
    <>
      {state.status === 'failed' && (
        <Alert severity="error" sx={{ maxWidth: 480, mx: 'auto', mt: 2 }}>
          {t('signIn.openFailed', { appTitle, message: state.message })}
        </Alert>
      )}
      <SignInPage signIn={signIn} />
    </>
  );
}
