import { createTranslationRef } from '@greenroom/frontend-plugin-api';
import { uiMessagesDe } from './de';
import { uiMessages } from './messages';

export const uiTranslationRef = createTranslationRef({
  id: 'ui',
  messages: uiMessages,
  translations: { de: uiMessagesDe },
});
