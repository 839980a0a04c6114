import { useRouteRef, useTranslationRef } from '@greenroom/frontend-plugin-api';
import { EntityProvider } from '@greenroom/plugin-catalog-react';
import { Content, EmptyState, ErrorPanel, Header, Page, Progress } from '@greenroom/ui';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { ReactNode } from 'react';
import { Link as RouterLink, Route, Routes, useLocation, useParams } from 'react-router';
import { rootRouteRef } from '../../routes';
import { catalogTranslationRef } from '../../translation/catalogTranslationRef';
import { ApiContent } from './api/ApiContent';
import { ApiDefinitionCard } from './api/ApiDefinitionCard';
import { DependenciesContent } from './dependencies/DependenciesContent';
import { EntityWarnings } from './EntityWarnings';
import { TAB_PATHS, tabsForKind } from './entityTabs';
import type { EntityTab } from './entityTabs';
import { EntityHeader } from './header/EntityHeader';
import { OverviewContent } from './overview/OverviewContent';
import { useEntityByRef } from './useEntityByRef';

const TAB_CONTENT: Record<EntityTab, () => ReactNode> = {
  overview: () => <OverviewContent />,
  api: () => <ApiContent />,
  definition: () => <ApiDefinitionCard />,
  dependencies: () => <DependenciesContent />,
};

/** `/catalog/:namespace/:kind/:name/*`: the header, warnings, and the kind's tabs. */
export function EntityPage() {
  const { t } = useTranslationRef(catalogTranslationRef);
  const params = useParams();
  const ref = {
    kind: params.kind ?? '',
    namespace: params.namespace ?? '',
    name: params.name ?? '',
  };
  const { entity, loading, error, refresh } = useEntityByRef(ref);
  const catalogRoot = useRouteRef(rootRouteRef);
  const { pathname } = useLocation();

  if (loading && !entity) {
    return (
      <Page>
        <Progress />
      </Page>
    );
  }
  if (error && !entity) {
    return (
      <Page>
        <Header title={ref.name} />
        <Content>
          <ErrorPanel title={t('entity.loadError')} error={error} onRetry={refresh} />
        </Content>
      </Page>
    );
  }
  if (!entity) {
    return (
      <Page>
        <Header title={t('entity.notFoundTitle')} />
        <Content>
          <EmptyState
            title={t('entity.notFoundTitle')}
            description={t('entity.notFoundDescription', ref)}
            action={
              <Button variant="outlined" component={RouterLink} to={catalogRoot()}>
                {t('entity.backToCatalog')}
              </Button>
            }
          />
        </Content>
      </Page>
    );
  }

  // The entity's own URL, without a trailing tab segment, so tab links work from any tab.
  const tabs = tabsForKind(entity.kind);
  const base = pathname.replace(/\/+$/, '');
  const current =
    tabs.find(tab => TAB_PATHS[tab] && base.endsWith(`/${TAB_PATHS[tab]}`)) ?? 'overview';
  const root = current === 'overview' ? base : base.slice(0, -(TAB_PATHS[current].length + 1));
  const tabLabels: Record<EntityTab, string> = {
    overview: t('entity.tabs.overview'),
    dependencies: t('entity.tabs.dependencies'),
    api: t('entity.tabs.api'),
    definition: t('entity.tabs.definition'),
  };

  return (
    <EntityProvider entity={entity} loading={loading} error={error} refresh={refresh}>
      <Page>
        <EntityHeader entity={entity} onRefreshed={refresh} />
        {tabs.length > 1 && (
          <Box
            component="nav"
            aria-label={t('entity.tabsLabel')}
            sx={{ borderBottom: 1, borderColor: 'divider', px: { xs: 1, sm: 2 } }}
          >
            <Tabs value={current} variant="scrollable">
              {tabs.map(tab => (
                <Tab
                  key={tab}
                  value={tab}
                  label={tabLabels[tab]}
                  component={RouterLink}
                  to={TAB_PATHS[tab] ? `${root}/${TAB_PATHS[tab]}` : root}
                />
              ))}
            </Tabs>
          </Box>
        )}
        <Content>
          <EntityWarnings />
          <Routes>
            {tabs.map(tab => (
              <Route
                key={tab}
                path={TAB_PATHS[tab] ? TAB_PATHS[tab] : undefined}
                index={!TAB_PATHS[tab]}
                element={TAB_CONTENT[tab]()}
              />
            ))}
            <Route path="*" element={TAB_CONTENT.overview()} />
          </Routes>
        </Content>
      </Page>
    </EntityProvider>
  );
}
