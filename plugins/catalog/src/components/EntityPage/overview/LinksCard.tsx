import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { useEntity } from '@greenroom/plugin-catalog-react';
import { InfoCard, Link } from '@greenroom/ui';
import Typography from '@mui/material/Typography';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';

/** The entity's `metadata.links`. */
export function LinksCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(catalogTranslationRef);
  const links = (entity.metadata.links ?? []).filter(link => typeof link?.url === 'string');
  return (
    <InfoCard title={t('links.title')}>
      {links.length === 0 ? (
        <Typography color="text.secondary">{t('links.none')}</Typography>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {links.map(link => (
            <li key={`${link.url}-${link.title ?? ''}`}>
              <Link to={link.url}>{link.title || link.url}</Link>
            </li>
          ))}
        </ul>
      )}
    </InfoCard>
  );
}
