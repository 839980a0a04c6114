import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { Content, Header, Page } from '@greenroom/ui';
import Box from '@mui/material/Box';
import { coreTranslationRef } from '../../i18n/coreTranslationRef';
import { AppearanceCard } from './AppearanceCard';
import { ProfileCard } from './ProfileCard';

export function SettingsPage() {
  const { t } = useTranslationRef(coreTranslationRef);
  return (
    <Page>
      <Header title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Content>
        <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
          <ProfileCard />
          <AppearanceCard />
        </Box>
      </Content>
    </Page>
  );
}
