import {
  createNavItemExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
} from '@greenroom/frontend-plugin-api';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import { coreTranslationRef } from '../../i18n/coreTranslationRef';

export const settingsRouteRef = createRouteRef({ id: 'user-settings.root' });

/** The settings page at `/settings`: the user's profile, theme and language. */
export const userSettingsPlugin = createPlugin({
  id: 'user-settings',
  routes: { root: settingsRouteRef },
  pages: [
    createRoutableExtension({
      name: 'SettingsPage',
      mountPoint: settingsRouteRef,
      path: '/settings',
      component: () => import('./SettingsPage').then(m => m.SettingsPage),
    }),
  ],
  navItems: [
    createNavItemExtension({
      routeRef: settingsRouteRef,
      title: { ref: coreTranslationRef, key: 'nav.settings' },
      icon: SettingsOutlinedIcon,
    }),
  ],
});
