import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import type { NavItemExtension, PageExtension } from '@greenroom/frontend-plugin-api';
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { coreTranslationRef } from '../i18n/coreTranslationRef';
import { AppRoutes } from './AppRoutes';
import { MobileNav } from './MobileNav';
import { Sidebar } from './Sidebar';

/** The signed-in layout: sidebar (a drawer on narrow screens) and the routed page. */
export function AppShell(props: {
  pages: readonly PageExtension[];
  navItems: readonly NavItemExtension[];
}) {
  const { t } = useTranslationRef(coreTranslationRef);
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('md'), { noSsr: true });

  return (
    <Box sx={{ display: 'flex', flexDirection: narrow ? 'column' : 'row', minHeight: '100vh' }}>
      <Box
        component="a"
        href="#main-content"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 'tooltip',
          p: 1,
          bgcolor: 'background.paper',
          '&:focus': { top: 8 },
        }}
      >
        {t('nav.skipToContent')}
      </Box>
      {narrow ? <MobileNav items={props.navItems} /> : <Sidebar items={props.navItems} />}
      <Box
        component="main"
        id="main-content"
        tabIndex={-1}
        sx={{ flex: '1 1 auto', minWidth: 0, outline: 'none' }}
      >
        <AppRoutes pages={props.pages} />
      </Box>
    </Box>
  );
}
