import { configApiRef, useApiHolder, useTranslationRef } from '@greenroom/frontend-plugin-api';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { uiTranslationRef } from '../../translation/uiTranslationRef';

/** The page title (the page's only h1, also the browser tab's title), a subtitle and actions. */
export function Header(props: { title: string; subtitle?: ReactNode; children?: ReactNode }) {
  const { title, subtitle, children } = props;
  const { t } = useTranslationRef(uiTranslationRef);
  const appTitle = useApiHolder()?.get(configApiRef)?.getOptionalString('app.title');

  useEffect(() => {
    document.title = appTitle ? t('header.documentTitle', { title, appTitle }) : title;
  }, [t, title, appTitle]);

  return (
    <Box
      component="header"
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: 2,
        px: { xs: 2, sm: 3 },
        py: { xs: 2, sm: 3 },
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      <Box sx={{ flex: '1 1 auto', minWidth: 0 }}>
        <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere' }}>
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="subtitle1" color="text.secondary">
            {subtitle}
          </Typography>
        )}
      </Box>
      {children && <Box sx={{ display: 'flex', gap: 1 }}>{children}</Box>}
    </Box>
  );
}
