import { addAppTranslations, baseI18nOptions } from '@greenroom/frontend-plugin-api';
import type {
  StorageApi,
  TranslationMessages,
  TranslationResource,
} from '@greenroom/frontend-plugin-api';
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';

/** How the app speaks: its languages and the messages it overrides or adds. */
export interface AppTranslationOptions {
  /** Languages offered in Settings. Default: English and German. */
  availableLanguages?: string[];
  /** Used when the browser asks for none of the available ones. Default: `en`. */
  defaultLanguage?: string;
  /** `createTranslationMessages` (English overrides) and `createTranslationResource` (other languages). */
  resources?: readonly (TranslationMessages<unknown> | TranslationResource<unknown>)[];
}

export const LANGUAGE_STORAGE_KEY = 'language';

/**
 * An i18next instance for the app: the language the user chose (kept in storage), else the
 * browser's, else the default; English behind every missing message.
 */
export function createAppI18n(options: {
  storage: StorageApi;
  translations?: AppTranslationOptions;
}): { i18n: I18n; languages: string[]; loadLanguage(language: string): Promise<void> } {
  const languages = options.translations?.availableLanguages ?? ['en', 'de'];
  if (!languages.includes('en')) languages.unshift('en');
  const detector = new LanguageDetector();
  detector.addDetector({
    name: 'greenroomStorage',
    lookup: () => options.storage.get<string>(LANGUAGE_STORAGE_KEY),
  });

  const i18n = i18next.createInstance();
  i18n.use(detector);
  void i18n.init({
    ...baseI18nOptions,
    supportedLngs: languages,
    // The first is the language when the browser asks for none we have; English backs every
    // missing message, being the language every message exists in.
    fallbackLng: [...new Set([options.translations?.defaultLanguage ?? 'en', 'en'])],
    load: 'languageOnly',
    // Only an explicit choice in Settings is stored; detection follows the browser.
    detection: { order: ['greenroomStorage', 'navigator'], caches: [] },
  });

  const app = addAppTranslations(i18n, options.translations?.resources ?? []);
  const load = (language: string | undefined) => {
    if (language) app.loadLanguage(language).catch(error => console.warn(error));
  };
  load(i18n.resolvedLanguage);
  i18n.on('languageChanged', () => load(i18n.resolvedLanguage));
  return { i18n, languages, loadLanguage: app.loadLanguage };
}
