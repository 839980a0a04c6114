import { RELATION_MEMBER_OF, stringifyEntityRef } from '@greenroom/catalog-model';
import { useApi, useRouteRef, useTranslationRef } from '@greenroom/frontend-plugin-api';
import { catalogApiRef, useEntity } from '@greenroom/plugin-catalog-react';
import { InfoCard, Link, Progress } from '@greenroom/ui';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { rootRouteRef } from '../../../routes';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';
import { relationTargets } from '../relations';

/**
 * What a group or user owns, counted by kind from one facets call; each count links to the
 * catalog filtered to those owners. A user's ownership includes their groups'.
 */
export function OwnershipCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(catalogTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const catalogRoot = useRouteRef(rootRouteRef);
  const self = stringifyEntityRef(entity);
  const owners =
    entity.kind.toLocaleLowerCase('en-US') === 'user'
      ? [self, ...relationTargets(entity, RELATION_MEMBER_OF, 'group')]
      : [self];
  const key = owners.join('\n');
  const [state, setState] = useState<{
    counts?: { value: string; count: number }[];
    error?: Error;
  }>({});

  useEffect(() => {
    let current = true;
    catalogApi
      .getEntityFacets({ facets: ['kind'], filter: { 'relations.ownedBy': key.split('\n') } })
      .then(
        ({ facets }) => current && setState({ counts: facets.kind ?? [] }),
        (error: Error) => current && setState({ error }),
      );
    return () => {
      current = false;
    };
  }, [catalogApi, key]);

  const linkFor = (kind: string) => {
    const params = new URLSearchParams({ 'filters[kind]': kind.toLocaleLowerCase('en-US') });
    for (const owner of owners) params.append('filters[owners]', owner);
    return `${catalogRoot()}?${params}`;
  };

  return (
    <InfoCard title={t('ownership.title')}>
      {state.error ? (
        <Alert severity="error">{t('ownership.loadError', { message: state.error.message })}</Alert>
      ) : !state.counts ? (
        <Progress />
      ) : state.counts.length === 0 ? (
        <Typography color="text.secondary">{t('ownership.none')}</Typography>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {state.counts.map(({ value, count }) => (
            <li key={value}>
              <Link to={linkFor(value)}>{t('ownership.kindCount', { kind: value, count })}</Link>
            </li>
          ))}
        </ul>
      )}
    </InfoCard>
  );
}
