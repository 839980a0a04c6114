import { discoveryApiRef, useApi, useTranslationRef } from '@greenroom/frontend-plugin-api';
import { Progress } from '@greenroom/ui';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { coreTranslationRef } from '../i18n/coreTranslationRef';
import type { AuthSessionManager } from './AuthSessionManager';
import { clearAppCookie } from './appCookie';

/**
 * The full app's "sign-in page" in protected mode: there is no session (signed out, or it
 * expired), so the app's cookie is cleared and the page reloads into the public bundle, which
 * has the real sign-in page.
 */
export function LeaveForPublicBundle(props: { sessions: AuthSessionManager; reload?: () => void }) {
  const { sessions } = props;
  const discovery = useApi(discoveryApiRef);
  const { t } = useTranslationRef(coreTranslationRef);

  useEffect(() => {
    let active = true;
    void (async () => {
      await sessions.signOutSettled();
      // Sign-out cleared it already; an expired session did not. Clearing twice is harmless.
      await clearAppCookie(discovery).catch(() => undefined);
      if (active && !sessions.isLeavingForLogout()) {
        (props.reload ?? (() => window.location.reload()))();
      }
    })();
    return () => {
      active = false;
    };
  }, [sessions, discovery, props.reload]);

  return (
    <Box component="main" sx={{ maxWidth: 480, mx: 'auto', px: 2, py: 8 }}>
      <Typography sx={{ mb: 2 }}>{t('signIn.leaving')}</Typography>
      <Progress />
    </Box>
  );
}
