import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { describe, expect, it } from 'vitest';
import { componentYaml } from './testing/componentYaml';
import { startIngestionTestBackend } from './testing/startIngestionTestBackend';
import { useScratchCatalog } from './testing/useScratchCatalog';

const databases = TestDatabases.create();
const TOTAL = 1500;

describe.each(databases.eachSupportedId())('the API during a large load on %s', id => {
  const scratch = useScratchCatalog('catalog-during-load-');

  // better-sqlite3 settles queries synchronously: an engine that chained batch after batch
  // in microtasks would answer the first request only once the whole load was done.
  it('answers between batches, so progress is visible while entities are processed', async () => {
    const dir = await scratch.makeDir();
    const docs = Array.from({ length: TOTAL }, (_, i) => componentYaml(`c${i}`));
    await writeFile(join(dir, 'many.yaml'), docs.join('---\n'));
    const catalog = scratch.track(
      await startIngestionTestBackend(databases, id, {
        processingInterval: { minutes: 10 },
        processingBatchSize: 50,
        locations: [{ type: 'file', target: join(dir, 'many.yaml') }],
      }),
    );
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
