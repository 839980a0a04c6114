import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';

/** Keeps `<html lang>` in step with the language shown, for screen readers and hyphenation. */
export function useDocumentLanguage(i18n: I18n) {
  useEffect(() => {
    const update = () => {
      document.documentElement.lang = i18n.resolvedLanguage ?? 'en';
    };
    update();
    i18n.on('languageChanged', update);
    return () => i18n.off('languageChanged', update);
  }, [i18n]);
}
