import {
  configApiRef,
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@greenroom/frontend-plugin-api';
import { Content, Header, InfoCard, Page } from '@greenroom/ui';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { coreTranslationRef } from '../../i18n/coreTranslationRef';
import { browseCatalogRouteRef, createComponentRouteRef, readDocsRouteRef } from './routes';

export function HomePage() {
  const { t } = useTranslationRef(coreTranslationRef);
  const appTitle = useApi(configApiRef).getOptionalString('app.title') ?? t('app.defaultTitle');
  const organization = useApi(configApiRef).getOptionalString('organization.name');
  const shortcuts = [
    { to: useRouteRef(browseCatalogRouteRef)?.(), label: t('home.browseCatalog') },
    { to: useRouteRef(createComponentRouteRef)?.(), label: t('home.createComponent') },
    { to: useRouteRef(readDocsRouteRef)?.(), label: t('home.readDocs') },
  ].filter((shortcut): shortcut is { to: string; label: string } => shortcut.to !== undefined);

  return (
    <Page>
      <Header title={t('home.title', { appTitle })} subtitle={organization ?? t('home.subtitle')} />
      <Content>
        <InfoCard title={t('home.gettingStarted')}>
          {shortcuts.length > 0 ? (
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {shortcuts.map(shortcut => (
                <Button
                  key={shortcut.label}
                  variant="outlined"
                  component={RouterLink}
                  to={shortcut.to}
                >
                  {shortcut.label}
                </Button>
              ))}
            </Stack>
          ) : (
            <Typography color="text.secondary">{t('home.nothingInstalled')}</Typography>
          )}
        </InfoCard>
      </Content>
    </Page>
  );
}
