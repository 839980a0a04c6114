import type { TranslationMessages, TranslationMessagesInput, TranslationRef } from './types';

/**
 * Messages for `ref`. Given to `createApp` they override the English defaults; exported from a
 * translation module they are that language's messages.
 */
export function createTranslationMessages<M>(options: {
  ref: TranslationRef<string, M>;
  messages: TranslationMessagesInput<M>;
}): TranslationMessages<M> {
  const messages: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.messages)) {
    if (!(key in options.ref.defaultMessages)) {
      throw new Error(`Unknown message key '${key}' for translation ref '${options.ref.id}'`);
    }
    if (typeof value === 'string') messages[key] = value;
  }
  return { $$type: '@greenroom/TranslationMessages', id: options.ref.id, messages };
}
