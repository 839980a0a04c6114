import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import type { Entity } from '@greenroom/catalog-model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAGED_OFFSET } from '../database/upsertDeferredEntities';
import {
  startIngestionTestBackend,
  waitFor,
  type IngestionTestBackend,
} from './testing/startIngestionTestBackend';

const databases = TestDatabases.create();

// Over the stager's chunk (1,000): the file's children are written while it is parsed.
const COUNT = 1500;

const component = (i: number, description = `c${i}`) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: c${i}\n  description: ${description}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

describe.each(databases.eachSupportedId())('a Location with a large file on %s', id => {
  let dir: string;
  let catalog: IngestionTestBackend | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-large-'));
  });
  afterEach(async () => {
    await catalog?.stop();
    catalog = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const file = () => join(dir, 'many.yaml');
  const writeDocs = (docs: string[]) => writeFile(file(), docs.join('---\n'));
  const components = async () =>
    (await catalog!.knex('final_entities').where('kind', 'component').select('name')).map(
      r => r.name as string,
    );
  const descriptionOf = async (name: string) =>
    (await catalog!.client.getEntityByRef(`component:default/${name}`))?.metadata.description;
  // What the refresh task does: every Location is due now (its file is re-read if changed).
  const refresh = () =>
    catalog!
      .knex('refresh_state')
      .where('entity_ref', 'like', 'location:%')
      .update({ next_update_at: Date.now() });
  const locationErrors = async () => {
    const rows = await catalog!.knex('refresh_state').where('entity_ref', 'like', 'location:%');
    return rows.map(r => String(r.errors ?? '')).join('\n');
  };

  it('ingests every document, in order, and holds nothing back afterwards', async () => {
    await writeDocs(Array.from({ length: COUNT }, (_, i) => component(i)));
    catalog = await startIngestionTestBackend(databases, id, {
      processingInterval: { minutes: 10 },
      locations: [{ type: 'file', target: file() }],
    });
    await catalog.waitForIdle(60_000);
    expect((await components()).length).toBe(COUNT);
    const held = await catalog.knex('refresh_state').where('next_update_at', '>=', STAGED_OFFSET);
    expect(held).toEqual([]);
    const edges = await catalog
      .knex('refresh_state_references')
      .where('target_entity_ref', 'like', 'component:%')
      .orderBy('position')
      .select('target_entity_ref');
    expect(edges.length).toBe(COUNT);
    expect(edges[0].target_entity_ref).toBe('component:default/c0');
    expect(edges[COUNT - 1].target_entity_ref).toBe(`component:default/c${COUNT - 1}`);
  }, 90_000);

  it('takes back what a file staged when a later document is broken, and keeps the old children', async () => {
    await writeDocs(Array.from({ length: COUNT }, (_, i) => component(i)));
    catalog = await startIngestionTestBackend(databases, id, {
      processingInterval: { minutes: 10 },
      locations: [{ type: 'file', target: file() }],
    });
    await catalog.waitForIdle(60_000);

    // c0 changes and a new entity appears before the break (both past the first chunk).
    const docs = Array.from({ length: COUNT }, (_, i) =>
      component(i, i === 0 ? 'changed' : `c${i}`),
    );
    docs.splice(1200, 0, component(9999), 'metadata: [broken\n');
    await writeDocs(docs);
    await refresh();
    await waitFor(async () =>
      (await locationErrors()).includes('has YAML errors') ? true : undefined,
    );
    await catalog.waitForIdle(30_000);

    expect((await components()).length).toBe(COUNT);
    expect(
      await catalog.knex('refresh_state').where('entity_ref', 'component:default/c9999'),
    ).toEqual([]);
    expect(await descriptionOf('c0')).toBe('c0');
    const alpha = (await catalog.client.getEntityByRef('component:default/c1400')) as
      Entity | undefined;
    expect(alpha?.status?.items?.[0]?.message).toMatch(/many\.yaml has YAML errors/);
  }, 90_000);

  it('deletes the children a large file stops emitting and writes the changed ones', async () => {
    await writeDocs(Array.from({ length: COUNT }, (_, i) => component(i)));
    catalog = await startIngestionTestBackend(databases, id, {
      processingInterval: { minutes: 10 },
      locations: [{ type: 'file', target: file() }],
    });
    await catalog.waitForIdle(60_000);

    const docs = Array.from({ length: COUNT }, (_, i) =>
      component(i, i === 1300 ? 'changed' : `c${i}`),
    );
    docs.splice(1400, 1);
    await writeDocs(docs);
    await refresh();
    await waitFor(async () => ((await descriptionOf('c1300')) === 'changed' ? true : undefined));
    await waitFor(async () => ((await components()).includes('c1400') ? undefined : true));
    expect((await components()).length).toBe(COUNT - 1);
  }, 90_000);
});
