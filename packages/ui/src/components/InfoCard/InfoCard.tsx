import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import type { ReactNode } from 'react';

/** A titled card for one piece of information. */
export function InfoCard(props: {
  title: ReactNode;
  subheader?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card variant="outlined" component="section">
      <CardHeader
        title={props.title}
        subheader={props.subheader}
        slotProps={{ title: { component: 'h2', variant: 'h6' } }}
      />
      <CardContent>{props.children}</CardContent>
      {props.actions && <CardActions>{props.actions}</CardActions>}
    </Card>
  );
}
