import type { AppLanguageApi, StorageApi } from '@greenroom/frontend-plugin-api';
import type { i18n as I18n } from 'i18next';
import { LANGUAGE_STORAGE_KEY } from './createAppI18n';

/** Switches the i18next language and remembers the choice in storage. */
export class AppLanguageSelector implements AppLanguageApi {
  constructor(
    private readonly i18n: I18n,
    private readonly languages: readonly string[],
    private readonly storage: StorageApi,
  ) {}

  getAvailableLanguages() {
    return { languages: [...this.languages] };
  }

  getLanguage() {
    return { language: this.i18n.resolvedLanguage ?? this.i18n.language ?? 'en' };
  }

  setLanguage(language?: string): void {
    if (language !== undefined && !this.languages.includes(language)) {
      throw new Error(
        `Unsupported language '${language}': available are ${this.languages.join(', ')}`,
      );
    }
    if (language === undefined) this.storage.remove(LANGUAGE_STORAGE_KEY);
    else this.storage.set(LANGUAGE_STORAGE_KEY, language);
    void this.i18n.changeLanguage(language);
  }

  subscribe(listener: () => void): () => void {
    this.i18n.on('languageChanged', listener);
    return () => this.i18n.off('languageChanged', listener);
  }
}
