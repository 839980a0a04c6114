import { createTranslationRef } from '@greenroom/frontend-plugin-api';
import { catalogImportMessages } from './messages';

export const catalogImportTranslationRef = createTranslationRef({
  id: 'catalog-import',
  messages: catalogImportMessages,
  translations: { de: () => import('./de').then(m => m.catalogImportMessagesDe) },
});
