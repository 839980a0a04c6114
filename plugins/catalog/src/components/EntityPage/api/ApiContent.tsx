import { RELATION_CONSUMES_API, RELATION_PROVIDES_API } from '@greenroom/catalog-model';
import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import Stack from '@mui/material/Stack';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';
import { RelatedEntitiesCard } from '../overview/RelatedEntitiesCard';

/** The API tab of a component: the APIs it provides and consumes. */
export function ApiContent() {
  const { t } = useTranslationRef(catalogTranslationRef);
  return (
    <Stack spacing={3}>
      <RelatedEntitiesCard
        title={t('related.providedApis')}
        emptyText={t('related.noProvidedApis')}
        relationType={RELATION_PROVIDES_API}
        kind="api"
      />
      <RelatedEntitiesCard
        title={t('related.consumedApis')}
        emptyText={t('related.noConsumedApis')}
        relationType={RELATION_CONSUMES_API}
        kind="api"
      />
    </Stack>
  );
}
