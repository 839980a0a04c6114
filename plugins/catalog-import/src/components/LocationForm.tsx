import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { ErrorPanel } from '@greenroom/ui';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ImportError } from '../import/useImportFlow';
import { catalogImportTranslationRef } from '../translation/catalogImportTranslationRef';

export interface LocationFormProps {
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  busy: boolean;
  error?: ImportError;
}

/** Step 1: the URL or path, checked here before the catalog sees it. */
export function LocationForm(props: LocationFormProps) {
  const { value, onChange, onSubmit, busy, error } = props;
  const { t } = useTranslationRef(catalogImportTranslationRef);

  let inputError: string | undefined;
  if (error?.type === 'input') {
    const problem = error.problem;
    inputError =
      problem.reason === 'unsupportedProtocol'
        ? t('errors.unsupportedProtocol', { protocol: problem.protocol })
        : problem.reason === 'empty'
          ? t('errors.empty')
          : t('errors.notUrlOrPath');
  }

  return (
    <Stack
      component="form"
      noValidate
      spacing={2}
      onSubmit={event => {
        event.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      <Typography color="text.secondary">{t('form.description')}</Typography>
      <TextField
        label={t('form.label')}
        placeholder={t('form.placeholder')}
        value={value}
        onChange={event => onChange(event.target.value)}
        error={inputError !== undefined}
        helperText={inputError ?? t('form.helper')}
        disabled={busy}
        fullWidth
        autoComplete="off"
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      {error?.type === 'analyze' && (
        <ErrorPanel title={t('errors.analyzeFailed')} error={error.error} />
      )}
      {error?.type === 'noEntities' && (
        <Alert severity="warning" role="alert">
          <AlertTitle>{t('errors.noEntitiesTitle')}</AlertTitle>
          {t('errors.noEntities', { target: error.target })}
        </Alert>
      )}
      <div>
        <Button type="submit" variant="contained" disabled={busy}>
          {busy ? t('form.analyzing') : t('form.analyze')}
        </Button>
      </div>
    </Stack>
  );
}
