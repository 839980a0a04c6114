import { createRouteRef } from '@greenroom/frontend-plugin-api';

/** `/catalog-import`; bound as `catalog-import.importPage` (scaffolder links here by default). */
export const importPageRouteRef = createRouteRef({ id: 'catalog-import.importPage' });
