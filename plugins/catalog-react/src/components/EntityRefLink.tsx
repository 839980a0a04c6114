import type { CompoundEntityRef, Entity } from '@greenroom/catalog-model';
import { useRouteRef } from '@greenroom/frontend-plugin-api';
import { Link } from '@greenroom/ui';
import type { ReactNode } from 'react';
import { entityRouteParams } from '../routing/entityRouteParams';
import { entityRouteRef } from '../routing/entityRouteRef';
import { entityDisplayName, humanizeEntityRef } from '../utils/humanizeEntityRef';

export interface EntityRefLinkProps {
  entityRef: Entity | CompoundEntityRef | string;
  /** Left out of the shown ref when it matches, e.g. `group` for owners. */
  defaultKind?: string;
  /** Shown instead of the ref. */
  title?: ReactNode;
}

/** A real link (`<a href>`) to an entity's page, showing its title or short ref. */
export function EntityRefLink(props: EntityRefLinkProps) {
  const { entityRef, defaultKind, title } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const text =
    title ??
    (typeof entityRef === 'object' && 'metadata' in entityRef
      ? entityDisplayName(entityRef, { defaultKind })
      : humanizeEntityRef(entityRef, { defaultKind }));
  return <Link to={entityRoute(entityRouteParams(entityRef))}>{text}</Link>;
}
