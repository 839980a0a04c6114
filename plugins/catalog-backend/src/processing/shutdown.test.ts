import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import {
  createTestLogger,
  startTestBackend,
  TestDatabases,
  type CapturedLogLine,
  type TestBackend,
} from '@greenroom/backend-test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogPlugin } from '../plugin';
import { waitFor } from './testing/startIngestionTestBackend';

const databases = TestDatabases.create();
const COUNT = 1200;

// The real database service (not the shared test client): it closes the plugin's pool in a
// shutdown hook that runs before the catalog's own, which is what made a stop hang 60 s.
describe.each(databases.eachSupportedId())('stopping a backend that ingests on %s', id => {
  let dir: string | undefined;
  let backend: TestBackend | undefined;
  let lines: CapturedLogLine[] = [];
  afterEach(async () => {
    await backend?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
    backend = undefined;
    dir = undefined;
    lines = [];
  });

  async function start(): Promise<(path: string) => Promise<Response>> {
    dir = await mkdtemp(join(tmpdir(), 'catalog-shutdown-'));
    const docs = Array.from(
      { length: COUNT },
      (_, i) =>
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: c${i}\nspec:\n  type: service\n  lifecycle: production\n  owner: group:team-${i % 7}\n`,
    );
    await writeFile(join(dir, 'many.yaml'), docs.join('---\n'));
    const token = `shutdown-test-${randomBytes(12).toString('hex')}`;
    const logger = createTestLogger(lines);
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        createServiceFactory({
          service: coreServices.rootLogger,
          deps: {},
          factory: () => logger,
        }),
      ],
      config: {
        backend: {
          database: databases.configFor(id),
          auth: {
            externalAccess: [{ type: 'static', options: { token, subject: 'shutdown-tests' } }],
          },
        },
        catalog: {
          processingInterval: { minutes: 10 },
          locations: [{ type: 'file', target: join(dir, 'many.yaml') }],
        },
      },
    });
    const base = `${backend.url}/api/catalog`;
    return path => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  }

  const problems = () =>
    lines.filter(l => l.level === 'error' || l.level === 'warn').map(l => l.message);

  async function timedStop(): Promise<number> {
    const started = Date.now();
    await backend!.stop();
    backend = undefined;
    return Date.now() - started;
  }

  it('stops within seconds right after the entities become queryable, logging no errors', async () => {
    const get = await start();
    await waitFor(async () => {
      const res = await get('/entities/by-query?filter=kind=component&limit=1');
      const body = (await res.json()) as { totalItems?: number };
      return body.totalItems === COUNT ? true : undefined;
    }, 60_000);
    expect(await timedStop()).toBeLessThan(3000);
    expect(problems()).toEqual([]);
  }, 90_000);

  it('stops within seconds in the middle of the ingest, logging no errors', async () => {
    const get = await start();
    await waitFor(async () => {
      const res = await get('/entities/by-query?filter=kind=component&limit=1');
      const body = (await res.json()) as { totalItems?: number };
      return (body.totalItems ?? 0) > 0 ? true : undefined;
    }, 60_000);
    expect(await timedStop()).toBeLessThan(3000);
    expect(problems()).toEqual([]);
  }, 90_000);
});
