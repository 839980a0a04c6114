import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { stringifyEntityRef } from '@greenroom/catalog-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startIngestionTestBackend,
  type IngestionTestBackend,
} from '../processing/testing/startIngestionTestBackend';
import { createCatalogStorage } from './createCatalogStorage';
import { getEntityAncestry } from './getEntityAncestry';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())('getEntityAncestry on %s', id => {
  let dir: string;
  let catalog: IngestionTestBackend;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-ancestry-'));
    await writeFile(
      join(dir, 'root.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets: [./team.yaml]\n',
    );
    await writeFile(
      join(dir, 'team.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: leaf\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n',
    );
    catalog = await startIngestionTestBackend(databases, id, {
      processingInterval: { minutes: 10 },
      locations: [{ type: 'file', target: join(dir, 'root.yaml') }],
    });
    await catalog.waitForIdle();
  }, 60_000);
  afterAll(async () => {
    await catalog?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('walks from an entity up to the provider root, as final entities', async () => {
    const ancestry = await getEntityAncestry(catalog.knex, 'Component:default/LEAF');
    expect(ancestry.rootEntityRef).toBe('component:default/leaf');
    const rows = ancestry.items.map(i => [stringifyEntityRef(i.entity), i.parentEntityRefs]);
    expect(rows).toEqual([
      ['component:default/leaf', ['location:default/root']],
      ['location:default/root', [expect.stringMatching(/^location:default\/generated-/)]],
      [expect.stringMatching(/^location:default\/generated-/), []],
    ]);
    expect(ancestry.items[0].entity.metadata.uid).toEqual(expect.any(String));
  });

  it('is reachable through the catalog storage the router gets', async () => {
    const storage = await createCatalogStorage({
      getClient: async () => catalog.knex,
      migrations: { skip: true },
    });
    const ancestry = await storage.getEntityAncestry('component:default/leaf');
    expect(ancestry.items).toHaveLength(3);
  });

  it('throws NotFoundError for an unknown entity', async () => {
    await expect(getEntityAncestry(catalog.knex, 'component:default/nope')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});
