import {
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@greenroom/catalog-model';
import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { useEntity } from '@greenroom/plugin-catalog-react';
import Stack from '@mui/material/Stack';
import { EntityRelationsGraphCard } from '../../../graph';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';
import { RelatedEntitiesCard } from '../overview/RelatedEntitiesCard';

/** The Dependencies tab: the relations graph, then what the entity depends on and what depends on it. */
export function DependenciesContent() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(catalogTranslationRef);
  return (
    <Stack spacing={3}>
      <EntityRelationsGraphCard entityRef={stringifyEntityRef(entity)} />
      <RelatedEntitiesCard
        title={t('related.dependsOn')}
        emptyText={t('related.noDependsOn')}
        relationType={RELATION_DEPENDS_ON}
      />
      <RelatedEntitiesCard
        title={t('related.dependencyOf')}
        emptyText={t('related.noDependencyOf')}
        relationType={RELATION_DEPENDENCY_OF}
      />
    </Stack>
  );
}
