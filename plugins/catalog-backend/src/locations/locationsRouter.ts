import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import { ANNOTATION_ORIGIN_LOCATION } from '@greenroom/catalog-model';
import { NotAllowedError, NotFoundError } from '@greenroom/errors';
import express, { type Router } from 'express';
import type { EntityQueries } from '../database/EntityQueries';
import type { ProcessingContext } from '../processing/processClaimedEntity';
import { analyzeLocation } from './analyzeLocation';
import type { LocationStore } from './LocationStore';
import { previewLocation } from './previewLocation';
import { queryLocations } from './queryLocations';
import { normaliseRegistration } from './registrationPolicy';
import type { RegisteredLocationsProvider } from './registeredLocationsProvider';

export interface LocationsRouterOptions {
  locations: LocationStore;
  queries: EntityQueries;
  reader: UrlReaderService;
  /** Turns each change into a delta for the engine at once. */
  provider: RegisteredLocationsProvider;
  /** The engine's processing context (see createCatalogProcessing), for dry runs. */
  processingContext(registering?: string): Promise<ProcessingContext>;
  fileRoots: readonly string[];
  /** `catalog.readonly`: registering, moving and removing locations are refused (403). */
  readonly?: boolean;
}

/** `/locations`: Backstage's registered-location API (see README.md for the policy). */
export function createLocationsRouter(options: LocationsRouterOptions): Router {
  const { locations, queries, reader, provider, processingContext, fileRoots } = options;
  const refuseInReadonlyMode = () => {
    if (options.readonly) throw new NotAllowedError('This operation not allowed in readonly mode');
  };
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/locations', async (_req, res) => {
    res.json((await locations.list()).map(data => ({ data })));
  });

  router.post('/locations', async (req, res) => {
    const location = await normaliseRegistration(req.body, fileRoots);
    const dryRun = req.query.dryRun === 'true';
    const existing = await locations.byKey(location.type, location.target);
    if (dryRun) {
      const entities = await previewLocation({ processingContext, location });
      res.status(201).json({
        location: existing ?? { id: crypto.randomUUID(), ...location },
        entities,
        exists: Boolean(existing),
      });
      return;
    }
    refuseInReadonlyMode();
    if (existing && req.query.onConflict === 'refresh') {
      await provider.added(existing);
      res.status(201).json({ location: existing, entities: [], exists: true });
      return;
    }
    if (location.type === 'url') await refuseDisallowedUrl(reader, location.target);
    const added = await locations.add(location);
    await provider.added(added);
    res.status(201).json({ location: added, entities: [] });
  });

  router.post('/locations/by-query', async (req, res) => {
    res.json(await queryLocations(req.body, locations));
  });

  router.post('/analyze-location', async (req, res) => {
    res.json(await analyzeLocation(req.body, { reader, locations }));
  });

  router.get('/locations/by-entity/:kind/:namespace/:name', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const entity = await queries.entityByRef(`${kind}:${namespace}/${name}`.toLowerCase());
    const origin = entity?.metadata.annotations?.[ANNOTATION_ORIGIN_LOCATION];
    const colon = origin?.indexOf(':') ?? -1;
    const found =
      origin && colon > 0
        ? await locations.byKey(origin.slice(0, colon), origin.slice(colon + 1))
        : undefined;
    if (!found)
      throw new NotFoundError(`No location found for entity ${kind}:${namespace}/${name}`);
    res.json(found);
  });

  router.get('/locations/:id', async (req, res) => {
    const found = await locations.get(req.params.id);
    if (!found) throw new NotFoundError(`No location with id ${req.params.id}`);
    res.json(found);
  });

  router.put('/locations/:id', async (req, res) => {
    refuseInReadonlyMode();
    const location = await normaliseRegistration(req.body, fileRoots);
    if (location.type === 'url') await refuseDisallowedUrl(reader, location.target);
    const before = await locations.get(req.params.id);
    const updated = await locations.update(req.params.id, location);
    if (!updated || !before) throw new NotFoundError(`No location with id ${req.params.id}`);
    await provider.removed(before);
    await provider.added(updated);
    res.json(updated);
  });

  router.delete('/locations/:id', async (req, res) => {
    refuseInReadonlyMode();
    const before = await locations.get(req.params.id);
    if (!before || !(await locations.remove(req.params.id))) {
      throw new NotFoundError(`No location with id ${req.params.id}`);
    }
    // The generated Location and everything only it kept alive are deleted at once.
    await provider.removed(before);
    res.status(204).end();
  });

  return router;
}

/**
 * A url location on a host `backend.reading.allow` does not list is refused before anything
 * is stored. Other read failures (a 404) are kept: the location is registered and the error
 * shows up on its Location entity, as for any location that breaks later.
 */
async function refuseDisallowedUrl(reader: UrlReaderService, target: string): Promise<void> {
  try {
    await reader.readUrl(target);
  } catch (error) {
    if ((error as Error).name === 'NotAllowedError') {
      throw new NotAllowedError(
        `Reading ${new URL(target).host} is not allowed by backend.reading.allow`,
      );
    }
  }
}
