import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { Progress } from '@greenroom/ui';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { coreTranslationRef } from '../i18n/coreTranslationRef';
import type { AuthSessionManager } from './AuthSessionManager';
import type { SignInPageProps } from './SignInPage/SignInPageProps';

/** Shows the sign-in page until there is a session, restoring the last one first if it can. */
export function SessionGate(props: {
  sessions: AuthSessionManager;
  SignInPage: ComponentType<SignInPageProps>;
  children: ReactNode;
}) {
  const { sessions, SignInPage, children } = props;
  const { t } = useTranslationRef(coreTranslationRef);
  const session = useSyncExternalStore(sessions.subscribe, sessions.getSession);
  const [restoring, setRestoring] = useState(() => !session && sessions.hasStoredProvider());

  useEffect(() => {
    if (!restoring) return;
    let active = true;
    void sessions.restore().finally(() => {
      if (active) setRestoring(false);
    });
    return () => {
      active = false;
    };
  }, [sessions, restoring]);

  if (session) return <>{children}</>;
  if (restoring) {
    return (
      <Box component="main" sx={{ maxWidth: 480, mx: 'auto', px: 2, py: 8 }}>
        <Typography sx={{ mb: 2 }}>{t('signIn.restoring')}</Typography>
        <Progress />
      </Box>
    );
  }
  return <SignInPage signIn={providerId => sessions.signIn(providerId)} />;
}
