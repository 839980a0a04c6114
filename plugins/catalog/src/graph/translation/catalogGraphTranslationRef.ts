import { createTranslationRef } from '@greenroom/frontend-plugin-api';
import { catalogGraphMessages } from './messages';

export const catalogGraphTranslationRef = createTranslationRef({
  id: 'catalog-graph',
  messages: catalogGraphMessages,
  translations: { de: () => import('./de').then(m => m.catalogGraphMessagesDe) },
});
