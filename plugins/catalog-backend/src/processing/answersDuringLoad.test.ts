import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { componentYaml } from './testing/componentYaml';
import {
  startIngestionTestBackend,
  type IngestionTestBackend,
} from './testing/startIngestionTestBackend';

const databases = TestDatabases.create();
const TOTAL = 1500;

describe.each(databases.eachSupportedId())('the API during a large load on %s', id => {
  let dir: string | undefined;
  let catalog: IngestionTestBackend | undefined;
  afterEach(async () => {
    await catalog?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
    catalog = undefined;
    dir = undefined;
  });

  // better-sqlite3 settles queries synchronously: an engine that chained batch after batch
  // in microtasks would answer the first request only once the whole load was done.
  it('answers between batches, so progress is visible while entities are processed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-during-load-'));
    const docs = Array.from({ length: TOTAL }, (_, i) => componentYaml(`c${i}`));
    await writeFile(join(dir, 'many.yaml'), docs.join('---\n'));
    catalog = await startIngestionTestBackend(databases, id, {
      processingInterval: { minutes: 10 },
      processingBatchSize: 50,
      locations: [{ type: 'file', target: join(dir, 'many.yaml') }],
    });
    const seen = new Set<number>();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { totalItems } = await catalog.client.queryEntities({
        filter: { kind: 'Component' },
        limit: 1,
      });
      seen.add(totalItems);
      if (totalItems === TOTAL) break;
      expect(Date.now()).toBeLessThan(deadline);
    }
    const partial = [...seen].filter(n => n > 0 && n < TOTAL);
    expect(partial.length).toBeGreaterThanOrEqual(3);
  }, 90_000);
});
