import { DEFAULT_NAMESPACE, compoundOf } from './entityRefs';
import type { CompoundEntityRef, Entity } from '@greenroom/catalog-model';

/**
 * A ref as people read it: `component:default/foo` becomes `component:foo`, and just `foo` when
 * `defaultKind` is `component`. Namespaces other than the default (or `defaultNamespace`) stay.
 */
export function humanizeEntityRef(
  entityOrRef: Entity | CompoundEntityRef | string,
  options: { defaultKind?: string; defaultNamespace?: string } = {},
): string {
  const { kind, namespace, name } = compoundOf(entityOrRef);
  const lower = (s: string | undefined) => s?.toLocaleLowerCase('en-US');
  const shownNamespace =
    lower(namespace) === lower(options.defaultNamespace ?? DEFAULT_NAMESPACE)
      ? ''
      : `${namespace}/`;
  const shownKind = lower(kind) === lower(options.defaultKind) ? '' : `${lower(kind)}:`;
  return `${shownKind}${shownNamespace}${name}`;
}

/** What to show for an entity: its title, a user's display name, or the humanized ref. */
export function entityDisplayName(
  entity: Entity,
  options: { defaultKind?: string; defaultNamespace?: string } = {},
): string {
  const profile = (entity.spec as { profile?: { displayName?: unknown } } | undefined)?.profile;
  if (typeof profile?.displayName === 'string' && profile.displayName) return profile.displayName;
  if (typeof entity.metadata.title === 'string' && entity.metadata.title) {
    return entity.metadata.title;
  }
  return humanizeEntityRef(entity, options);
}
