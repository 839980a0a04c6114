import {
  DEFAULT_NAMESPACE,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@greenroom/catalog-model';

// catalog-model is side-effect free, so these imports bring only the ref functions into the
// main bundle, not the validators.

export { DEFAULT_NAMESPACE, parseEntityRef as parseRef };

/** The canonical, lowercase `kind:namespace/name`. */
export function stringifyRef(ref: Entity | string | CompoundEntityRef): string {
  return stringifyEntityRef(compoundOf(ref));
}

/** The compound ref of an entity or ref, namespace defaulted, case kept. */
export function compoundOf(ref: Entity | string | CompoundEntityRef): CompoundEntityRef {
  if (typeof ref === 'object' && 'metadata' in ref) return getCompoundEntityRef(ref);
  return parseEntityRef(ref);
}
