import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** The body of a page, padded to the screen size. */
export function Content(props: { children: ReactNode }) {
  return <Box sx={{ flex: '1 1 auto', p: { xs: 2, sm: 3 }, minWidth: 0 }}>{props.children}</Box>;
}
