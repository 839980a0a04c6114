import { RELATION_OWNED_BY, stringifyEntityRef } from '@greenroom/catalog-model';
import type { Entity } from '@greenroom/catalog-model';
import { useApi, useTranslationRef } from '@greenroom/frontend-plugin-api';
import {
  EntityRefLink,
  EntityRefLinks,
  catalogApiRef,
  humanizeEntityRef,
  useEntity,
} from '@greenroom/plugin-catalog-react';
import { InfoCard, Progress } from '@greenroom/ui';
import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';
import { relationTargets } from '../relations';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'spec.type',
  'spec.lifecycle',
  'spec.profile',
  'relations',
];

/**
 * The entities at the end of one relation type (e.g. `hasPart` to components), fetched in one
 * by-refs call, as a small table. Refs the catalog lacks are listed as such.
 */
export function RelatedEntitiesCard(props: {
  title: string;
  emptyText: string;
  relationType: string;
  kind?: string;
}) {
  const { entity } = useEntity();
  const { t } = useTranslationRef(catalogTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const refs = relationTargets(entity, props.relationType, props.kind);
  const key = refs.join('\n');
  const [state, setState] = useState<{ items?: (Entity | string)[]; error?: Error }>({});

  useEffect(() => {
    const wanted = key ? key.split('\n') : [];
    let current = true;
    catalogApi.getEntitiesByRefs({ entityRefs: wanted, fields: FIELDS }).then(
      ({ items }) =>
        current && setState({ items: wanted.map((ref, index) => items[index] ?? ref) }),
      (error: Error) => current && setState({ error }),
    );
    return () => {
      current = false;
    };
  }, [catalogApi, key]);

  let body;
  if (state.error) {
    body = (
      <Alert severity="error">{t('related.loadError', { message: state.error.message })}</Alert>
    );
  } else if (!state.items) {
    body = <Progress />;
  } else if (state.items.length === 0) {
    body = <Typography color="text.secondary">{props.emptyText}</Typography>;
  } else {
    body = (
      <Table size="small" aria-label={props.title}>
        <TableHead>
          <TableRow>
            <TableCell>{t('related.name')}</TableCell>
            {!props.kind && <TableCell>{t('related.kind')}</TableCell>}
            <TableCell>{t('related.type')}</TableCell>
            <TableCell>{t('related.owner')}</TableCell>
            <TableCell>{t('related.description')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {state.items.map(item =>
            typeof item === 'string' ? (
              <TableRow key={item}>
                <TableCell colSpan={props.kind ? 4 : 5}>
                  {t('related.missing', {
                    ref: humanizeEntityRef(item, { defaultKind: props.kind }),
                  })}
                </TableCell>
              </TableRow>
            ) : (
              <TableRow key={stringifyEntityRef(item)}>
                <TableCell>
                  <EntityRefLink entityRef={item} defaultKind={props.kind} />
                </TableCell>
                {!props.kind && <TableCell>{item.kind}</TableCell>}
                <TableCell>{typeof item.spec?.type === 'string' ? item.spec.type : ''}</TableCell>
                <TableCell>
                  <EntityRefLinks
                    entityRefs={relationTargets(item, RELATION_OWNED_BY)}
                    defaultKind="group"
                  />
                </TableCell>
                <TableCell>{item.metadata.description ?? ''}</TableCell>
              </TableRow>
            ),
          )}
        </TableBody>
      </Table>
    );
  }
  return <InfoCard title={props.title}>{body}</InfoCard>;
}
