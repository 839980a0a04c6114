const KIND = /^[a-z][a-z0-9]*$/i;
const NAME = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/i;

/** True when `name` may be the name (or namespace) of a catalog entity. */
export function isValidEntityName(name: string): boolean {
  return name.length > 0 && name.length <= 63 && NAME.test(name);
}

/**
 * `kind:namespace/name` with kind and namespace in lower case, from `kind:name` or
 * `kind:namespace/name`; undefined when the string is not an entity ref.
 */
export function normalizeEntityRef(ref: string): string | undefined {
  const match = /^([^:/]+):(?:([^:/]+)\/)?([^:/]+)$/.exec(ref);
  if (!match) return undefined;
  const [, kind, namespace = 'default', name] = match;
  if (!KIND.test(kind) || !isValidEntityName(namespace) || !isValidEntityName(name)) {
    return undefined;
  }
  return `${kind.toLowerCase()}:${namespace.toLowerCase()}/${name}`;
}
