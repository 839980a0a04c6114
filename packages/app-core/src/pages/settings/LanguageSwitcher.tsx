import { appLanguageApiRef, useApi, useTranslationRef } from '@greenroom/frontend-plugin-api';
import FormControl from '@mui/material/FormControl';
import FormLabel from '@mui/material/FormLabel';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useSyncExternalStore } from 'react';
import { coreTranslationRef } from '../../i18n/coreTranslationRef';

/** A language's name in that language ("Deutsch"), so users find their own. */
function nativeName(language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

export function LanguageSwitcher() {
  const { t } = useTranslationRef(coreTranslationRef);
  const languageApi = useApi(appLanguageApiRef);
  const language = useSyncExternalStore(
    listener => languageApi.subscribe(listener),
    () => languageApi.getLanguage().language,
  );

  return (
    <FormControl>
      <FormLabel id="language-switcher-label" sx={{ mb: 1 }}>
        {t('settings.appearance.language')}
      </FormLabel>
      <ToggleButtonGroup
        exclusive
        value={language}
        aria-labelledby="language-switcher-label"
        onChange={(_, value: string | null) => value && languageApi.setLanguage(value)}
      >
        {languageApi.getAvailableLanguages().languages.map(code => (
          <ToggleButton key={code} value={code} lang={code}>
            {nativeName(code)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </FormControl>
  );
}
