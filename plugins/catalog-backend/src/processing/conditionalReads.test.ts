import { createHash } from 'node:crypto';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startIngestionTestBackend,
  waitFor,
  type IngestionTestBackend,
} from './testing/startIngestionTestBackend';
import { componentYaml } from './testing/componentYaml';

const databases = TestDatabases.create();

const component = componentYaml;

describe.each(databases.eachSupportedId())('conditional reads on %s', id => {
  let catalog: IngestionTestBackend | undefined;
  let server: Server | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await catalog?.stop();
    catalog = undefined;
    if (server) await new Promise(r => server!.close(r));
    server = undefined;
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('sends the last etag, skips an unchanged URL (304) and re-reads a changed one', async () => {
    let body = component('remote', 'first');
    const log: Array<{ ifNoneMatch?: string; status: number }> = [];
    server = createServer((req, res) => {
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      const ifNoneMatch = req.headers['if-none-match'];
      if (req.url !== '/catalog-info.yaml') {
        log.push({ ifNoneMatch, status: 404 });
        res.writeHead(404).end();
      } else if (ifNoneMatch === etag) {
        log.push({ ifNoneMatch, status: 304 });
        res.writeHead(304, { etag }).end();
      } else {
        log.push({ ifNoneMatch, status: 200 });
        res.writeHead(200, { etag }).end(body);
      }
    });
    await new Promise<void>(r => server!.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    catalog = await startIngestionTestBackend(
      databases,
      id,
      {
        processingInterval: { seconds: 1 },
        locations: [{ type: 'url', target: `http://127.0.0.1:${port}/catalog-info.yaml` }],
      },
      { allow: [{ host: `127.0.0.1:${port}` }] },
    );
    const description = async () =>
      (await catalog!.client.getEntityByRef('component:default/remote'))?.metadata.description;
    await waitFor(async () => ((await description()) === 'first' ? true : undefined));
    // Later runs ask with the etag and are answered 304: the file is neither sent nor parsed.
    await waitFor(async () => (log.filter(l => l.status === 304).length >= 2 ? true : undefined));
    expect(log[0]).toEqual({ ifNoneMatch: undefined, status: 200 });
    expect(log.filter(l => l.status === 200)).toHaveLength(1);
    expect(log.slice(1).every(l => l.ifNoneMatch !== undefined)).toBe(true);
    const uid = (await catalog.client.getEntityByRef('component:default/remote'))?.metadata.uid;

    body = component('remote', 'second');
    await waitFor(async () => ((await description()) === 'second' ? true : undefined));
    expect(log.filter(l => l.status === 200)).toHaveLength(2);
    expect((await catalog.client.getEntityByRef('component:default/remote'))?.metadata.uid).toBe(
      uid,
    );
  });

  it('does not re-read a file whose etag is unchanged, and re-reads it once it changes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-etag-'));
    const file = join(dir, 'team.yaml');
    await writeFile(file, component('local', 'first'));
    // A whole-second mtime, so utimes can set exactly the same one again later.
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    await utimes(file, mtime, mtime);
    catalog = await startIngestionTestBackend(databases, id, {
      processingInterval: { seconds: 1 },
      locations: [{ type: 'file', target: file }],
    });
    await catalog.waitForIdle();
    const description = async () =>
      (await catalog!.client.getEntityByRef('component:default/local'))?.metadata.description;
    expect(await description()).toBe('first');
    const dueAt = async () =>
      Number(
        (
          await catalog!
            .knex('refresh_state')
            .where('entity_ref', 'like', 'location:default/generated-%')
            .first('next_update_at')
        ).next_update_at,
      );

    // Same size, same mtime: the file's etag is unchanged, so the engine must not read it.
    await writeFile(file, component('local', 'frost'));
    await utimes(file, mtime, mtime);
    const seen = await dueAt();
    await waitFor(async () => ((await dueAt()) > seen ? true : undefined));
    const twice = await dueAt();
    await waitFor(async () => ((await dueAt()) > twice ? true : undefined));
    await catalog.waitForIdle();
    expect(await description()).toBe('first');

    // A real edit moves the mtime: the next run reads and applies it.
    const later = new Date(mtime.getTime() + 5_000);
    await utimes(file, later, later);
    await waitFor(async () => ((await description()) === 'frost' ? true : undefined));
  });
});
