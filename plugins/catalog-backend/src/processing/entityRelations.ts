import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  reverseRelation,
  stringifyEntityRef,
  type Entity,
} from '@greenroom/catalog-model';

/** A relation between two entity refs (lowercase-insensitive, stored as stringified refs). */
export interface EmittedRelation {
  source: string;
  type: string;
  target: string;
}

// kind (lowercase) → spec field, default kind of its refs (none: the ref must name one), relation.
const FIELDS: Record<
  string,
  Array<[field: string, defaultKind: string | undefined, type: string]>
> = {
  component: [
    ['owner', 'Group', RELATION_OWNED_BY],
    ['system', 'System', RELATION_PART_OF],
    ['subcomponentOf', 'Component', RELATION_PART_OF],
    ['providesApis', 'API', RELATION_PROVIDES_API],
    ['consumesApis', 'API', RELATION_CONSUMES_API],
    ['dependsOn', undefined, RELATION_DEPENDS_ON],
    ['dependencyOf', undefined, RELATION_DEPENDENCY_OF],
  ],
  api: [
    ['owner', 'Group', RELATION_OWNED_BY],
    ['system', 'System', RELATION_PART_OF],
  ],
  resource: [
    ['owner', 'Group', RELATION_OWNED_BY],
    ['system', 'System', RELATION_PART_OF],
    ['dependsOn', undefined, RELATION_DEPENDS_ON],
    ['dependencyOf', undefined, RELATION_DEPENDENCY_OF],
  ],
  system: [
    ['owner', 'Group', RELATION_OWNED_BY],
    ['domain', 'Domain', RELATION_PART_OF],
  ],
  domain: [
    ['owner', 'Group', RELATION_OWNED_BY],
    ['subdomainOf', 'Domain', RELATION_PART_OF],
  ],
  template: [['owner', 'Group', RELATION_OWNED_BY]],
  group: [
    ['parent', 'Group', RELATION_CHILD_OF],
    ['children', 'Group', RELATION_PARENT_OF],
    ['members', 'User', RELATION_HAS_MEMBER],
  ],
  user: [['memberOf', 'Group', RELATION_MEMBER_OF]],
};

/**
 * The relations an entity's spec implies, each in both directions (so the target, when it is
 * stitched, carries the reverse). Throws TypeError naming the field of an unparseable ref.
 */
export function entityRelations(entity: Entity): EmittedRelation[] {
  const source = stringifyEntityRef(entity);
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const relations: EmittedRelation[] = [];
  for (const [field, defaultKind, type] of FIELDS[entity.kind.toLowerCase()] ?? []) {
    const raw = entity.spec?.[field];
    if (raw === undefined || raw === null) continue;
    for (const ref of [raw].flat()) {
      let target: string;
      try {
        if (typeof ref !== 'string') throw new TypeError('not a string');
        target = stringifyEntityRef(
          parseEntityRef(ref, { defaultKind, defaultNamespace: namespace }),
        );
      } catch {
        throw new TypeError(`spec.${field} holds an invalid entity reference`);
      }
      relations.push({ source, type, target });
      const reverse = reverseRelation(type);
      if (reverse) relations.push({ source: target, type: reverse, target: source });
    }
  }
  return relations;
}
