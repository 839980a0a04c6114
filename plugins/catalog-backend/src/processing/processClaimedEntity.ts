import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  stringifyEntityRef,
  validateEntity,
  type Entity,
} from '@greenroom/catalog-model';
import type {
  CatalogProcessor,
  CatalogProcessorEmit,
  CatalogProcessorParser,
  CatalogProcessorResult,
  LocationSpec,
} from '@greenroom/plugin-catalog-node';
import type { ClaimedEntity, DeferredRow, StoredError } from '../database/refreshStateTypes';
import type { ProcessingOutcome } from '../database/writeProcessingResults';
import { isKindAllowed, type CatalogRule } from './config';
import { entityRelations } from './entityRelations';
import { parseSourceKey, sourceLocation, type SourceLocation } from './locationKeys';
import { parseEntityDocuments } from './parseEntityDocuments';
import { readLocationTargets, type LocationReadCache } from './readLocationTargets';
import { resolvePlaceholders, type CustomPlaceholderResolver } from './resolvePlaceholders';
import { generatedLocationEntity } from './providers/generatedLocationEntity';
import { toProcessingError } from './types';
import { cacheFor, locationTargets, refOf } from './entityHelpers';
import { createHeldChildren, type ChildStager, type StagedChildren } from './stageLocationChildren';

/** What processing needs besides the entity: processors, and per-origin reader and rules. */
export interface ProcessingContext {
  processors: readonly CatalogProcessor[];
  placeholderResolvers: ReadonlyMap<string, CustomPlaceholderResolver>;
  /** The reader for entities reached from this origin (confined for registered locations). */
  readerFor(originKey: string): UrlReaderService;
  rulesFor(originKey: string): readonly CatalogRule[];
  /**
   * Where a Location's read children go; a large file's are written out in chunks while it
   * is parsed. Without it, every child stays in memory until the batch is written.
   */
  stageChildren?: () => ChildStager;
}

const BOOTSTRAP = 'bootstrap:bootstrap';
const LOCATION_CACHE = 'catalog-location-reader';

class ProcessingFailure extends Error {
  constructor(message: string, name = 'InputError') {
    super(message);
    this.name = name;
  }
}

/**
 * Processes one claimed entity, Backstage's order: preProcess hooks (placeholders first) →
 * policies (namespace, validation) → validateEntityKind → for Locations, read the targets →
 * postProcess hooks (built-in relations first). Nothing thrown escapes: a failure is an
 * outcome with `ok: false`, which keeps the previous good result.
 */
export async function processClaimedEntity(
  claimed: ClaimedEntity,
  context: ProcessingContext,
): Promise<ProcessingOutcome> {
  const ref = claimed.entityRef;
  const cache: Record<string, unknown> = structuredClone(claimed.cache);
  const errors: StoredError[] = [];
  const relations: ProcessingOutcome['relations'] = [];
  const children: DeferredRow[] = [];
  const keptVias: string[] = [];
  const refreshKeys: string[] = [];
  let position = 0;
  let stager: ChildStager | undefined;
  let staged: StagedChildren | undefined;

  let entity = structuredClone(claimed.unprocessedEntity);
  const annotations = entity.metadata?.annotations ?? {};
  const ownKey = annotations[ANNOTATION_LOCATION];
  const ownLocation: SourceLocation | undefined = ownKey ? parseSourceKey(ownKey) : undefined;
  const rootKey =
    entity.kind?.toLowerCase() === 'location' && typeof entity.spec?.target === 'string'
      ? sourceLocation(entity.spec.type === 'url' ? 'url' : 'file', entity.spec.target).key
      : undefined;
  const origin = annotations[ANNOTATION_ORIGIN_LOCATION];
  // Children of a generated root have the configured location itself as their origin.
  const originKey = !origin || origin === BOOTSTRAP ? (rootKey ?? ownKey ?? '') : origin;
  const reader = context.readerFor(originKey);
  const rules = context.rulesFor(originKey);
  const location: LocationSpec = ownLocation
    ? { type: ownLocation.type, target: ownLocation.target }
    : { type: 'unknown', target: ownKey ?? '' };
  const originLocation: LocationSpec = parseSourceKey(originKey) ?? location;

  // One string per file, not per child: a staged Location keeps every child's key until its
  // write (100k copies of a long path were ~16 MB of the live heap).
  const fileKeys = new Map<string, string>();
  const keyOf = (file: LocationSpec) => {
    const key = `${file.type}:${file.target}`;
    const known = fileKeys.get(key);
    if (known) return known;
    fileKeys.set(key, key);
    return key;
  };
  // A child as it is kept until written: serialised, or why it was refused.
  type PreparedChild = Omit<DeferredRow, 'position'> | { error: StoredError };
  const prepareChild = (
    child: unknown,
    file: LocationSpec,
    locationKey?: string | null,
  ): PreparedChild => {
    const childRef = refOf(child);
    const fileKey = keyOf(file);
    if (!childRef) {
      return {
        error: {
          name: 'InputError',
          message: `A document in ${fileKey} is not an entity (it needs kind and metadata.name)`,
        },
      };
    }
    const c = child as Entity;
    if (
      c.kind.toLowerCase() !== 'location' &&
      !isKindAllowed(rules, c.kind, { type: file.type, target: file.target })
    ) {
      return {
        error: {
          name: 'InputError',
          message: `${childRef}: kind ${c.kind} is not allowed from ${fileKey}`,
        },
      };
    }
    const stamped: Entity = {
      ...c,
      metadata: {
        ...c.metadata,
        annotations: {
          ...(c.metadata.annotations && typeof c.metadata.annotations === 'object'
            ? c.metadata.annotations
            : {}),
          [ANNOTATION_LOCATION]: fileKey,
          [ANNOTATION_ORIGIN_LOCATION]: originKey,
        },
      },
    };
    return {
      json: JSON.stringify(stamped),
      ref: childRef,
      locationKey: locationKey === undefined ? fileKey : locationKey,
      via: fileKey,
    };
  };
  const place = (prepared: PreparedChild) => {
    if ('error' in prepared) errors.push({ ...prepared.error, position: position++ });
    else children.push({ ...prepared, position: position++ });
  };
  const emitChild = (child: unknown, file: LocationSpec, locationKey?: string | null) =>
    place(prepareChild(child, file, locationKey));

  // As in Backstage, an error a processor emits fails the run like a thrown one: the previous
  // good result (entity, relations, children) is kept and the error shown.
  let emittedErrors = 0;
  const emit: CatalogProcessorEmit = (result: CatalogProcessorResult) => {
    switch (result.type) {
      case 'entity':
        emitChild(result.entity, result.location, result.locationKey);
        break;
      case 'location':
        emitChild(generatedLocationEntity(result.location.type, result.location.target), location);
        break;
      case 'relation': {
        const source = stringifyEntityRef(result.relation.source);
        const target = stringifyEntityRef(result.relation.target);
        relations.push({ source, type: result.relation.type, target });
        break;
      }
      case 'refresh':
        refreshKeys.push(result.key);
        break;
      case 'error':
        errors.push({
          ...toProcessingError(result.error),
          position: position++,
        });
        emittedErrors += 1;
        break;
    }
  };

  async function failed(thrown: StoredError[]): Promise<ProcessingOutcome> {
    // What a large read staged is not the Location's children after all.
    await stager?.discard().catch(() => undefined);
    return {
      claimed,
      ok: false,
      errors: [...errors.filter(e => !e.children), ...thrown],
      relations: [],
      children: [],
      keptVias: [],
      refreshKeys,
      cache,
    };
  }

  try {
    const pre = context.processors.filter(p => p.preProcessEntity);
    if (ownLocation) {
      try {
        entity = (await resolvePlaceholders(
          entity,
          ownLocation,
          reader,
          context.placeholderResolvers,
        )) as Entity;
      } catch (error) {
        throw new ProcessingFailure(`${ref}: ${(error as Error).message}`);
      }
    }
    for (const p of pre) {
      entity = await p.preProcessEntity!(
        entity,
        location,
        emit,
        originLocation,
        cacheFor(cache, p.getProcessorName()),
      );
    }
    entity.metadata.namespace ??= DEFAULT_NAMESPACE;
    const result = validateEntity(entity);
    if (!result.valid) {
      const issues = result.errors.map(i => (i.path ? `${i.path}: ${i.message}` : i.message));
      throw new ProcessingFailure(`${ref} is not a valid entity: ${issues.join('; ')}`);
    }
    for (const p of context.processors) {
      if (p.validateEntityKind) await p.validateEntityKind(entity);
    }
    if (entity.kind.toLowerCase() === 'location') {
      await readLocation(entity);
    }
    try {
      for (const r of entityRelations(entity)) relations.push(r);
    } catch (error) {
      throw new ProcessingFailure(`${ref}: ${(error as Error).message}`);
    }
    for (const p of context.processors) {
      if (!p.postProcessEntity) continue;
      entity = await p.postProcessEntity(
        entity,
        location,
        emit,
        cacheFor(cache, p.getProcessorName()),
      );
    }
  } catch (error) {
    return failed([toProcessingError(error)]);
  }
  if (emittedErrors > 0) return failed([]);
  return {
    claimed,
    ok: true,
    processedEntity: entity,
    errors,
    relations,
    children,
    keptVias,
    refreshKeys,
    cache,
    staged,
  };

  async function readLocation(locationEntity: Entity) {
    const { type, targets } = locationTargets(locationEntity);
    const kind = type ?? ownLocation?.type ?? 'file';
    if (kind !== 'file' && kind !== 'url') {
      await readWithProcessors(kind, targets);
      return;
    }
    const parent =
      ownLocation && ownKey !== BOOTSTRAP
        ? ownLocation
        : sourceLocation(kind, typeof targets[0] === 'string' ? targets[0] : '');
    const previous = ((cache[LOCATION_CACHE] as { etags?: LocationReadCache } | undefined)?.etags ??
      {}) as LocationReadCache;
    stager = context.stageChildren?.() ?? createHeldChildren();
    // A document's refusal is shown only if its file turns out clean, as its children are.
    let fileErrors: StoredError[] = [];
    const etags = await readLocationTargets({
      reader,
      parent,
      type,
      targets,
      previous,
      sink: {
        document: async (value, file) => {
          const prepared = prepareChild(value, { type: file.type, target: file.target });
          if ('error' in prepared) fileErrors.push({ ...prepared.error, position: position++ });
          else await stager!.add({ ...prepared, position: position++ });
        },
        fileEnd: async (file, clean) => {
          if (clean) errors.push(...fileErrors);
          fileErrors = [];
          await stager!.fileEnd(file.key, clean);
        },
        error: error => errors.push({ ...error, position: position++ }),
        keep: (fileKey, error) => {
          keptVias.push(fileKey);
          if (error) errors.push({ ...error, children: fileKey });
        },
      },
    });
    cache[LOCATION_CACHE] = { etags };
    const { held, staged: written } = await stager.finish();
    children.push(...held);
    staged = written;
  }

  // Other location types are read by the processors modules added.
  async function readWithProcessors(kind: string, targets: string[]) {
    const parser: CatalogProcessorParser = async function* parse({ data, location: at }) {
      for (const doc of parseEntityDocuments(data.toString('utf8'))) {
        if ('value' in doc) yield { type: 'entity', location: at, entity: doc.value as Entity };
        else yield { type: 'error', location: at, error: new SyntaxError(doc.error) };
      }
    };
    for (const target of targets) {
      const spec: LocationSpec = { type: kind, target };
      let handled = false;
      for (const p of context.processors) {
        if (!p.readLocation) continue;
        handled = await p.readLocation(
          spec,
          false,
          emit,
          parser,
          cacheFor(cache, p.getProcessorName()),
        );
        if (handled) break;
      }
      if (!handled) {
        errors.push({
          name: 'InputError',
          message: `No processor reads locations of type '${kind}'`,
          position: position++,
        });
      }
    }
  }
}
