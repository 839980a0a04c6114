import { appThemeApiRef, useApi, useTranslationRef } from '@greenroom/frontend-plugin-api';
import FormControl from '@mui/material/FormControl';
import FormLabel from '@mui/material/FormLabel';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useSyncExternalStore } from 'react';
import { coreTranslationRef } from '../../i18n/coreTranslationRef';

const AUTO = 'auto';

/** Light, dark (or any installed theme) or auto, which follows the system. */
export function ThemeSwitcher() {
  const { t } = useTranslationRef(coreTranslationRef);
  const themeApi = useApi(appThemeApiRef);
  const active = useSyncExternalStore(
    listener => themeApi.subscribe(listener),
    () => themeApi.getActiveThemeId() ?? AUTO,
  );
  const titleOf = (id: string, fallback: string) =>
    id === 'light'
      ? t('settings.appearance.light')
      : id === 'dark'
        ? t('settings.appearance.dark')
        : fallback;

  return (
    <FormControl>
      <FormLabel id="theme-switcher-label" sx={{ mb: 1 }}>
        {t('settings.appearance.theme')}
      </FormLabel>
      <ToggleButtonGroup
        exclusive
        value={active}
        aria-labelledby="theme-switcher-label"
        onChange={(_, value: string | null) => {
          if (value !== null) themeApi.setActiveThemeId(value === AUTO ? undefined : value);
        }}
      >
        {themeApi.getInstalledThemes().map(theme => (
          <ToggleButton key={theme.id} value={theme.id}>
            {titleOf(theme.id, theme.title)}
          </ToggleButton>
        ))}
        <ToggleButton value={AUTO}>{t('settings.appearance.auto')}</ToggleButton>
      </ToggleButtonGroup>
    </FormControl>
  );
}
