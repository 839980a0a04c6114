import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { ErrorPanel } from '@greenroom/ui';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { PreviewEntity } from '../import/analyzeImportLocation';
import type { ImportLocation } from '../import/parseLocationInput';
import type { ImportError } from '../import/useImportFlow';
import { catalogImportTranslationRef } from '../translation/catalogImportTranslationRef';
import { EntityLinkList } from './EntityLinkList';

export interface ReviewStepProps {
  location: ImportLocation;
  entities: readonly PreviewEntity[];
  busy: boolean;
  error?: ImportError;
  onRegister(): void;
  onBack(): void;
}

/** Step 2: the entities the location holds, and whether the catalog has them already. */
export function ReviewStep(props: ReviewStepProps) {
  const { location, entities, busy, error } = props;
  const { t } = useTranslationRef(catalogImportTranslationRef);
  const allRegistered = entities.every(entity => entity.isRegistered);

  return (
    <Stack spacing={2}>
      <Typography sx={{ overflowWrap: 'anywhere' }}>
        {t('review.description', { target: location.target })}
      </Typography>
      <Table size="small" aria-label={t('review.tableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('review.kind')}</TableCell>
            <TableCell>{t('review.entity')}</TableCell>
            <TableCell>{t('review.status')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entities.map(entity => (
            <TableRow key={entity.ref}>
              <TableCell>{entity.kind}</TableCell>
              <TableCell>{`${entity.namespace}/${entity.name}`}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  color={entity.isRegistered ? 'default' : 'success'}
                  label={entity.isRegistered ? t('review.registered') : t('review.new')}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {allRegistered && (
        <Alert severity="info">
          {t('review.allRegistered')}
          <EntityLinkList entities={entities} label={t('finish.alreadyTitle')} />
        </Alert>
      )}
      {error?.type === 'register' && (
        <ErrorPanel title={t('errors.registerFailed')} error={error.error} />
      )}
      <Stack direction="row" spacing={1}>
        <Button onClick={props.onBack} disabled={busy}>
          {t('review.back')}
        </Button>
        {!allRegistered && (
          <Button variant="contained" onClick={props.onRegister} disabled={busy}>
            {busy ? t('review.registering') : t('review.register')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
