import { createHash } from 'node:crypto';
import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  stringifyEntityRef,
  type Entity,
} from '@greenroom/catalog-model';
import { isKindAllowed, type CatalogRule, type StaticLocation } from './config';
import { entityRelations } from './entityRelations';
import { resolveTarget, staticSourceLocation, type SourceLocation } from './locationKeys';
import { parseEntityDocuments } from './parseEntityDocuments';
import { EntityProcessingError, processEntity } from './processEntity';
import { confineFileReads } from '../locations/confineFileReads';
import { readSources } from './readSources';
import {
  toProcessingError,
  type DetachedError,
  type EntityCandidate,
  type PreviousEntities,
  type ProcessingError,
} from './types';

export interface CollectedEntities {
  /** In discovery order: config order, then depth first; the first claim of a ref wins. */
  candidates: EntityCandidate[];
  detached: DetachedError[];
  /** Failed entities with a ref and no earlier good version, kept out of the catalog. */
  rejected: Array<{ ref: string; location: string; error: ProcessingError }>;
}

const BOOTSTRAP = 'bootstrap:bootstrap';

/** The Location entity Backstage generates for a `catalog.locations` entry. */
function rootLocationEntity(root: SourceLocation): Entity {
  const name = `generated-${createHash('sha1').update(root.key).digest('hex')}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: {
      name,
      namespace: 'default',
      annotations: { [ANNOTATION_LOCATION]: BOOTSTRAP, [ANNOTATION_ORIGIN_LOCATION]: BOOTSTRAP },
    },
    spec: { type: root.type, target: root.target, presence: 'required' },
  };
}

function locationTargets(entity: Entity): { type?: string; targets: string[] } {
  const spec = entity.spec ?? {};
  const targets = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])].filter(
    (t): t is string => typeof t === 'string' && t.length > 0,
  );
  return { type: typeof spec.type === 'string' ? spec.type : undefined, targets };
}

/**
 * Reads every configured location and the files their Location entities point at. Nothing
 * thrown by one file or entity stops the others; errors are attached where they belong.
 */
export async function collectEntities(options: {
  reader: UrlReaderService;
  locations: readonly StaticLocation[];
  rules: readonly CatalogRule[];
  previous: PreviousEntities;
}): Promise<CollectedEntities> {
  const { reader, previous } = options;
  const out: CollectedEntities = { candidates: [], detached: [], rejected: [] };
  const visited = new Set<string>();

  const detach = (parent: EntityCandidate, location: string, error: unknown, reported = false) =>
    out.detached.push({
      entityRef: parent.ref,
      location,
      error: toProcessingError(error),
      reported,
    });

  // A broken source keeps the entities it produced last time, with the error on each.
  async function keepPrevious(key: string, error: ProcessingError, ctx: Ctx) {
    for (const entity of await previous.fromLocation(key)) {
      await add({ ...keptCandidate(entity, key, error), parentRef: ctx.parentRef }, ctx);
    }
  }

  function keptCandidate(entity: Entity, key: string, error: ProcessingError) {
    const { relations: _r, status: _s, ...rest } = entity;
    const { uid: _u, etag: _e, ...metadata } = rest.metadata;
    const kept: Entity = { ...rest, metadata };
    const location = { key, ...parseKey(key) };
    return {
      ref: stringifyEntityRef(kept),
      entity: kept,
      location,
      relations: safeRelations(kept),
      errors: [error],
    } satisfies EntityCandidate;
  }

  interface Ctx {
    originKey: string;
    parentRef?: string;
    rules: readonly CatalogRule[];
    /** The reader for everything reached from this root (confined for registered locations). */
    reader: UrlReaderService;
  }

  async function add(candidate: EntityCandidate, ctx: Ctx) {
    out.candidates.push(candidate);
    if (candidate.entity.kind.toLowerCase() !== 'location') return;
    const { type, targets } = locationTargets(candidate.entity);
    for (const target of targets) {
      let source: SourceLocation;
      try {
        source = resolveTarget(candidate.location, target, type);
      } catch (error) {
        detach(candidate, candidate.location.key, error);
        continue;
      }
      await visit(candidate, source, ctx);
    }
  }

  async function visit(parent: EntityCandidate, source: SourceLocation, ctx: Ctx) {
    if (visited.has(source.key)) return;
    visited.add(source.key);
    let files;
    try {
      files = await readSources(ctx.reader, source);
    } catch (error) {
      const failure = toProcessingError(error, 'NotFoundError');
      detach(parent, source.key, error);
      await keepPrevious(source.key, failure, { ...ctx, parentRef: parent.ref });
      return;
    }
    for (const file of files) {
      if (file.location.key !== source.key) {
        if (visited.has(file.location.key)) continue;
        visited.add(file.location.key);
      }
      let broken = false;
      for (const doc of parseEntityDocuments(file.text)) {
        if ('error' in doc) {
          broken = true;
          detach(parent, file.location.key, new SyntaxError(`${file.location.key}: ${doc.error}`));
          continue;
        }
        await addDocument(parent, doc.value, file.location, ctx);
      }
      if (broken) {
        const error = { name: 'InputError', message: `${file.location.key} has YAML errors` };
        await keepPrevious(file.location.key, error, { ...ctx, parentRef: parent.ref });
      }
    }
  }

  async function addDocument(
    parent: EntityCandidate,
    value: unknown,
    at: SourceLocation,
    ctx: Ctx,
  ) {
    let candidate: EntityCandidate;
    try {
      candidate = await processEntity(value, at, ctx.originKey, ctx.reader);
    } catch (error) {
      const failure = toProcessingError(error);
      const ref = error instanceof EntityProcessingError ? error.ref : undefined;
      const last = ref ? await previous.byRef(ref) : undefined;
      if (ref && last) {
        await add({ ...keptCandidate(last, at.key, failure), parentRef: parent.ref }, ctx);
      } else {
        detach(parent, at.key, error, Boolean(ref));
        if (ref) out.rejected.push({ ref, location: at.key, error: failure });
      }
      return;
    }
    const kind = candidate.entity.kind;
    if (kind.toLowerCase() !== 'location' && !isKindAllowed(ctx.rules, kind, at)) {
      detach(
        parent,
        at.key,
        new EntityProcessingError(`${candidate.ref}: kind ${kind} is not allowed from ${at.key}`),
      );
      return;
    }
    await add({ ...candidate, parentRef: parent.ref }, ctx);
  }

  for (const configured of options.locations) {
    const root = staticSourceLocation(configured.type, configured.target);
    const entity = rootLocationEntity(root);
    const candidate: EntityCandidate = {
      ref: stringifyEntityRef(entity),
      entity,
      location: root,
      relations: [],
      errors: [],
    };
    out.candidates.push(candidate);
    await visit(candidate, root, {
      originKey: root.key,
      rules: configured.rules ?? options.rules,
      reader: configured.fileRoots ? confineFileReads(reader, configured.fileRoots) : reader,
    });
  }
  return out;
}

function parseKey(key: string): { type: 'file' | 'url'; target: string } {
  const colon = key.indexOf(':');
  const type = key.slice(0, colon) === 'url' ? 'url' : 'file';
  return { type, target: key.slice(colon + 1) };
}

function safeRelations(entity: Entity) {
  try {
    return entityRelations(entity);
  } catch {
    return [];
  }
}
