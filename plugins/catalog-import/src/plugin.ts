import {
  createNavItemExtension,
  createPlugin,
  createRoutableExtension,
} from '@greenroom/frontend-plugin-api';
import LibraryAddOutlinedIcon from '@mui/icons-material/LibraryAddOutlined';
import { importPageRouteRef } from './routes';
import { catalogImportTranslationRef } from './translation/catalogImportTranslationRef';

/**
 * Registers existing catalog-info.yaml files. Uses `catalogApiRef`, which the catalog plugin
 * provides.
 */
export const catalogImportPlugin = createPlugin({
  id: 'catalog-import',
  routes: { importPage: importPageRouteRef },
  pages: [
    createRoutableExtension({
      name: 'CatalogImportPage',
      mountPoint: importPageRouteRef,
      path: '/catalog-import',
      component: () => import('./components/ImportPage').then(m => m.ImportPage),
    }),
  ],
  navItems: [
    createNavItemExtension({
      routeRef: importPageRouteRef,
      title: { ref: catalogImportTranslationRef, key: 'nav.title' },
      icon: LibraryAddOutlinedIcon,
    }),
  ],
});
