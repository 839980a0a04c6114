import i18next from 'i18next';
import type { InitOptions, i18n as I18n } from 'i18next';

/** The i18next options every Greenroom instance shares: flat dotted keys, React escapes. */
export const baseI18nOptions: InitOptions = {
  fallbackLng: 'en',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  resources: {},
  // Re-render translated components when a lazily loaded translation arrives.
  react: { useSuspense: false, bindI18n: 'languageChanged', bindI18nStore: 'added' },
};

let fallback: I18n | undefined;

/** English only, for components rendered outside an app (tests, storybooks). */
export function getFallbackI18n(): I18n {
  if (!fallback) {
    fallback = i18next.createInstance({ ...baseI18nOptions, lng: 'en' });
    void fallback.init();
  }
  return fallback;
}
