import { useRouteRef } from '@greenroom/frontend-plugin-api';
import { entityRouteParams, entityRouteRef } from '@greenroom/plugin-catalog-react';
import { Link } from '@greenroom/ui';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import type { PreviewEntity } from '../import/analyzeImportLocation';

/** Links to the pages of the given entities, labelled `kind:namespace/name`. */
export function EntityLinkList(props: { entities: readonly PreviewEntity[]; label: string }) {
  const entityRoute = useRouteRef(entityRouteRef);
  return (
    <List dense aria-label={props.label}>
      {props.entities.map(entity => (
        <ListItem key={entity.ref} disableGutters>
          <Link to={entityRoute(entityRouteParams(entity))}>
            {`${entity.kind}:${entity.namespace}/${entity.name}`}
          </Link>
        </ListItem>
      ))}
    </List>
  );
}
