import { compoundOf } from '../utils/entityRefs';
import type { CompoundEntityRef, Entity } from '@greenroom/catalog-model';

/** The entity page's params for an entity or ref: kind and namespace lowercase, name as written. */
export function entityRouteParams(entityOrRef: Entity | CompoundEntityRef | string): {
  namespace: string;
  kind: string;
  name: string;
} {
  const ref = compoundOf(entityOrRef);
  return {
    namespace: ref.namespace.toLocaleLowerCase('en-US'),
    kind: ref.kind.toLocaleLowerCase('en-US'),
    name: ref.name,
  };
}
