import type { ComponentType, ReactNode } from 'react';
import { createApiRef } from '../ApiRef';

/** A theme the app can switch to. */
export interface AppTheme {
  id: string;
  /** Shown in the theme switcher when the app has no translation for `id`. */
  title: string;
  variant: 'light' | 'dark';
  /** Applies the theme to everything below it. */
  Provider: ComponentType<{ children: ReactNode }>;
}

/** The installed themes and the one the user chose (undefined: follow the system). */
export interface AppThemeApi {
  getInstalledThemes(): AppTheme[];
  getActiveThemeId(): string | undefined;
  setActiveThemeId(id?: string): void;
  subscribe(listener: () => void): () => void;
}

export const appThemeApiRef = createApiRef<AppThemeApi>({ id: 'core.app-theme' });
