import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@greenroom/catalog-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startIngestionTestBackend,
  type IngestionTestBackend,
} from './testing/startIngestionTestBackend';
import { componentYaml } from './testing/componentYaml';

const databases = TestDatabases.create();
const SECRET = 'do-not-repeat-this-value';

const component = componentYaml;

describe.each(databases.eachSupportedId())('bad input through locations on %s', id => {
  let dir: string;
  let server: Server;
  let catalog: IngestionTestBackend;
  let items: Entity[];
  let missingUrl: string;
  const byName = (name: string) => items.find(e => e.metadata.name === name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-bad-'));
    // 50 MB: over the reader's 32 MiB limit; refused before it is read into memory.
    await writeFile(join(dir, 'huge.yaml'), Buffer.alloc(50 * 1024 * 1024, `# ${SECRET}\n`));
    await writeFile(
      join(dir, 'not-entities.yaml'),
      `- ${SECRET}\n- b\n---\nkind: Component\nmetadata: {}\n---\njust a string ${SECRET}\n`,
    );
    await writeFile(join(dir, 'good.yaml'), component('survivor'));
    await writeFile(
      join(dir, 'root.yaml'),
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets: [./huge.yaml, ./not-entities.yaml, ./good.yaml]\n`,
    );
    server = createServer((_req, res) => res.writeHead(404).end(SECRET));
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    missingUrl = `http://127.0.0.1:${port}/missing/catalog-info.yaml`;
    catalog = await startIngestionTestBackend(
      databases,
      id,
      {
        processingInterval: { minutes: 10 },
        locations: [
          { type: 'file', target: join(dir, 'root.yaml') },
          { type: 'url', target: missingUrl },
        ],
      },
      { allow: [{ host: `127.0.0.1:${port}` }] },
    );
    await catalog.waitForIdle();
    items = (await catalog.client.getEntities()).items;
  }, 60_000);
  afterAll(async () => {
    await catalog?.stop();
    await new Promise(r => server?.close(r));
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a 50 MB file with a clear error on its Location, and keeps the rest', () => {
    expect(byName('survivor')).toBeDefined();
    const messages = byName('root')!.status!.items!.map(i => i.message);
    expect(messages[0]).toBe(
      `InputError: '${join(dir, 'huge.yaml')}' is 50 MiB, more than the 32 MiB read limit`,
    );
  });

  it('reports YAML documents that are not entities, without their content', () => {
    const messages = byName('root')!.status!.items!.map(i => i.message);
    const notEntity = `InputError: A document in file:${join(dir, 'not-entities.yaml')} is not an entity (it needs kind and metadata.name)`;
    expect(messages.slice(1)).toEqual([notEntity, notEntity, notEntity]);
  });

  it('puts a url location that answers 404 on its generated Location', () => {
    const generated = items.find(e => e.spec?.target === missingUrl)!;
    expect(generated.status!.items!.map(i => i.message)).toEqual([
      expect.stringMatching(/^NotFoundError: Could not read '.*': not found \(HTTP 404\)$/),
    ]);
    const event = catalog.errorEvents.find(e => e.entity === stringifyEntityRef(generated));
    expect(event?.location).toBe(`url:${missingUrl}`);
  });

  it('never repeats file or response content', () => {
    expect(JSON.stringify(items)).not.toContain(SECRET);
    expect(JSON.stringify(catalog.errorEvents)).not.toContain(SECRET);
  });
});
