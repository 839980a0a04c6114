import { useApi, useTranslationRef } from '@greenroom/frontend-plugin-api';
import { catalogApiRef, humanizeEntityRef, useEntity } from '@greenroom/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useEffect, useState } from 'react';
import { catalogTranslationRef } from '../../translation/catalogTranslationRef';

/** Names the relation targets the catalog does not have (a typo in spec.owner, a deleted API). */
export function EntityRelationWarning() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(catalogTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const [missing, setMissing] = useState<string[]>([]);
  const key = [...new Set((entity.relations ?? []).map(r => r.targetRef))].sort().join('\n');

  useEffect(() => {
    const refs = key ? key.split('\n') : [];
    let current = true;
    catalogApi.getEntitiesByRefs({ entityRefs: refs, fields: ['kind'] }).then(
      ({ items }) => current && setMissing(refs.filter((_, index) => !items[index])),
      () => current && setMissing([]), // a warning about warnings would only be noise
    );
    return () => {
      current = false;
    };
  }, [catalogApi, key]);

  if (missing.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>{t('entity.missingRelations.title')}</AlertTitle>
      {t('entity.missingRelations.description', {
        refs: missing.map(ref => humanizeEntityRef(ref)).join(', '),
      })}
    </Alert>
  );
}
