import { randomBytes } from 'node:crypto';
import { CatalogClient } from '@backstage/catalog-client';
import {
  type BackendFeature,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@greenroom/backend-plugin-api';
import {
  startTestBackend,
  type TestDatabaseId,
  type TestDatabases,
} from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import type { Knex } from 'knex';
import { catalogPlugin } from '../../plugin';
import { CATALOG_ERRORS_TOPIC, type CatalogErrorsEventPayload } from '../publishErrors';

export interface IngestionTestBackend {
  client: CatalogClient;
  knex: Knex;
  /** Every payload published on `experimental.catalog.errors` so far. */
  errorEvents: CatalogErrorsEventPayload[];
  /** Resolves once nothing is due, everything was processed and stitched (see waitForCatalogIdle). */
  waitForIdle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real backend with the catalog plugin (engine included) on a fresh database, configured with
 * the given `catalog` block, plus a plugin that records the catalog's error events.
 */
export async function startIngestionTestBackend(
  databases: TestDatabases,
  id: TestDatabaseId,
  catalog: JsonObject,
  /** Extra `backend.reading` config (e.g. `allow` for url locations). */
  reading?: JsonObject,
  options: {
    /** Modules (providers, processors) to install beside the catalog. */
    features?: BackendFeature[];
    /** An existing database to share (a second instance), instead of a fresh one. */
    knex?: Knex;
  } = {},
): Promise<IngestionTestBackend> {
  const knex = options.knex ?? (await databases.init(id));
  const token = `ingestion-test-${randomBytes(12).toString('hex')}`;
  const errorEvents: CatalogErrorsEventPayload[] = [];
  const recorder = createBackendPlugin({
    pluginId: 'catalog-error-recorder',
    register(env) {
      env.registerInit({
        deps: { events: coreServices.events },
        async init({ events }) {
          await events.subscribe({
            id: 'catalog-error-recorder',
            topics: [CATALOG_ERRORS_TOPIC],
            onEvent: async ({ eventPayload }) => {
              errorEvents.push(eventPayload as CatalogErrorsEventPayload);
            },
          });
        },
      });
    },
  });
  const database = createServiceFactory({
    service: coreServices.database,
    deps: {},
    factory: () => ({ getClient: async () => knex }),
  });
  const backend = await startTestBackend({
    features: [recorder, catalogPlugin, database, ...(options.features ?? [])],
    config: {
      backend: {
        auth: {
          externalAccess: [{ type: 'static', options: { token, subject: 'ingestion-tests' } }],
        },
        ...(reading ? { reading } : {}),
      },
      catalog,
    },
  });
  const baseUrl = `${backend.url}/api/catalog`;
  const client = new CatalogClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: {
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: {
            authorization: `Bearer ${token}`,
            ...(init?.headers as Record<string, string>),
          },
        }),
    },
  });
  return {
    client,
    knex,
    errorEvents,
    waitForIdle: timeoutMs => waitForCatalogIdle(knex, timeoutMs),
    stop: () => backend.stop(),
  };
}

/**
 * Polls the engine's tables until no row is due, every row was processed once, every processed
 * row has a final entity, nothing waits in the stitch queue, and the read side stopped changing.
 */
export async function waitForCatalogIdle(knex: Knex, timeoutMs = 30_000): Promise<void> {
  const count = async (q: Knex.QueryBuilder) => Number((await q.count({ n: '*' }).first())?.n ?? 0);
  let last = '';
  await waitFor(async () => {
    const due = await count(knex('refresh_state').where('next_update_at', '<=', Date.now()));
    const unprocessed = await count(knex('refresh_state').whereNull('result_hash'));
    const unstitched = await count(
      knex('refresh_state')
        .whereNotNull('processed_entity')
        .whereNotIn('entity_id', knex('final_entities').select('entity_id')),
    );
    const queued = await count(knex('stitch_queue'));
    const latest = await knex('final_entities').max({ at: 'updated_at' }).count({ n: '*' }).first();
    const state = JSON.stringify([due, unprocessed, unstitched, queued, latest]);
    const idle =
      due === 0 && unprocessed === 0 && unstitched === 0 && queued === 0 && state === last;
    last = state;
    return idle ? true : undefined;
  }, timeoutMs);
}

/** Polls `check` until it returns a value other than undefined (for scheduled runs). */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise(r => setTimeout(r, 150));
  }
}
