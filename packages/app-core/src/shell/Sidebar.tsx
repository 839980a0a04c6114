import { storageApiRef, useApi, useTranslationRef } from '@greenroom/frontend-plugin-api';
import type { NavItemExtension } from '@greenroom/frontend-plugin-api';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import { useMemo, useSyncExternalStore } from 'react';
import { coreTranslationRef } from '../i18n/coreTranslationRef';
import { NavItemList } from './NavItemList';

const COLLAPSED_KEY = 'collapsed';

/** The permanent sidebar of wide screens; collapses to icons, remembered per browser. */
export function Sidebar(props: { items: readonly NavItemExtension[] }) {
  const { t } = useTranslationRef(coreTranslationRef);
  const storage = useApi(storageApiRef);
  const bucket = useMemo(() => storage.forBucket('sidebar'), [storage]);
  const collapsed = useSyncExternalStore(
    listener => bucket.subscribe(COLLAPSED_KEY, listener),
    () => bucket.get<boolean>(COLLAPSED_KEY) === true,
  );

  return (
    <Box
      component="nav"
      aria-label={t('nav.label')}
      sx={{
        width: collapsed ? 72 : 240,
        flexShrink: 0,
        borderRight: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        display: 'flex',
        flexDirection: 'column',
        position: 'sticky',
        top: 0,
        height: '100vh',
        overflowY: 'auto',
        transition: 'width 150ms',
      }}
    >
      <Box sx={{ flex: '1 1 auto' }}>
        <NavItemList items={props.items} collapsed={collapsed} />
      </Box>
      <Box sx={{ p: 1, display: 'flex', justifyContent: collapsed ? 'center' : 'flex-end' }}>
        <IconButton
          onClick={() => bucket.set(COLLAPSED_KEY, !collapsed)}
          aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
          aria-expanded={!collapsed}
        >
          {collapsed ? <ChevronRightIcon /> : <ChevronLeftIcon />}
        </IconButton>
      </Box>
    </Box>
  );
}
