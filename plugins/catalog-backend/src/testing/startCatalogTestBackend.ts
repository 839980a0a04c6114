import { randomBytes } from 'node:crypto';
import { CatalogClient } from '@backstage/catalog-client';
import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import {
  startTestBackend,
  type TestDatabaseId,
  type TestDatabases,
} from '@greenroom/backend-test-utils';
import type { Knex } from 'knex';
import { createCatalogStore, type CatalogStore } from '../database/CatalogStore';
import { catalogPlugin } from '../plugin';

export interface CatalogTestBackend {
  /** `http://127.0.0.1:<port>/api/catalog` */
  baseUrl: string;
  knex: Knex;
  store: CatalogStore;
  /** The real Backstage client, authenticated with a static external-access token. */
  client: CatalogClient;
  /** fetch against baseUrl, with the same token unless `authorization` is overridden. */
  request(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * A real backend running only the catalog plugin, on a fresh database the test can also write
 * to through the store (the plugin gets the very same Knex client).
 */
export async function startCatalogTestBackend(
  databases: TestDatabases,
  id: TestDatabaseId,
): Promise<CatalogTestBackend> {
  const knex = await databases.init(id);
  const token = `catalog-test-${randomBytes(12).toString('hex')}`;
  const database = createServiceFactory({
    service: coreServices.database,
    deps: {},
    factory: () => ({ getClient: async () => knex }),
  });
  const backend = await startTestBackend({
    features: [catalogPlugin, database],
    config: {
      backend: {
        auth: {
          externalAccess: [{ type: 'static', options: { token, subject: 'catalog-tests' } }],
        },
      },
    },
  });
  const baseUrl = `${backend.url}/api/catalog`;
  const withToken = (init?: RequestInit): RequestInit => ({
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init?.headers as Record<string, string>) },
  });
  const client = new CatalogClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: (input, init) => fetch(input, withToken(init)) },
  });
  return {
    baseUrl,
    knex,
    store: createCatalogStore(knex),
    client,
    request: (path, init) => fetch(`${baseUrl}${path}`, withToken(init)),
    stop: () => backend.stop(),
  };
}
