import { createTranslationRef } from '@greenroom/frontend-plugin-api';
import { catalogMessages } from './messages';

export const catalogTranslationRef = createTranslationRef({
  id: 'catalog',
  messages: catalogMessages,
  // German is loaded when used, so it stays out of the main bundle.
  translations: { de: () => import('./de').then(m => m.catalogMessagesDe) },
});
