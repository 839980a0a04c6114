import { createTranslationRef } from '@greenroom/frontend-plugin-api';
import { coreMessagesDe } from './de';
import { coreMessages } from './messages';

export const coreTranslationRef = createTranslationRef({
  id: 'core',
  messages: coreMessages,
  translations: { de: coreMessagesDe },
});
