import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** What a page shows when there is nothing yet: a title, why, and what to do. */
export function EmptyState(props: { title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <Box sx={{ textAlign: 'center', py: 6, px: 2 }}>
      <Typography variant="h5" component="h2" gutterBottom>
        {props.title}
      </Typography>
      {props.description && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {props.description}
        </Typography>
      )}
      {props.action}
    </Box>
  );
}
