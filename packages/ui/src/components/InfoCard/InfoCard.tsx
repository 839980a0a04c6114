import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import { useId, type ReactNode } from 'react';

/** A titled card for one piece of information: a region named by its title. */
export function InfoCard(props: {
  title: ReactNode;
  subheader?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Card variant="outlined" component="section" aria-labelledby={titleId}>
      <CardHeader
        title={props.title}
        subheader={props.subheader}
        slotProps={{ title: { component: 'h2', variant: 'h6', id: titleId } }}
      />
      <CardContent>{props.children}</CardContent>
      {props.actions && <CardActions>{props.actions}</CardActions>}
    </Card>
  );
}
