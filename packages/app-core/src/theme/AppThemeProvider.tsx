import { appThemeApiRef, useApi } from '@greenroom/frontend-plugin-api';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useEffect, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';

/** Applies the chosen theme, or on "auto" the installed theme matching the system's preference. */
export function AppThemeProvider(props: { children: ReactNode }) {
  const themeApi = useApi(appThemeApiRef);
  const activeId = useSyncExternalStore(
    listener => themeApi.subscribe(listener),
    () => themeApi.getActiveThemeId(),
  );
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const themes = themeApi.getInstalledThemes();
  const theme =
    themes.find(candidate => candidate.id === activeId) ??
    themes.find(candidate => candidate.variant === (prefersDark ? 'dark' : 'light')) ??
    themes[0];

  useEffect(() => {
    // Lets tests and custom CSS see which theme is on without reading colours.
    document.documentElement.dataset.theme = theme?.id;
  }, [theme?.id]);

  if (!theme) return <>{props.children}</>;
  return <theme.Provider>{props.children}</theme.Provider>;
}
