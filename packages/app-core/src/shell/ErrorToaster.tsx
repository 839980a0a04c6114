import { errorApiRef, useApi, useTranslationRef } from '@greenroom/frontend-plugin-api';
import type { ErrorApiError } from '@greenroom/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useEffect, useState } from 'react';
import { coreTranslationRef } from '../i18n/coreTranslationRef';

/** Shows errors posted to the error API as toasts, one at a time, oldest first. */
export function ErrorToaster() {
  const errorApi = useApi(errorApiRef);
  const { t } = useTranslationRef(coreTranslationRef);
  const [queue, setQueue] = useState<ErrorApiError[]>([]);

  useEffect(
    () =>
      errorApi.subscribe(({ error, context }) => {
        if (!context?.hidden) setQueue(current => [...current, error]);
      }),
    [errorApi],
  );

  const current = queue[0];
  const dismiss = () => setQueue(rest => rest.slice(1));
  return (
    <Snackbar
      open={current !== undefined}
      autoHideDuration={8000}
      onClose={(_, reason) => reason !== 'clickaway' && dismiss()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        severity="error"
        variant="filled"
        onClose={dismiss}
        slotProps={{
          closeButton: { title: t('errors.dismiss'), 'aria-label': t('errors.dismiss') },
        }}
        sx={{ maxWidth: 560, overflowWrap: 'anywhere' }}
      >
        {current?.message}
      </Alert>
    </Snackbar>
  );
}
