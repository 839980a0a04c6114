import { NotFoundError } from '@greenroom/errors';
import express, { type Router } from 'express';
import { listEntities } from '../commands/listEntities';
import { queryEntityPage } from '../commands/queryEntityPage';
import type { EntityQueries } from '../database/EntityQueries';
import type { EntityAncestry } from '../database/getEntityAncestry';
import { projectEntity } from './presenters';
import {
  parseByRefsRequest,
  parseFacetsBody,
  parseFacetsQuery,
  parseListEntitiesQuery,
  parseQueryEntitiesBody,
  parseQueryEntitiesQuery,
} from './schema';

export interface CatalogRouterOptions {
  queries: EntityQueries;
  /** HMAC key for pagination cursors. */
  cursorSigningKey: Buffer;
  /** The entity and its parents up to the provider roots; NotFoundError when absent. */
  getEntityAncestry(entityRef: string): Promise<EntityAncestry>;
  /** Removes an entity by uid (unknown uids are fine); its parent may emit it again. */
  removeEntityByUid(uid: string): Promise<void>;
}

/** The catalog's entity read API (and delete by uid), with Backstage's paths and bodies. */
export function createCatalogRouter({
  queries,
  cursorSigningKey,
  getEntityAncestry,
  removeEntityByUid,
}: CatalogRouterOptions): Router {
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/entities', async (req, res) => {
    const input = parseListEntitiesQuery(req.query);
    const { items, nextAfter } = await listEntities(queries, cursorSigningKey, input);
    if (nextAfter) {
      const next = new URLSearchParams({ after: nextAfter });
      if (input.fields) next.set('fields', input.fields.join(','));
      if (input.limit !== undefined) next.set('limit', String(input.limit));
      res.setHeader('Link', `</entities?${next}>; rel="next"`);
    }
    res.json(items);
  });

  router.get('/entities/by-query', async (req, res) => {
    const input = parseQueryEntitiesQuery(req.query);
    res.json(await queryEntityPage(queries, cursorSigningKey, input, false));
  });

  router.post('/entities/by-query', async (req, res) => {
    const input = parseQueryEntitiesBody(req.body);
    res.json(await queryEntityPage(queries, cursorSigningKey, input, true));
  });

  router.get('/entities/by-uid/:uid', async (req, res) => {
    const entity = await queries.entityByUid(req.params.uid);
    if (!entity) throw new NotFoundError(`No entity with uid ${req.params.uid}`);
    res.json(entity);
  });

  router.delete('/entities/by-uid/:uid', async (req, res) => {
    // As Backstage: deleting an unknown uid is not an error (the end state is the same).
    await removeEntityByUid(req.params.uid);
    res.status(204).end();
  });

  router.get('/entities/by-name/:kind/:namespace/:name', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const entity = await queries.entityByRef(`${kind}:${namespace}/${name}`.toLowerCase());
    if (!entity) {
      throw new NotFoundError(
        `No entity named '${name}' found, with kind '${kind}' in namespace '${namespace}'`,
      );
    }
    res.json(entity);
  });

  router.get('/entities/by-name/:kind/:namespace/:name/ancestry', async (req, res) => {
    const { kind, namespace, name } = req.params;
    res.json(await getEntityAncestry(`${kind}:${namespace}/${name}`));
  });

  router.post('/entities/by-refs', async (req, res) => {
    const { refs, fields, filter } = parseByRefsRequest(req.body, req.query);
    const found = await queries.entitiesByRefs(refs, filter);
    res.json({ items: found.map(entity => (entity ? projectEntity(entity, fields) : null)) });
  });

  router.get('/entity-facets', async (req, res) => {
    const { facets, filter } = parseFacetsQuery(req.query);
    res.json({ facets: await queries.facets(facets, filter) });
  });

  router.post('/entity-facets', async (req, res) => {
    const { facets, filter } = parseFacetsBody(req.body);
    res.json({ facets: await queries.facets(facets, filter) });
  });

  return router;
}
