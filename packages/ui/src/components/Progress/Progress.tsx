import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import LinearProgress from '@mui/material/LinearProgress';
import { uiTranslationRef } from '../../translation/uiTranslationRef';

/** A loading bar, announced to screen readers. */
export function Progress() {
  const { t } = useTranslationRef(uiTranslationRef);
  return <LinearProgress aria-label={t('progress.label')} />;
}
