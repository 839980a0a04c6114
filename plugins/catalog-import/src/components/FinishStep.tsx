import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { PreviewEntity } from '../import/analyzeImportLocation';
import type { ImportLocation } from '../import/parseLocationInput';
import { catalogImportTranslationRef } from '../translation/catalogImportTranslationRef';
import { EntityLinkList } from './EntityLinkList';

/** Step 3: registered; links to the entities the catalog is now ingesting. */
export function FinishStep(props: {
  location: ImportLocation;
  entities: readonly PreviewEntity[];
  onRestart(): void;
}) {
  const { t } = useTranslationRef(catalogImportTranslationRef);
  return (
    <Stack spacing={2}>
      <Alert severity="success" role="status">
        <AlertTitle>{t('finish.title')}</AlertTitle>
        <span style={{ overflowWrap: 'anywhere' }}>
          {t('finish.description', { target: props.location.target })}
        </span>
      </Alert>
      <EntityLinkList entities={props.entities} label={t('finish.entitiesLabel')} />
      <div>
        <Button variant="outlined" onClick={props.onRestart}>
          {t('finish.again')}
        </Button>
      </div>
    </Stack>
  );
}
