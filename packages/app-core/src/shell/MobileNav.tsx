import { configApiRef, useApi, useTranslationRef } from '@greenroom/frontend-plugin-api';
import type { NavItemExtension } from '@greenroom/frontend-plugin-api';
import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { coreTranslationRef } from '../i18n/coreTranslationRef';
import { NavItemList } from './NavItemList';

/** Narrow screens: a top bar with the app title and a menu button opening the sidebar as a drawer. */
export function MobileNav(props: { items: readonly NavItemExtension[] }) {
  const { t } = useTranslationRef(coreTranslationRef);
  const appTitle = useApi(configApiRef).getOptionalString('app.title');
  const [open, setOpen] = useState(false);

  return (
    <>
      <AppBar
        position="sticky"
        color="default"
        elevation={0}
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        <Toolbar>
          <IconButton
            edge="start"
            onClick={() => setOpen(true)}
            aria-label={t('nav.openMenu')}
            aria-expanded={open}
            aria-controls="greenroom-mobile-nav"
          >
            <MenuIcon />
          </IconButton>
          {appTitle && (
            <Typography variant="h6" component="p" sx={{ ml: 1 }} noWrap>
              {appTitle}
            </Typography>
          )}
        </Toolbar>
      </AppBar>
      <Drawer open={open} onClose={() => setOpen(false)}>
        <Box
          component="nav"
          id="greenroom-mobile-nav"
          aria-label={t('nav.label')}
          sx={{ width: 260 }}
        >
          <NavItemList items={props.items} collapsed={false} onNavigate={() => setOpen(false)} />
        </Box>
      </Drawer>
    </>
  );
}
