import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_PARENT_OF,
} from '@greenroom/catalog-model';
import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { useEntity } from '@greenroom/plugin-catalog-react';
import Box from '@mui/material/Box';
import type { ReactNode } from 'react';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';
import { AboutCard } from './AboutCard';
import { LinksCard } from './LinksCard';
import { OwnershipCard } from './OwnershipCard';
import { RelatedEntitiesCard } from './RelatedEntitiesCard';
import { RelationsCard } from './RelationsCard';

function Grid(props: { children: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' },
        alignItems: 'start',
      }}
    >
      {props.children}
    </Box>
  );
}

/** The Overview tab: About, Links and Relations for every kind, plus the kind's own cards. */
export function OverviewContent() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(catalogTranslationRef);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const related = (
    title: string,
    emptyText: string,
    relationType: string,
    relatedKind?: string,
  ) => (
    <RelatedEntitiesCard
      key={`${relationType}-${relatedKind}`}
      title={title}
      emptyText={emptyText}
      relationType={relationType}
      kind={relatedKind}
    />
  );

  const byKind: Record<string, ReactNode[]> = {
    component: [
      related(
        t('related.subcomponents'),
        t('related.noSubcomponents'),
        RELATION_HAS_PART,
        'component',
      ),
    ],
    api: [
      related(t('related.providers'), t('related.noProviders'), RELATION_API_PROVIDED_BY),
      related(t('related.consumers'), t('related.noConsumers'), RELATION_API_CONSUMED_BY),
    ],
    system: [
      related(t('related.components'), t('related.noComponents'), RELATION_HAS_PART, 'component'),
      related(t('related.apis'), t('related.noApis'), RELATION_HAS_PART, 'api'),
      related(t('related.resources'), t('related.noResources'), RELATION_HAS_PART, 'resource'),
    ],
    domain: [related(t('related.systems'), t('related.noSystems'), RELATION_HAS_PART, 'system')],
    group: [
      related(t('related.members'), t('related.noMembers'), RELATION_HAS_MEMBER, 'user'),
      related(t('related.childGroups'), t('related.noChildGroups'), RELATION_PARENT_OF, 'group'),
      <OwnershipCard key="ownership" />,
    ],
    user: [
      related(t('related.groups'), t('related.noGroups'), RELATION_MEMBER_OF, 'group'),
      <OwnershipCard key="ownership" />,
    ],
  };

  return (
    <Grid>
      <AboutCard />
      <LinksCard />
      {byKind[kind]}
      <RelationsCard />
    </Grid>
  );
}
