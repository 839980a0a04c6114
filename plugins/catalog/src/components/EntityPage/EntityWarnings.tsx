import { ANNOTATION_ORPHAN } from '@greenroom/catalog-model';
import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { useEntity } from '@greenroom/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { catalogTranslationRef } from '../../translation/catalogTranslationRef';
import { EntityRelationWarning } from './EntityRelationWarning';

/** Above the tabs: orphan, relations to missing entities, processing errors from `status.items`. */
export function EntityWarnings() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(catalogTranslationRef);
  const orphan = entity.metadata.annotations?.[ANNOTATION_ORPHAN] === 'true';
  const errors = (entity.status?.items ?? []).filter(item => item.level === 'error');
  return (
    <Stack spacing={2} sx={{ mb: 3, '&:empty': { display: 'none' } }}>
      {orphan && (
        <Alert severity="warning">
          <AlertTitle>{t('entity.orphan.title')}</AlertTitle>
          {t('entity.orphan.description')}
        </Alert>
      )}
      <EntityRelationWarning />
      {errors.length > 0 && (
        <Alert severity="error" role="alert">
          <AlertTitle>{t('entity.processingErrors.title')}</AlertTitle>
          {errors.map((item, index) => (
            <Box key={index} sx={{ overflowWrap: 'anywhere' }}>
              {t('entity.processingErrors.item', {
                type: item.error?.name ?? item.type,
                message: item.error?.message ?? item.message,
              })}
            </Box>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
