import { flattenMessages } from './flattenMessages';
import type { NestedMessages, TranslationLoader, TranslationRef } from './types';

const REF_ID = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

/**
 * The English messages of a plugin, with typed keys for `useTranslationRef`. `translations`
 * ships other languages with the plugin, e.g. `{ de: () => import('./de') }`.
 */
export function createTranslationRef<
  const Id extends string,
  const M extends NestedMessages,
>(options: {
  id: Id;
  messages: M;
  translations?: Record<string, TranslationLoader<M>>;
}): TranslationRef<Id, M> {
  if (!REF_ID.test(options.id)) {
    throw new Error(`Invalid translation ref id '${options.id}': use lowercase words and dashes`);
  }
  return {
    $$type: '@greenroom/TranslationRef',
    id: options.id,
    defaultMessages: flattenMessages(options.messages),
    translations: { ...options.translations },
  };
}
