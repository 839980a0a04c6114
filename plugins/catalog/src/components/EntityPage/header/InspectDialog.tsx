import { stringifyEntityRef } from '@greenroom/catalog-model';
import type { Entity } from '@greenroom/catalog-model';
import { useApi, useTranslationRef } from '@greenroom/frontend-plugin-api';
import { EntityRefLink, catalogApiRef } from '@greenroom/plugin-catalog-react';
import type { EntityAncestry } from '@greenroom/plugin-catalog-react';
import { Progress } from '@greenroom/ui';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useMemo, useState } from 'react';
import { stringify as toYaml } from 'yaml';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';

type View = 'yaml' | 'json' | 'errors' | 'ancestry';
const VIEWS: View[] = ['yaml', 'json', 'errors', 'ancestry'];

/** The raw entity as YAML or JSON, its processing errors, and where it came from. */
export function InspectDialog(props: {
  open: boolean;
  entity: Entity;
  title: string;
  onClose: () => void;
}) {
  const { open, entity, onClose } = props;
  const { t } = useTranslationRef(catalogTranslationRef);
  const id = useId();
  const [view, setView] = useState<View>('yaml');
  const yaml = useMemo(() => toYaml(entity), [entity]);
  const json = useMemo(() => JSON.stringify(entity, null, 2), [entity]);
  const problems = entity.status?.items ?? [];
  const labels: Record<View, string> = {
    yaml: t('inspect.yaml'),
    json: t('inspect.json'),
    errors: `${t('inspect.errors')} (${problems.length})`,
    ancestry: t('inspect.ancestry'),
  };
  const raw = view === 'yaml' ? yaml : view === 'json' ? json : undefined;

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={`${id}-title`} maxWidth="md" fullWidth>
      <DialogTitle id={`${id}-title`}>{t('inspect.title', { name: props.title })}</DialogTitle>
      <Tabs
        value={view}
        onChange={(_, next: View) => setView(next)}
        aria-label={t('inspect.tabsLabel')}
        sx={{ px: 3 }}
      >
        {VIEWS.map(v => (
          <Tab
            key={v}
            value={v}
            label={labels[v]}
            id={`${id}-tab-${v}`}
            aria-controls={`${id}-panel`}
          />
        ))}
      </Tabs>
      <DialogContent
        dividers
        id={`${id}-panel`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-${view}`}
      >
        {raw !== undefined && (
          <Box
            component="pre"
            tabIndex={0}
            data-testid={`inspect-${view}`}
            sx={{ m: 0, fontSize: 13, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {raw}
          </Box>
        )}
        {view === 'errors' &&
          (problems.length === 0 ? (
            <Typography>{t('inspect.noErrors')}</Typography>
          ) : (
            problems.map((item, index) => (
              <Alert
                key={index}
                severity={item.level === 'error' ? 'error' : 'warning'}
                sx={{ mb: 1 }}
              >
                <strong>{item.type}</strong>
                <Box sx={{ overflowWrap: 'anywhere' }}>{item.error?.message ?? item.message}</Box>
              </Alert>
            ))
          ))}
        {view === 'ancestry' && <Ancestry entity={entity} />}
      </DialogContent>
      <DialogActions>
        {raw !== undefined && (
          <Button onClick={() => navigator.clipboard?.writeText(raw).catch(() => undefined)}>
            {t('inspect.copy')}
          </Button>
        )}
        <Button onClick={onClose}>{t('inspect.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

function Ancestry(props: { entity: Entity }) {
  const { t } = useTranslationRef(catalogTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const [state, setState] = useState<{ ancestry?: EntityAncestry; error?: Error }>({});
  useEffect(() => {
    let current = true;
    catalogApi.getEntityAncestors({ entityRef: stringifyEntityRef(props.entity) }).then(
      ancestry => current && setState({ ancestry }),
      (error: Error) => current && setState({ error }),
    );
    return () => {
      current = false;
    };
  }, [catalogApi, props.entity]);

  if (state.error) {
    return (
      <Alert severity="warning">
        {t('inspect.ancestryError', { message: state.error.message })}
      </Alert>
    );
  }
  if (!state.ancestry) return <Progress />;
  return (
    <ul>
      {state.ancestry.items.map(item => {
        const ref = stringifyEntityRef(item.entity);
        return (
          <li key={ref}>
            <EntityRefLink entityRef={item.entity} />
            {item.parentEntityRefs.length > 0 && (
              <Typography component="span" color="text.secondary">
                {' '}
                ({t('inspect.ancestryParents')} {item.parentEntityRefs.join(', ')})
              </Typography>
            )}
          </li>
        );
      })}
    </ul>
  );
}
