import type { TranslationLoader, TranslationRef, TranslationResource } from './types';

/** Translations of `ref` into other languages, given by the app: `{ fr: () => import('./fr') }`. */
export function createTranslationResource<M>(options: {
  ref: TranslationRef<string, M>;
  translations: Record<string, TranslationLoader<M>>;
}): TranslationResource<M> {
  return {
    $$type: '@greenroom/TranslationResource',
    id: options.ref.id,
    translations: { ...options.translations },
  };
}
