import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { coreTranslationRef } from '../../i18n/coreTranslationRef';

/** One way to sign in: what it is and a button for it. */
export function ProviderCard(props: { providerId: string; busy: boolean; onSignIn(): void }) {
  const { providerId, busy, onSignIn } = props;
  const { t } = useTranslationRef(coreTranslationRef);
  const text =
    providerId === 'guest'
      ? {
          title: t('signIn.guest.title'),
          description: t('signIn.guest.description'),
          action: t('signIn.guest.action'),
        }
      : providerId === 'oidc'
        ? {
            title: t('signIn.oidc.title'),
            description: t('signIn.oidc.description'),
            action: t('signIn.provider.action'),
          }
        : {
            title: providerId,
            description: t('signIn.provider.description', { provider: providerId }),
            action: t('signIn.provider.action'),
          };

  return (
    <Card variant="outlined" component="li" sx={{ listStyle: 'none' }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {text.title}
        </Typography>
        <Typography color="text.secondary">{text.description}</Typography>
      </CardContent>
      <CardActions>
        <Button variant="contained" onClick={onSignIn} disabled={busy} data-provider={providerId}>
          {text.action}
        </Button>
      </CardActions>
    </Card>
  );
}
