import {
  createNavItemExtension,
  createPlugin,
  createRoutableExtension,
} from '@greenroom/frontend-plugin-api';
import HomeOutlinedIcon from '@mui/icons-material/HomeOutlined';
import { coreTranslationRef } from '../../i18n/coreTranslationRef';
import {
  browseCatalogRouteRef,
  createComponentRouteRef,
  homeRouteRef,
  readDocsRouteRef,
} from './routes';

/** The home page at `/`, with shortcuts to other plugins' pages (`home.<name>` bindings). */
export const homePlugin = createPlugin({
  id: 'home',
  routes: { root: homeRouteRef },
  externalRoutes: {
    createComponent: createComponentRouteRef,
    browseCatalog: browseCatalogRouteRef,
    readDocs: readDocsRouteRef,
  },
  pages: [
    createRoutableExtension({
      name: 'HomePage',
      mountPoint: homeRouteRef,
      path: '/',
      component: () => import('./HomePage').then(m => m.HomePage),
    }),
  ],
  navItems: [
    createNavItemExtension({
      routeRef: homeRouteRef,
      title: { ref: coreTranslationRef, key: 'nav.home' },
      icon: HomeOutlinedIcon,
    }),
  ],
});
