import type { Entity } from '@greenroom/catalog-model';

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keeps only the subtrees named by `fields` (dot paths), as Backstage's `fields` parameter
 * does; without fields the entity is returned whole.
 */
export function projectEntity(entity: Entity, fields: readonly string[] | undefined): Entity {
  if (!fields) return entity;
  const result: JsonRecord = {};
  for (const path of fields) {
    const parts = path.split('.');
    let source: unknown = entity;
    for (const part of parts) source = isRecord(source) ? source[part] : undefined;
    if (source === undefined) continue;
    let target = result;
    for (const part of parts.slice(0, -1)) {
      if (!isRecord(target[part])) target[part] = {};
      target = target[part] as JsonRecord;
    }
    target[parts[parts.length - 1]] = source;
  }
  return result as unknown as Entity;
}

export function projectEntities(
  entities: Entity[],
  fields: readonly string[] | undefined,
): Entity[] {
  return fields ? entities.map(e => projectEntity(e, fields)) : entities;
}

/** The by-query response body. */
export function presentEntityPage(
  items: Entity[],
  totalItems: number,
  pageInfo: { nextCursor?: string; prevCursor?: string },
) {
  return { items, totalItems, pageInfo };
}
