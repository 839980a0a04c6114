import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { coreTranslationRef } from '../i18n/coreTranslationRef';

/** Why the app refused to start (bad config, bad route bindings), one problem per line. */
export function StartupErrorPage(props: { problems: readonly string[] }) {
  const { t } = useTranslationRef(coreTranslationRef);
  return (
    <Box component="main" sx={{ maxWidth: 900, mx: 'auto', p: { xs: 2, sm: 4 } }}>
      <Alert severity="error" role="alert">
        <AlertTitle component="h1">{t('errors.startupTitle')}</AlertTitle>
        {t('errors.startupDescription')}
        <Box component="ul" sx={{ pl: 2, mb: 0 }}>
          {props.problems.map(problem => (
            <Box
              component="li"
              key={problem}
              sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
            >
              {problem}
            </Box>
          ))}
        </Box>
      </Alert>
    </Box>
  );
}
