import type { EventsService, LoggerService, UrlReaderService } from '@greenroom/backend-plugin-api';
import { ANNOTATION_ORPHAN, type Entity } from '@greenroom/catalog-model';
import type { Knex } from 'knex';
import type { CatalogStore } from '../database/CatalogStore';
import { collectEntities } from './collectEntities';
import type { ProcessingConfig, StaticLocation } from './config';
import { createEntitySources } from './entitySources';
import { publishErrors, type CatalogErrorsEventPayload } from './publishErrors';
import { hashEntity, stitchEntities } from './stitchEntities';

/** What one processing run did. */
export interface ProcessingRunSummary {
  /** Entities in the catalog after the run that came from locations. */
  entities: number;
  written: number;
  deleted: number;
  /** Entities kept and marked `backstage.io/orphan` (orphanStrategy keep). */
  orphaned: number;
  /** Error events published. */
  errors: number;
}

export interface ProcessingEngine {
  /** Reads every location, writes what changed, handles orphans, publishes errors. */
  processOnce(): Promise<ProcessingRunSummary>;
}

export interface ProcessingEngineOptions {
  knex: Knex;
  store: CatalogStore;
  reader: UrlReaderService;
  events: EventsService;
  logger: LoggerService;
  config: ProcessingConfig;
  /** Locations registered through the API, read at the start of every run. */
  registeredLocations?: () => Promise<StaticLocation[]>;
}

/** The ingestion engine over the catalog tables (one run at a time: see the scheduled task). */
export function createProcessingEngine(options: ProcessingEngineOptions): ProcessingEngine {
  const { knex, store, reader, events, logger, config } = options;
  const sources = createEntitySources(knex);

  return {
    async processOnce() {
      const claims = await sources.claims();
      const collected = await collectEntities({
        reader,
        locations: [...config.locations, ...((await options.registeredLocations?.()) ?? [])],
        rules: config.rules,
        previous: {
          fromLocation: locationKey => sources.finalEntities({ locationKey }),
          byRef: async ref => (await sources.finalEntities({ refs: [ref] }))[0],
        },
      });
      const { entities, unattached } = stitchEntities(collected, claims);

      const existing = await sources.managedHashes();
      const produced = new Set(entities.map(e => e.ref));
      const gone = [...existing.keys()].filter(ref => !produced.has(ref));
      let deleted = 0;
      let orphaned = 0;
      if (config.orphanStrategy === 'delete') {
        deleted = await store.deleteEntities(gone.map(ref => existing.get(ref)!.entityId));
        await sources.forget(gone);
      } else {
        const orphans = (await sources.finalEntities({ refs: gone })).filter(
          e => e.metadata.annotations?.[ANNOTATION_ORPHAN] !== 'true',
        );
        await store.upsertFinalEntities(orphans.map(markOrphan));
        orphaned = orphans.length;
      }

      const changed = entities.filter(e => existing.get(e.ref)?.hash !== e.hash);
      await store.upsertFinalEntities(changed.map(e => ({ entity: e.entity, hash: e.hash })));
      await sources.record(
        entities.map(e => ({
          ref: e.ref,
          entityId: e.entity.metadata.uid!,
          locationKey: e.locationKey,
        })),
      );

      const payloads: CatalogErrorsEventPayload[] = [
        ...entities
          .filter(e => e.eventErrors.length > 0)
          .map(e => ({ entity: e.ref, location: e.locationKey, errors: e.eventErrors })),
        ...unattached.map(u => ({ entity: u.ref, location: u.location, errors: u.errors })),
      ];
      await publishErrors(events, logger, payloads);
      const summary = {
        entities: entities.length,
        written: changed.length,
        deleted,
        orphaned,
        errors: payloads.length,
      };
      logger.info(
        `Catalog processing: ${summary.entities} entities, ${summary.written} written, ${summary.deleted} deleted, ${summary.errors} with errors`,
      );
      return summary;
    },
  };
}

function markOrphan(entity: Entity) {
  const marked: Entity = {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: { ...entity.metadata.annotations, [ANNOTATION_ORPHAN]: 'true' },
    },
  };
  const hash = hashEntity(marked);
  marked.metadata.etag = hash.slice(0, 40);
  return { entity: marked, hash };
}
