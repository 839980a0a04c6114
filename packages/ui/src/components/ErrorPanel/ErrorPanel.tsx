import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { uiTranslationRef } from '../../translation/uiTranslationRef';

/** A readable error: a title, the message, the stack on request, and a retry when possible. */
export function ErrorPanel(props: { error: Error; title?: string; onRetry?: () => void }) {
  const { error, title, onRetry } = props;
  const { t } = useTranslationRef(uiTranslationRef);
  const [showDetails, setShowDetails] = useState(false);

  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('errorPanel.retry')}
          </Button>
        )
      }
    >
      <AlertTitle>{title ?? t('errorPanel.title')}</AlertTitle>
      <Box sx={{ overflowWrap: 'anywhere' }}>{error.message || error.name}</Box>
      {error.stack && (
        <>
          <Button
            color="inherit"
            size="small"
            sx={{ mt: 1, px: 0 }}
            aria-expanded={showDetails}
            onClick={() => setShowDetails(shown => !shown)}
          >
            {showDetails ? t('errorPanel.hideDetails') : t('errorPanel.showDetails')}
          </Button>
          {showDetails && (
            <Box component="pre" sx={{ whiteSpace: 'pre-wrap', fontSize: 12, m: 0 }}>
              {error.stack}
            </Box>
          )}
        </>
      )}
    </Alert>
  );
}
