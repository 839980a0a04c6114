import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  stringifyEntityRef,
  validateEntity,
  type Entity,
} from '@greenroom/catalog-model';
import { entityRelations } from './entityRelations';
import type { SourceLocation } from './locationKeys';
import { resolvePlaceholders } from './resolvePlaceholders';
import type { EntityCandidate } from './types';

/** Why a document did not become an entity; `ref` when the document named one. */
export class EntityProcessingError extends Error {
  constructor(
    message: string,
    readonly ref?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

function refOf(value: unknown): string | undefined {
  const e = value as Entity | null;
  if (typeof e?.kind !== 'string' || typeof e?.metadata?.name !== 'string') return undefined;
  const ns = e.metadata.namespace;
  return stringifyEntityRef({
    kind: e.kind,
    namespace: typeof ns === 'string' && ns ? ns : undefined,
    name: e.metadata.name,
  });
}

/**
 * Turns one YAML document into a processed entity: placeholders resolved, namespace defaulted,
 * managed-by annotations set, validated, relations derived. Throws EntityProcessingError.
 */
export async function processEntity(
  value: unknown,
  location: SourceLocation,
  originKey: string,
  reader: UrlReaderService,
): Promise<EntityCandidate> {
  const ref = refOf(value);
  if (!ref) {
    throw new EntityProcessingError(
      `A document in ${location.key} is not an entity (it needs kind and metadata.name)`,
    );
  }
  let resolved: unknown;
  try {
    resolved = await resolvePlaceholders(value, location, reader);
  } catch (error) {
    throw new EntityProcessingError(`${ref}: ${(error as Error).message}`, ref);
  }
  const entity = resolved as Entity;
  const result = validateEntity(entity);
  if (!result.valid) {
    const issues = result.errors.map(i => (i.path ? `${i.path}: ${i.message}` : i.message));
    throw new EntityProcessingError(`${ref} is not a valid entity: ${issues.join('; ')}`, ref);
  }
  entity.metadata.namespace ??= DEFAULT_NAMESPACE;
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    [ANNOTATION_LOCATION]: location.key,
    [ANNOTATION_ORIGIN_LOCATION]: originKey,
  };
  let relations;
  try {
    relations = entityRelations(entity);
  } catch (error) {
    throw new EntityProcessingError(`${ref}: ${(error as Error).message}`, ref);
  }
  return { ref, entity, location, relations, errors: [] };
}
