import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import Box from '@mui/material/Box';
import { catalogGraphTranslationRef } from '../translation/catalogGraphTranslationRef';
import { relationColor } from './relationColors';
import { relationLabel } from './relationLabel';

/** Which color is which relation; the only key to edges when labels are left out. */
export function RelationLegend(props: { types: readonly string[] }) {
  const { t } = useTranslationRef(catalogGraphTranslationRef);
  if (props.types.length === 0) return null;
  return (
    <Box
      component="ul"
      aria-label={t('legend.label')}
      sx={{
        m: 0,
        p: 1,
        listStyle: 'none',
        bgcolor: 'background.paper',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        fontSize: 12,
      }}
    >
      {props.types.map(type => (
        <Box component="li" key={type} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Box
            component="span"
            aria-hidden
            sx={{ width: 16, height: 3, borderRadius: 1, bgcolor: relationColor(type) }}
          />
          {relationLabel(t, type)}
        </Box>
      ))}
    </Box>
  );
}
