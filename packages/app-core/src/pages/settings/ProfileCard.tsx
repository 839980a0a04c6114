import {
  errorApiRef,
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@greenroom/frontend-plugin-api';
import type { BackstageUserIdentity, ProfileInfo } from '@greenroom/frontend-plugin-api';
import { InfoCard, Progress } from '@greenroom/ui';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { coreTranslationRef } from '../../i18n/coreTranslationRef';

/** Who is signed in, as the backend's token says, and the sign-out button. */
export function ProfileCard() {
  const { t } = useTranslationRef(coreTranslationRef);
  const identityApi = useApi(identityApiRef);
  const errorApi = useApi(errorApiRef);
  const [user, setUser] = useState<{ identity: BackstageUserIdentity; profile: ProfileInfo }>();

  useEffect(() => {
    let active = true;
    Promise.all([identityApi.getBackstageIdentity(), identityApi.getProfileInfo()]).then(
      ([identity, profile]) => active && setUser({ identity, profile }),
      error => errorApi.post(error),
    );
    return () => {
      active = false;
    };
  }, [identityApi, errorApi]);

  const signOut = () =>
    identityApi.signOut().catch((error: Error) =>
      errorApi.post({
        name: error.name,
        message: t('settings.profile.signOutFailed', { message: error.message }),
      }),
    );

  return (
    <InfoCard
      title={t('settings.profile.title')}
      actions={
        <Button variant="outlined" onClick={signOut}>
          {t('settings.profile.signOut')}
        </Button>
      }
    >
      {!user ? (
        <Progress />
      ) : (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', minWidth: 0 }}>
          <Avatar src={user.profile.picture} alt="">
            {(user.profile.displayName ?? user.identity.userEntityRef).slice(0, 1).toUpperCase()}
          </Avatar>
          <Box sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {user.profile.displayName && (
              <Typography variant="h6" component="p" data-testid="profile-name">
                {user.profile.displayName}
              </Typography>
            )}
            <Typography color="text.secondary">
              {t('settings.profile.signedInAs')}{' '}
              <Box component="code" data-testid="profile-entity-ref">
                {user.identity.userEntityRef}
              </Box>
            </Typography>
            {user.profile.email && (
              <Typography color="text.secondary">
                {t('settings.profile.email')}: {user.profile.email}
              </Typography>
            )}
            <Typography color="text.secondary">
              {t('settings.profile.ownership')}: {user.identity.ownershipEntityRefs.join(', ')}
            </Typography>
          </Box>
        </Box>
      )}
    </InfoCard>
  );
}
