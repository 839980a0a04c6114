import { RELATION_OWNED_BY, stringifyEntityRef } from '@greenroom/catalog-model';
import type { Entity } from '@greenroom/catalog-model';
import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import {
  EntityRefLinks,
  entityDisplayName,
  useStarredEntities,
} from '@greenroom/plugin-catalog-react';
import { Header } from '@greenroom/ui';
import Box from '@mui/material/Box';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';
import { StarButton } from '../../StarButton/StarButton';
import { relationTargets } from '../relations';
import { EntityContextMenu } from './EntityContextMenu';

/** Title, kind, owner and lifecycle, the star and the actions menu. */
export function EntityHeader(props: { entity: Entity; onRefreshed: () => void }) {
  const { entity } = props;
  const { t } = useTranslationRef(catalogTranslationRef);
  const { isStarred, toggleStarred } = useStarredEntities();
  const ref = stringifyEntityRef(entity);
  const title = entityDisplayName(entity, { defaultKind: entity.kind });
  const owners = relationTargets(entity, RELATION_OWNED_BY);
  const lifecycle = entity.spec?.lifecycle;

  const subtitle = (
    <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 3 }}>
      <span>
        {t('entity.kind')}: {entity.kind}
      </span>
      {owners.length > 0 && (
        <span>
          {t('entity.owner')}: <EntityRefLinks entityRefs={owners} defaultKind="group" />
        </span>
      )}
      {typeof lifecycle === 'string' && (
        <span>
          {t('entity.lifecycle')}: {lifecycle}
        </span>
      )}
    </Box>
  );

  return (
    <Header title={title} subtitle={subtitle}>
      <StarButton name={title} starred={isStarred(ref)} onToggle={() => toggleStarred(ref)} />
      <EntityContextMenu entity={entity} onRefreshed={props.onRefreshed} />
    </Header>
  );
}
