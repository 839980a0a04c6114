import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { useEntity } from '@greenroom/plugin-catalog-react';
import { ErrorBoundary, InfoCard, Progress } from '@greenroom/ui';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Suspense, lazy } from 'react';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';

// Swagger UI is large: its own chunk, loaded only when an OpenAPI definition is shown.
const OpenApiDefinition = lazy(() =>
  import('./OpenApiDefinition').then(m => ({ default: m.OpenApiDefinition })),
);

/** An API entity's `spec.definition`: OpenAPI through Swagger UI, anything else as code. */
export function ApiDefinitionCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(catalogTranslationRef);
  const type = typeof entity.spec?.type === 'string' ? entity.spec.type : '';
  const definition = entity.spec?.definition;
  const text = typeof definition === 'string' ? definition : JSON.stringify(definition, null, 2);

  return (
    <InfoCard title={t('apiDefinition.title')} subheader={t('apiDefinition.type', { type })}>
      {!text ? (
        <Typography color="text.secondary">{t('apiDefinition.none')}</Typography>
      ) : type.toLocaleLowerCase('en-US') === 'openapi' ? (
        <ErrorBoundary>
          <Suspense fallback={<Progress />}>
            <OpenApiDefinition definition={text} />
          </Suspense>
        </ErrorBoundary>
      ) : (
        <Box
          component="pre"
          tabIndex={0}
          sx={{
            m: 0,
            p: 2,
            overflow: 'auto',
            maxHeight: '70vh',
            fontSize: 13,
            bgcolor: 'action.hover',
            borderRadius: 1,
          }}
        >
          <code>{text}</code>
        </Box>
      )}
    </InfoCard>
  );
}
