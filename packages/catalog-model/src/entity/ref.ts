import { DEFAULT_NAMESPACE } from './Entity';
import type { CompoundEntityRef, Entity } from './Entity';

export interface ParseEntityRefContext {
  /** Kind to use when the ref has none (e.g. `Group` for `spec.owner`). */
  defaultKind?: string;
  /** Namespace to use when the ref has none; `default` when omitted. */
  defaultNamespace?: string;
}

/** A ref as callers pass it: `[kind:][namespace/]name`, or the compound form with optional parts. */
export type EntityRefInput = string | { kind?: string; namespace?: string; name: string };

interface RefParts {
  kind?: string;
  namespace?: string;
  name: string;
}

// A colon after the first slash belongs to the name, so `ns/a:b` has no kind.
function splitRefString(ref: string): RefParts {
  const slash = ref.indexOf('/');
  let colon = ref.indexOf(':');
  if (slash !== -1 && slash < colon) colon = -1;
  const kind = colon === -1 ? undefined : ref.slice(0, colon);
  const namespace = slash === -1 ? undefined : ref.slice(colon + 1, slash);
  const name = ref.slice(Math.max(colon, slash) + 1);
  if (kind === '' || namespace === '' || name === '') {
    throw new TypeError(
      `Entity reference "${ref}" was not on the form [<kind>:][<namespace>/]<name>`,
    );
  }
  return { kind, namespace, name };
}

/**
 * Parses a ref into its three parts, filling in defaults. Case is kept as written;
 * compare refs through `stringifyEntityRef`, which lowercases.
 */
export function parseEntityRef(
  ref: EntityRefInput,
  context: ParseEntityRefContext = {},
): CompoundEntityRef {
  if (!ref) throw new Error('Entity reference must not be empty');
  const parts = typeof ref === 'string' ? splitRefString(ref) : ref;
  const kind = parts.kind ?? context.defaultKind;
  const namespace = parts.namespace ?? (context.defaultNamespace || DEFAULT_NAMESPACE);
  const name = parts.name;
  const shown = () => JSON.stringify(ref);
  if (!kind) {
    throw new Error(
      `Entity reference ${shown()} had missing or empty kind (e.g. did not start with "component:" or similar)`,
    );
  }
  if (!namespace) throw new Error(`Entity reference ${shown()} had missing or empty namespace`);
  if (!name) throw new Error(`Entity reference ${shown()} had missing or empty name`);
  return { kind, namespace, name };
}

/** The canonical string form `kind:namespace/name`, all lowercase, as the catalog stores refs. */
export function stringifyEntityRef(
  ref: Entity | { kind: string; namespace?: string; name: string },
): string {
  const { kind, namespace, name } =
    'metadata' in ref
      ? { kind: ref.kind, namespace: ref.metadata.namespace, name: ref.metadata.name }
      : ref;
  return `${kind}:${namespace ?? DEFAULT_NAMESPACE}/${name}`.toLowerCase();
}

/** The compound ref of an entity, with the namespace defaulted. Case is kept. */
export function getCompoundEntityRef(entity: Entity): CompoundEntityRef {
  return {
    kind: entity.kind,
    namespace: entity.metadata.namespace || DEFAULT_NAMESPACE,
    name: entity.metadata.name,
  };
}
