import type { AppTheme, AppThemeApi, StorageApi } from '@greenroom/frontend-plugin-api';

const KEY = 'activeThemeId';

/** The user's theme choice, kept in storage; unset (or unknown) means "follow the system". */
export class AppThemeSelector implements AppThemeApi {
  constructor(
    private readonly themes: readonly AppTheme[],
    private readonly storage: StorageApi,
  ) {}

  getInstalledThemes(): AppTheme[] {
    return [...this.themes];
  }

  getActiveThemeId(): string | undefined {
    const id = this.storage.get<string>(KEY);
    return this.themes.some(theme => theme.id === id) ? id : undefined;
  }

  setActiveThemeId(id?: string): void {
    if (id === undefined) this.storage.remove(KEY);
    else if (this.themes.some(theme => theme.id === id)) this.storage.set(KEY, id);
    else throw new Error(`Unknown theme '${id}'`);
  }

  subscribe(listener: () => void): () => void {
    return this.storage.subscribe(KEY, listener);
  }
}
