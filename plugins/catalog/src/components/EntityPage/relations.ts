import type { Entity } from '@greenroom/catalog-model';

/** The target refs of an entity's relations of `type`, optionally only those of `kind`. */
export function relationTargets(entity: Entity, type: string, kind?: string): string[] {
  const lowerType = type.toLocaleLowerCase('en-US');
  const prefix = kind ? `${kind.toLocaleLowerCase('en-US')}:` : '';
  return (entity.relations ?? [])
    .filter(r => r.type.toLocaleLowerCase('en-US') === lowerType)
    .map(r => r.targetRef)
    .filter(ref => ref.toLocaleLowerCase('en-US').startsWith(prefix));
}
