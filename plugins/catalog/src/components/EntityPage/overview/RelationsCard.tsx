import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { EntityRefLinks, useEntity } from '@greenroom/plugin-catalog-react';
import { InfoCard } from '@greenroom/ui';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';

/** Every relation of the entity, grouped by type, each target a link. */
export function RelationsCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(catalogTranslationRef);
  const byType = new Map<string, string[]>();
  for (const relation of entity.relations ?? []) {
    byType.set(relation.type, [...(byType.get(relation.type) ?? []), relation.targetRef]);
  }
  const rows = [...byType.entries()].sort(([a], [b]) => a.localeCompare(b));
  return (
    <InfoCard title={t('relations.title')}>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('relations.none')}</Typography>
      ) : (
        <Table size="small" aria-label={t('relations.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('relations.type')}</TableCell>
              <TableCell>{t('relations.targets')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(([type, targets]) => (
              <TableRow key={type}>
                <TableCell>{type}</TableCell>
                <TableCell>
                  <EntityRefLinks entityRefs={[...new Set(targets)].sort()} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
