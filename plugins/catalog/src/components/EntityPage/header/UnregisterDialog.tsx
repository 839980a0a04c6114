import { ANNOTATION_ORIGIN_LOCATION, stringifyEntityRef } from '@greenroom/catalog-model';
import type { Entity } from '@greenroom/catalog-model';
import { useApi, useRouteRef, useTranslationRef } from '@greenroom/frontend-plugin-api';
import { catalogApiRef, humanizeEntityRef } from '@greenroom/plugin-catalog-react';
import type { CatalogLocation } from '@greenroom/plugin-catalog-react';
import { Progress } from '@greenroom/ui';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { rootRouteRef } from '../../../routes';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';

const SHOWN_COLOCATED = 10;

type Plan =
  | { kind: 'loading' }
  | { kind: 'location'; location: CatalogLocation; colocated: string[]; total: number }
  | { kind: 'delete' }
  | { kind: 'failed'; error: Error };

/**
 * Asks before removing: an entity from a registered location is removed by unregistering that
 * location (with everything it produced); any other entity by deleting it by uid.
 */
export function UnregisterDialog(props: { open: boolean; entity: Entity; onClose: () => void }) {
  const { open, entity, onClose } = props;
  const { t } = useTranslationRef(catalogTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const catalogRoot = useRouteRef(rootRouteRef);
  const navigate = useNavigate();
  const titleId = useId();
  const [plan, setPlan] = useState<Plan>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  useEffect(() => {
    if (!open) return undefined;
    let current = true;
    setPlan({ kind: 'loading' });
    setError(undefined);
    (async (): Promise<Plan> => {
      const location = await catalogApi.getLocationByEntity(stringifyEntityRef(entity));
      if (!location) return { kind: 'delete' };
      const origin = entity.metadata.annotations?.[ANNOTATION_ORIGIN_LOCATION];
      if (!origin) return { kind: 'location', location, colocated: [], total: 0 };
      const page = await catalogApi.queryEntities({
        filter: { [`metadata.annotations.${ANNOTATION_ORIGIN_LOCATION}`]: origin },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
        limit: SHOWN_COLOCATED,
      });
      return {
        kind: 'location',
        location,
        colocated: page.items.map(item => humanizeEntityRef(item)),
        total: page.totalItems,
      };
    })().then(
      next => current && setPlan(next),
      (failure: Error) => current && setPlan({ kind: 'failed', error: failure }),
    );
    return () => {
      current = false;
    };
  }, [open, catalogApi, entity]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onClose();
      navigate(catalogRoot());
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };
  const deleteEntity = () =>
    run(async () => {
      if (entity.metadata.uid) await catalogApi.removeEntityByUid(entity.metadata.uid);
    });

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('unregister.title')}</DialogTitle>
      <DialogContent>
        {plan.kind === 'loading' && (
          <>
            <Typography gutterBottom>{t('unregister.loading')}</Typography>
            <Progress />
          </>
        )}
        {plan.kind === 'location' && (
          <>
            <Typography gutterBottom sx={{ overflowWrap: 'anywhere' }}>
              {t('unregister.locationIntro', { target: plan.location.target })}
            </Typography>
            <Typography gutterBottom>
              {t('unregister.locationEffect', { count: plan.total })}
            </Typography>
            <ul>
              {plan.colocated.map(ref => (
                <li key={ref}>{ref}</li>
              ))}
            </ul>
          </>
        )}
        {plan.kind === 'delete' && <Typography>{t('unregister.deleteIntro')}</Typography>}
        {plan.kind === 'failed' && (
          <Alert severity="error">{t('unregister.failed', { message: plan.error.message })}</Alert>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {t('unregister.failed', { message: error.message })}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('unregister.cancel')}
        </Button>
        {plan.kind === 'location' && (
          <>
            <Button color="error" onClick={deleteEntity} disabled={busy}>
              {t('unregister.deleteInstead')}
            </Button>
            <Button
              color="error"
              variant="contained"
              disabled={busy}
              onClick={() => run(() => catalogApi.removeLocationById(plan.location.id))}
            >
              {t('unregister.unregisterLocation')}
            </Button>
          </>
        )}
        {(plan.kind === 'delete' || plan.kind === 'failed') && (
          <Button color="error" variant="contained" onClick={deleteEntity} disabled={busy}>
            {t('unregister.deleteEntity')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
