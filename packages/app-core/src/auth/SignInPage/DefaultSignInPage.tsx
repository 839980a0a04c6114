import { configApiRef, useApi, useTranslationRef } from '@greenroom/frontend-plugin-api';
import { Progress } from '@greenroom/ui';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { coreTranslationRef } from '../../i18n/coreTranslationRef';
import { ProviderCard } from './ProviderCard';
import type { SignInPageProps } from './SignInPageProps';
import { useAuthProviders } from './useAuthProviders';

/** Lists the providers the backend has enabled and signs in with the one chosen. */
export function DefaultSignInPage(props: SignInPageProps) {
  const { t } = useTranslationRef(coreTranslationRef);
  const appTitle = useApi(configApiRef).getOptionalString('app.title') ?? t('app.defaultTitle');
  const { state, reload } = useAuthProviders();
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<string>();

  const signIn = async (providerId: string) => {
    setBusy(providerId);
    setFailure(undefined);
    try {
      await props.signIn(providerId);
    } catch (error) {
      setFailure((error as Error).message);
      setBusy(undefined);
    }
  };

  return (
    <Box
      component="main"
      sx={{ maxWidth: 480, mx: 'auto', px: 2, py: { xs: 4, sm: 8 }, display: 'grid', gap: 2 }}
    >
      <Typography variant="h4" component="h1">
        {t('signIn.title', { appTitle })}
      </Typography>
      <Typography color="text.secondary">{t('signIn.subtitle')}</Typography>
      {state.status === 'loading' && <Progress />}
      {state.status === 'not-found' && (
        <Alert severity="error">{t('signIn.providersNotFound', { url: state.url })}</Alert>
      )}
      {state.status === 'failed' && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={reload}>
              {t('signIn.retry')}
            </Button>
          }
        >
          {t('signIn.providersFailed', { url: state.url, message: state.message })}
        </Alert>
      )}
      {state.status === 'loaded' && state.providers.length === 0 && (
        <Alert severity="warning">{t('signIn.noProviders')}</Alert>
      )}
      {failure && <Alert severity="error">{t('signIn.failed', { message: failure })}</Alert>}
      {state.status === 'loaded' && (
        <Box component="ul" sx={{ display: 'grid', gap: 2, p: 0, m: 0 }}>
          {state.providers.map(providerId => (
            <ProviderCard
              key={providerId}
              providerId={providerId}
              busy={busy !== undefined}
              onSignIn={() => void signIn(providerId)}
            />
          ))}
        </Box>
      )}
    </Box>
  );
}
