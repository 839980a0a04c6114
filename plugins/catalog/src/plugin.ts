import {
  createNavItemExtension,
  createPlugin,
  createRoutableExtension,
} from '@greenroom/frontend-plugin-api';
import { catalogApiFactory, entityRouteRef } from '@greenroom/plugin-catalog-react';
import CategoryOutlinedIcon from '@mui/icons-material/CategoryOutlined';
import {
  createComponentRouteRef,
  createFromTemplateRouteRef,
  rootRouteRef,
  viewTechDocRouteRef,
} from './routes';
import { catalogTranslationRef } from './translation/catalogTranslationRef';

/** The software catalog: the index at `/catalog` and entity pages below it. */
export const catalogPlugin = createPlugin({
  id: 'catalog',
  routes: { root: rootRouteRef, catalogEntity: entityRouteRef },
  externalRoutes: {
    createComponent: createComponentRouteRef,
    viewTechDoc: viewTechDocRouteRef,
    createFromTemplate: createFromTemplateRouteRef,
  },
  apis: [catalogApiFactory],
  pages: [
    createRoutableExtension({
      name: 'CatalogIndexPage',
      mountPoint: rootRouteRef,
      path: '/catalog',
      component: () =>
        import('./components/CatalogIndexPage/CatalogIndexPage').then(m => m.CatalogIndexPage),
    }),
    createRoutableExtension({
      name: 'CatalogEntityPage',
      mountPoint: entityRouteRef,
      path: '/catalog/:namespace/:kind/:name',
      component: () => import('./components/EntityPage/EntityPage').then(m => m.EntityPage),
    }),
  ],
  navItems: [
    createNavItemExtension({
      routeRef: rootRouteRef,
      title: { ref: catalogTranslationRef, key: 'nav.catalog' },
      icon: CategoryOutlinedIcon,
    }),
  ],
});
