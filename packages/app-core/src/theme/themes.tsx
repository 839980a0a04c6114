import type { AppTheme } from '@greenroom/frontend-plugin-api';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider, createTheme } from '@mui/material/styles';
import type { Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';

/** An AppTheme from an MUI theme: applies it, with the baseline styles, below it. */
export function createMuiAppTheme(options: { id: string; title: string; theme: Theme }): AppTheme {
  const { id, title, theme } = options;
  return {
    id,
    title,
    variant: theme.palette.mode,
    Provider: ({ children }: { children: ReactNode }) => (
      <ThemeProvider theme={theme}>
        <CssBaseline enableColorScheme />
        {children}
      </ThemeProvider>
    ),
  };
}

const shared = {
  shape: { borderRadius: 8 },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
};

export const lightTheme = createMuiAppTheme({
  id: 'light',
  title: 'Light',
  theme: createTheme({
    ...shared,
    palette: { mode: 'light', primary: { main: '#1f6f4a' }, background: { default: '#f6f7f6' } },
  }),
});

export const darkTheme = createMuiAppTheme({
  id: 'dark',
  title: 'Dark',
  theme: createTheme({
    ...shared,
    palette: { mode: 'dark', primary: { main: '#6fcf97' }, background: { default: '#111413' } },
  }),
});
