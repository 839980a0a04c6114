import type { CompoundEntityRef, Entity } from '@greenroom/catalog-model';
import { Fragment } from 'react';
import { EntityRefLink } from './EntityRefLink';

/** Several entity links, separated by commas. */
export function EntityRefLinks(props: {
  entityRefs: readonly (Entity | CompoundEntityRef | string)[];
  defaultKind?: string;
}) {
  return (
    <>
      {props.entityRefs.map((ref, index) => (
        <Fragment key={typeof ref === 'string' ? ref : index}>
          {index > 0 && ', '}
          <EntityRefLink entityRef={ref} defaultKind={props.defaultKind} />
        </Fragment>
      ))}
    </>
  );
}
