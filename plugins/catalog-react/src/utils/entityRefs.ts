import type { CompoundEntityRef, Entity } from '@greenroom/catalog-model';

// Ref parsing as @greenroom/catalog-model does it (same rules, same messages). Kept here because
// importing anything at runtime from catalog-model's entry also loads its validators (ajv and
// every kind's schema), and this package sits in the app's main bundle through the catalog
// plugin's declaration. Once catalog-model is marked side-effect free, use its functions.

const DEFAULT_NAMESPACE = 'default';

/** `[kind:][namespace/]name` (or the compound form) with defaults filled in; case kept. */
export function parseRef(
  ref: string | { kind?: string; namespace?: string; name: string },
  context: { defaultKind?: string; defaultNamespace?: string } = {},
): CompoundEntityRef {
  let parts: { kind?: string; namespace?: string; name: string };
  if (typeof ref === 'string') {
    const slash = ref.indexOf('/');
    let colon = ref.indexOf(':');
    if (slash !== -1 && slash < colon) colon = -1;
    parts = {
      kind: colon === -1 ? undefined : ref.slice(0, colon),
      namespace: slash === -1 ? undefined : ref.slice(colon + 1, slash),
      name: ref.slice(Math.max(colon, slash) + 1),
    };
    if (parts.kind === '' || parts.namespace === '' || parts.name === '') {
      throw new TypeError(
        `Entity reference "${ref}" was not on the form [<kind>:][<namespace>/]<name>`,
      );
    }
  } else {
    parts = ref;
  }
  const kind = parts.kind ?? context.defaultKind;
  const namespace = parts.namespace ?? (context.defaultNamespace || DEFAULT_NAMESPACE);
  if (!kind) {
    throw new Error(
      `Entity reference ${JSON.stringify(ref)} had missing or empty kind (e.g. did not start with "component:" or similar)`,
    );
  }
  if (!parts.name)
    throw new Error(`Entity reference ${JSON.stringify(ref)} had missing or empty name`);
  return { kind, namespace, name: parts.name };
}

/** The canonical, lowercase `kind:namespace/name`. */
export function stringifyRef(ref: Entity | string | CompoundEntityRef): string {
  const { kind, namespace, name } = compoundOf(ref);
  return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
}

/** The compound ref of an entity or ref, namespace defaulted, case kept. */
export function compoundOf(ref: Entity | string | CompoundEntityRef): CompoundEntityRef {
  if (typeof ref === 'object' && 'metadata' in ref) {
    return {
      kind: ref.kind,
      namespace: ref.metadata.namespace || DEFAULT_NAMESPACE,
      name: ref.metadata.name,
    };
  }
  return parseRef(ref);
}

export { DEFAULT_NAMESPACE };
