import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../database/tables';
import { componentYaml } from './testing/componentYaml';
import {
  startIngestionTestBackend,
  type IngestionTestBackend,
} from './testing/startIngestionTestBackend';
import { useScratchCatalog } from './testing/useScratchCatalog';

const databases = TestDatabases.create();

const GROUP = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
`;

describe.each(databases.eachSupportedId())('the stitch queue on %s', id => {
  const scratch = useScratchCatalog('catalog-stitch-queue-');
  let dir: string;

  async function start(knex?: Knex) {
    const catalog = await startIngestionTestBackend(
      databases,
      id,
      {
        processingInterval: { minutes: 10 },
        rules: [{ allow: ['Component', 'Group', 'Location'] }],
        locations: [{ type: 'file', target: join(dir!, 'catalog.yaml') }],
      },
      undefined,
      { knex },
    );
    return scratch.track(catalog);
  }

  const ownerOf = async (catalog: IngestionTestBackend) =>
    (await catalog.client.getEntityByRef('group:default/team-a'))?.relations
      ?.filter(r => r.type === 'ownerOf')
      .map(r => r.targetRef);

  it('stitches what a previous process queued but never stitched', async () => {
    dir = await scratch.makeDir();
    await writeFile(join(dir, 'catalog.yaml'), [GROUP, componentYaml('svc')].join('---\n'));
    const first = await start();
    await first.waitForIdle();
    expect(await ownerOf(first)).toEqual(['component:default/svc']);
    const { knex } = first;
    const queued = async () =>
      Number((await knex(TABLES.stitchQueue).count({ n: '*' }).first())?.n);
    expect(await queued()).toBe(0);
    await first.stop();
    scratch.forget(first);

    // As if the process died after the batch that gave the group its relation committed, but
    // before the deferred restitch ran: the read side still shows the group without it.
    const row = await knex(TABLES.entities).where('entity_ref', 'group:default/team-a').first();
    const stale = JSON.parse(row.final_entity);
    stale.relations = [];
    await knex(TABLES.entities)
      .where('entity_ref', 'group:default/team-a')
      .update({ final_entity: JSON.stringify(stale), hash: 'stale', relations_hash: 'stale' });
    await knex(TABLES.relations).where('entity_id', row.entity_id).delete();
    await knex(TABLES.stitchQueue).insert({
      entity_ref: 'group:default/team-a',
      batch: 'a-batch-of-the-previous-process',
    });

    const second = await start(knex);
    await second.waitForIdle();
    expect(await ownerOf(second)).toEqual(['component:default/svc']);
    expect(await queued()).toBe(0);
  });
});
