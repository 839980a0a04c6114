import type { i18n as I18n } from 'i18next';
import { resolveTranslationLoader, resolveTranslationLoaderNow } from './resolveTranslationLoader';
import type {
  TranslationLoader,
  TranslationMessages,
  TranslationRef,
  TranslationResource,
} from './types';

const registered = new WeakMap<I18n, Set<string>>();
const loading = new WeakMap<I18n, Map<string, Promise<void>>>();

/**
 * Adds the ref's English messages and its bundled translations to `i18n`, once. Never overwrites:
 * messages the app put there first (its overrides) win.
 */
export function registerTranslationRef(i18n: I18n, ref: TranslationRef<string, unknown>): void {
  let ids = registered.get(i18n);
  if (!ids) registered.set(i18n, (ids = new Set()));
  if (ids.has(ref.id)) return;
  ids.add(ref.id);
  // Silent: this runs while rendering, and listeners must not update other components then.
  i18n.addResourceBundle('en', ref.id, ref.defaultMessages, true, false, { silent: true });
  for (const [language, loader] of Object.entries(ref.translations)) {
    const messages = resolveTranslationLoaderNow(loader);
    if (messages) i18n.addResourceBundle(language, ref.id, messages, true, false, { silent: true });
  }
}

/**
 * Loads the ref's lazily imported translation for `language`, once per i18n instance. A regional
 * language (`de-DE`) falls back to its base (`de`), which i18next consults next.
 */
export function loadRefTranslation(
  i18n: I18n,
  ref: TranslationRef<string, unknown>,
  requested: string,
): Promise<void> {
  const language = [requested, requested.split('-')[0]].find(l => l in ref.translations);
  if (!language) return Promise.resolve();
  const loader = ref.translations[language];
  if (typeof loader !== 'function') return Promise.resolve();
  let pending = loading.get(i18n);
  if (!pending) loading.set(i18n, (pending = new Map()));
  const key = `${language}|${ref.id}`;
  let promise = pending.get(key);
  if (!promise) {
    promise = resolveTranslationLoader(loader).then(messages => {
      i18n.addResourceBundle(language, ref.id, messages, true, false);
    });
    pending.set(key, promise);
  }
  return promise;
}

/**
 * Adds the app's overrides (`createTranslationMessages`: English, they replace the plugin's
 * defaults) and translations (`createTranslationResource`) to `i18n`. Bundled messages are added
 * now; lazily imported ones when `loadLanguage` asks for their language. App messages always
 * overwrite, plugin messages never do, so the app wins whichever arrives first.
 */
export function addAppTranslations(
  i18n: I18n,
  resources: readonly (TranslationMessages<unknown> | TranslationResource<unknown>)[],
): { loadLanguage(language: string): Promise<void> } {
  const lazy: { id: string; language: string; loader: TranslationLoader<unknown> }[] = [];
  for (const resource of resources) {
    if (resource.$$type === '@greenroom/TranslationMessages') {
      i18n.addResourceBundle('en', resource.id, resource.messages, true, true, { silent: true });
      continue;
    }
    for (const [language, loader] of Object.entries(resource.translations)) {
      const messages = resolveTranslationLoaderNow(loader);
      if (messages)
        i18n.addResourceBundle(language, resource.id, messages, true, true, { silent: true });
      else lazy.push({ id: resource.id, language, loader });
    }
  }
  const loaded = new Map<string, Promise<void>>();
  return {
    loadLanguage(language) {
      let promise = loaded.get(language);
      if (!promise) {
        const pending = lazy.filter(entry => entry.language === language);
        promise = Promise.all(
          pending.map(async ({ id, loader }) => {
            i18n.addResourceBundle(
              language,
              id,
              await resolveTranslationLoader(loader),
              true,
              true,
            );
          }),
        ).then(() => undefined);
        loaded.set(language, promise);
      }
      return promise;
    },
  };
}
