import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { describe, expect, it } from 'vitest';
import {
  startIngestionTestBackend,
  waitFor,
  type IngestionTestBackend,
} from './testing/startIngestionTestBackend';
import { useScratchCatalog } from './testing/useScratchCatalog';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())('statistics after a large first load on %s', id => {
  const scratch = useScratchCatalog('catalog-analyze-');
  let catalog: IngestionTestBackend | undefined;

  const analyzed = async (): Promise<boolean> => {
    const knex = catalog!.knex;
    if (knex.client.config.client === 'pg') {
      // last_analyze and last_vacuum are only set by explicit runs, never by autovacuum.
      const row = await knex('pg_stat_user_tables')
        .where('relname', 'final_entities')
        .first('last_analyze', 'last_vacuum');
      return Boolean(row?.last_analyze && row?.last_vacuum);
    }
    const table = await knex('sqlite_master').where({ name: 'sqlite_stat1' }).first('name');
    if (!table) return false;
    return Boolean(await knex('sqlite_stat1').where('tbl', 'final_entities').first('tbl'));
  };

  it('runs ANALYZE once the queue drains after more than 1,000 writes', async () => {
    const dir = await scratch.makeDir();
    const docs = Array.from(
      { length: 1100 },
      (_, i) =>
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: c${i}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`,
    );
    await writeFile(join(dir, 'many.yaml'), docs.join('---\n'));
    catalog = scratch.track(
      await startIngestionTestBackend(databases, id, {
        processingInterval: { minutes: 10 },
        locations: [{ type: 'file', target: join(dir, 'many.yaml') }],
      }),
    );
    expect(await analyzed()).toBe(false);
    await catalog.waitForIdle(60_000);
    await waitFor(async () => ((await analyzed()) ? true : undefined), 20_000);
    const { totalItems } = await catalog.client.queryEntities({
      filter: { kind: 'Component' },
      limit: 1,
    });
    expect(totalItems).toBe(1100);
  }, 90_000);
});
