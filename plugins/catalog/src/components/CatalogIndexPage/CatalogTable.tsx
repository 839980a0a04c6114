import {
  ANNOTATION_EDIT_URL,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@greenroom/catalog-model';
import type { Entity } from '@greenroom/catalog-model';
import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { EntityRefLink, EntityRefLinks, entityDisplayName } from '@greenroom/plugin-catalog-react';
import EditIcon from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { catalogTranslationRef } from '../../translation/catalogTranslationRef';
import { relationTargets } from '../EntityPage/relations';
import { StarButton } from '../StarButton/StarButton';
import type { CatalogSort, SortColumn } from './catalogFilters';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** One page of entities; headers sort on the server, names are real links. */
export function CatalogTable(props: {
  kind: string;
  columns: SortColumn[];
  items: Entity[];
  sort: CatalogSort;
  onSort: (sort: CatalogSort) => void;
  isStarred: (ref: string) => boolean;
  onToggleStar: (ref: string) => void;
}) {
  const { t } = useTranslationRef(catalogTranslationRef);
  const { kind, columns, items, sort, onSort } = props;
  const titles: Record<SortColumn, string> = {
    name: t('table.name'),
    system: t('table.system'),
    owner: t('table.owner'),
    type: t('table.type'),
    lifecycle: t('table.lifecycle'),
    description: t('table.description'),
    tags: t('table.tags'),
  };

  const cell = (entity: Entity, column: SortColumn) => {
    const spec = entity.spec ?? {};
    switch (column) {
      case 'name':
        return <EntityRefLink entityRef={entity} defaultKind={kind} />;
      case 'system': {
        const systems = relationTargets(entity, RELATION_PART_OF, 'system');
        return <EntityRefLinks entityRefs={systems} defaultKind="system" />;
      }
      case 'owner':
        return (
          <EntityRefLinks
            entityRefs={relationTargets(entity, RELATION_OWNED_BY)}
            defaultKind="group"
          />
        );
      case 'type':
        return text(spec.type);
      case 'lifecycle':
        return text(spec.lifecycle);
      case 'description':
        return text(entity.metadata.description);
      case 'tags':
        return (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
            {(entity.metadata.tags ?? []).map(tag => (
              <Chip key={tag} size="small" label={tag} />
            ))}
          </Box>
        );
    }
  };

  return (
    <TableContainer>
      <Table size="small" aria-label={t('table.caption')}>
        <TableHead>
          <TableRow>
            {columns.map(column => (
              <TableCell key={column} sortDirection={sort.column === column ? sort.order : false}>
                <TableSortLabel
                  active={sort.column === column}
                  direction={sort.column === column ? sort.order : 'asc'}
                  onClick={() =>
                    onSort({
                      column,
                      order: sort.column === column && sort.order === 'asc' ? 'desc' : 'asc',
                    })
                  }
                >
                  {titles[column]}
                </TableSortLabel>
              </TableCell>
            ))}
            <TableCell>{t('table.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(entity => {
            const ref = stringifyEntityRef(entity);
            const name = entityDisplayName(entity, { defaultKind: kind });
            const editUrl = entity.metadata.annotations?.[ANNOTATION_EDIT_URL];
            return (
              <TableRow key={entity.metadata.uid ?? ref} hover>
                {columns.map(column => (
                  <TableCell key={column}>{cell(entity, column)}</TableCell>
                ))}
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <StarButton
                    size="small"
                    name={name}
                    starred={props.isStarred(ref)}
                    onToggle={() => props.onToggleStar(ref)}
                  />
                  {editUrl && (
                    <IconButton
                      size="small"
                      href={editUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={t('table.edit', { name })}
                    >
                      <EditIcon fontSize="small" />
                    </IconButton>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
