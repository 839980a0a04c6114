import { createApiRef } from '../ApiRef';

/** The languages the app speaks and the one in use. */
export interface AppLanguageApi {
  getAvailableLanguages(): { languages: string[] };
  getLanguage(): { language: string };
  /** Switches and remembers the language; undefined goes back to the browser's preference. */
  setLanguage(language?: string): void;
  subscribe(listener: () => void): () => void;
}

export const appLanguageApiRef = createApiRef<AppLanguageApi>({ id: 'core.app-language' });
