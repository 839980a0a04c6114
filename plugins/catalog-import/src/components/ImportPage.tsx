import {
  configApiRef,
  useApi,
  useApiHolder,
  useTranslationRef,
} from '@greenroom/frontend-plugin-api';
import { catalogApiRef } from '@greenroom/plugin-catalog-react';
import { Content, Header, InfoCard, Page } from '@greenroom/ui';
import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useEffect, useRef } from 'react';
import { useImportFlow } from '../import/useImportFlow';
import { catalogImportTranslationRef } from '../translation/catalogImportTranslationRef';
import { FinishStep } from './FinishStep';
import { LocationForm } from './LocationForm';
import { ReviewStep } from './ReviewStep';

const STEP_INDEX = { select: 0, review: 1, finish: 2 } as const;

/** `/catalog-import`: register a catalog-info.yaml by URL or path. */
export function ImportPage() {
  const { t } = useTranslationRef(catalogImportTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const catalogFilename = useApiHolder()
    ?.get(configApiRef)
    ?.getOptionalString('catalog.import.entityFilename');
  const flow = useImportFlow(catalogApi, catalogFilename);
  const { state } = flow;
  const stepTitles = [t('steps.select'), t('steps.review'), t('steps.finish')];
  const active = STEP_INDEX[state.step];

  // A new step moves focus to its title, so keyboard and screen reader users follow along.
  const heading = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [state.step]);

  return (
    <Page>
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <Content>
        <Stepper activeStep={active} aria-label={t('page.steps')} sx={{ mb: 3 }}>
          {stepTitles.map(title => (
            <Step key={title}>
              <StepLabel>{title}</StepLabel>
            </Step>
          ))}
        </Stepper>
        <InfoCard
          title={
            <Box ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
              {state.step === 'select' ? t('form.title') : stepTitles[active]}
            </Box>
          }
        >
          {state.step === 'select' && (
            <LocationForm
              value={flow.input}
              onChange={flow.setInput}
              onSubmit={flow.analyze}
              busy={state.busy}
              error={state.error}
            />
          )}
          {state.step === 'review' && (
            <ReviewStep
              location={state.location}
              entities={state.entities}
              busy={state.busy}
              error={state.error}
              onRegister={flow.register}
              onBack={flow.back}
            />
          )}
          {state.step === 'finish' && (
            <FinishStep
              location={state.location}
              entities={state.entities}
              onRestart={flow.restart}
            />
          )}
        </InfoCard>
      </Content>
    </Page>
  );
}
