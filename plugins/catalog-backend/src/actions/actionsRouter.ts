import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  parseEntityRef,
  stringifyEntityRef,
  validateEntity,
  type Entity,
} from '@greenroom/catalog-model';
import { InputError, NotFoundError } from '@greenroom/errors';
import express, { type Router } from 'express';
import type { EntityQueries } from '../database/EntityQueries';
import { entityRelations } from '../processing/entityRelations';

export interface ActionsRouterOptions {
  queries: EntityQueries;
  /** Makes the entity (and the Location it was read from) due now; false if the engine lacks it. */
  refreshEntity(entityRef: string): Promise<boolean>;
}

/** The location ref, or undefined when `location` is not one (`type:target`). */
function parseLocation(location: unknown): string | undefined {
  const colon = typeof location === 'string' ? location.indexOf(':') : -1;
  if (typeof location !== 'string' || colon <= 0 || !location.slice(colon + 1).trim()) {
    return undefined;
  }
  return location;
}

/** The problems `POST /validate-entity` reports, as serialized errors. */
function entityProblems(
  value: unknown,
  location: string,
): Array<{ name: string; message: string }> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ name: 'InputError', message: 'entity must be an object' }];
  }
  const entity = value as Entity;
  // As Backstage: the entity is checked as if it had been read from `location`.
  const annotated: Entity = {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...(entity.metadata?.annotations ?? {}),
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
      },
    },
  };
  const result = validateEntity(annotated);
  if (!result.valid) {
    return result.errors.map(i => ({
      name: 'InputError',
      message: i.path ? `${i.path}: ${i.message}` : i.message,
    }));
  }
  try {
    entityRelations(annotated);
  } catch (error) {
    return [{ name: 'InputError', message: (error as Error).message }];
  }
  return [];
}

/** `POST /validate-entity` and `POST /refresh`. */
export function createActionsRouter({ queries, refreshEntity }: ActionsRouterOptions): Router {
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));

  router.post('/validate-entity', async (req, res) => {
    const body = (req.body ?? {}) as { entity?: unknown; location?: unknown };
    const location = parseLocation(body.location);
    // As Backstage: a bad request body is a 400 with `errors`, so catalog-client can show why.
    const errors = location
      ? entityProblems(body.entity, location)
      : [{ name: 'InputError', message: 'location must be a location ref such as url:https://…' }];
    if (errors.length > 0) {
      res.status(400).json({ errors });
      return;
    }
    res.status(200).end();
  });

  router.post('/refresh', async (req, res) => {
    const { entityRef } = (req.body ?? {}) as { entityRef?: unknown };
    if (typeof entityRef !== 'string') throw new InputError('entityRef must be a string');
    let ref: string;
    try {
      ref = stringifyEntityRef(parseEntityRef(entityRef)).toLowerCase();
    } catch {
      throw new InputError('entityRef is not a valid entity ref');
    }
    if (!(await queries.entityByRef(ref))) throw new NotFoundError(`No entity ${ref}`);
    // Entities written by something other than the engine have nothing to re-read.
    await refreshEntity(ref);
    res.status(200).end();
  });

  return router;
}
