import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { InfoCard } from '@greenroom/ui';
import Box from '@mui/material/Box';
import { coreTranslationRef } from '../../i18n/coreTranslationRef';
import { LanguageSwitcher } from './LanguageSwitcher';
import { ThemeSwitcher } from './ThemeSwitcher';

export function AppearanceCard() {
  const { t } = useTranslationRef(coreTranslationRef);
  return (
    <InfoCard title={t('settings.appearance.title')}>
      <Box sx={{ display: 'grid', gap: 3 }}>
        <ThemeSwitcher />
        <LanguageSwitcher />
      </Box>
    </InfoCard>
  );
}
