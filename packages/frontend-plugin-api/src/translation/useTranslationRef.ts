import { useContext, useEffect, useMemo } from 'react';
import { I18nContext, useTranslation } from 'react-i18next';
import { getFallbackI18n } from './fallbackI18n';
import { loadRefTranslation, registerTranslationRef } from './i18nRegistration';
import type { TranslationFunction, TranslationRef } from './types';

/** `{ t }` for the ref's messages in the current language, falling back to English per key. */
export function useTranslationRef<M>(ref: TranslationRef<string, M>): {
  t: TranslationFunction<M>;
} {
  const context = useContext(I18nContext);
  const i18n = context?.i18n ?? getFallbackI18n();
  registerTranslationRef(i18n, ref);
  const options = useMemo(() => ({ i18n }), [i18n]);
  const { t } = useTranslation(ref.id, options);
  const language = i18n.resolvedLanguage ?? i18n.language;

  useEffect(() => {
    if (!language) return;
    loadRefTranslation(i18n, ref, language).catch((error: unknown) => {
      // English stays on screen; the console says why the translation is missing.
      console.warn(`Could not load '${language}' messages of '${ref.id}':`, error);
    });
  }, [i18n, ref, language]);

  return useMemo(() => {
    const translate = (key: string, params?: Record<string, string | number>) =>
      t(key, params ?? {});
    return { t: translate as TranslationFunction<M> };
  }, [t]);
}
