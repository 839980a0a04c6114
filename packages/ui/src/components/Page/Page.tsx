import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** The frame of one page: a header on top, content below, filling the main area. */
export function Page(props: { children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: '100%', minWidth: 0 }}>
      {props.children}
    </Box>
  );
}
