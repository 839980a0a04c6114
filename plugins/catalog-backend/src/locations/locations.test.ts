import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startIngestionTestBackend,
  waitFor,
  type IngestionTestBackend,
} from '../processing/testing/startIngestionTestBackend';
import { componentYaml } from '../processing/testing/componentYaml';

const databases = TestDatabases.create();

const SECRET = 'hunter2-never-echoed';

const component = componentYaml;

// A long interval: entities showing up quickly proves the registration triggered a run.
const SLOW = { processingInterval: { minutes: 10 } };

describe.each(databases.eachSupportedId())('registered locations on %s', id => {
  let dir: string;
  let outside: string;
  let catalog: IngestionTestBackend | undefined;
  let server: Server | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-roots-'));
    outside = await mkdtemp(join(tmpdir(), 'catalog-outside-'));
  });
  afterEach(async () => {
    await catalog?.stop();
    catalog = undefined;
    if (server) await new Promise(r => server!.close(r));
    server = undefined;
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  const start = async (extra: JsonObject = {}, reading?: JsonObject) => {
    catalog = await startIngestionTestBackend(
      databases,
      id,
      { ...SLOW, registration: { fileRoots: [dir] }, ...extra },
      reading,
    );
    return catalog;
  };
  const names = async (c: IngestionTestBackend) =>
    (await c.client.getEntities({ filter: { kind: 'Component' } })).items
      .map(e => e.metadata.name)
      .sort();

  it('registers a file under fileRoots, finds it, refuses duplicates, deletes it', async () => {
    await writeFile(join(dir, 'a.yaml'), component('alpha'));
    const { client } = await start();
    const target = join(dir, 'a.yaml');

    const added = await client.addLocation({ type: 'file', target });
    expect(added.location).toMatchObject({ type: 'file', target });
    expect(added.location.id).toMatch(/^[0-9a-f-]{36}$/);

    await waitFor(async () => ((await names(catalog!)).includes('alpha') ? true : undefined));
    // As Backstage: a registered location's generated entity is managed by `type:target`.
    const generated = (await client.getEntities({ filter: { kind: 'Location' } })).items;
    expect(generated.map(e => e.metadata.annotations)).toEqual([
      expect.objectContaining({
        'backstage.io/managed-by-location': `file:${target}`,
        'backstage.io/managed-by-origin-location': `file:${target}`,
      }),
    ]);
    expect((await client.getLocations()).items).toEqual([added.location]);
    expect(await client.getLocationById(added.location.id)).toEqual(added.location);
    expect(await client.getLocationByEntity('component:default/alpha')).toEqual(added.location);
    expect(await client.getLocationById('00000000-0000-0000-0000-000000000000')).toBeUndefined();

    await expect(client.addLocation({ type: 'file', target })).rejects.toMatchObject({
      response: { status: 409 },
    });

    await writeFile(join(dir, 'b.yaml'), component('bravo'));
    const moved = await client.updateLocation(added.location.id, {
      type: 'file',
      target: join(dir, 'b.yaml'),
    });
    expect(moved).toEqual({ id: added.location.id, type: 'file', target: join(dir, 'b.yaml') });
    await waitFor(async () => ((await names(catalog!)).join() === 'bravo' ? true : undefined));
    await expect(
      client.updateLocation(added.location.id, { type: 'file', target: join(outside, 'x.yaml') }),
    ).rejects.toMatchObject({ response: { status: 400 } });
    await expect(
      client.updateLocation('00000000-0000-0000-0000-000000000000', { type: 'file', target }),
    ).rejects.toMatchObject({ response: { status: 404 } });

    await client.removeLocationById(added.location.id);
    expect((await client.getLocations()).items).toEqual([]);
    await waitFor(async () => ((await names(catalog!)).length === 0 ? true : undefined));
  });

  it('in readonly mode refuses to register, move or remove locations, but previews them', async () => {
    await writeFile(join(dir, 'a.yaml'), component('alpha'));
    const { client } = await start({ readonly: true });
    const target = join(dir, 'a.yaml');
    const preview = await client.addLocation({ type: 'file', target, dryRun: true });
    expect(preview.entities.map(e => e.metadata.name)).toContain('alpha');
    const refused = { response: { status: 403 } };
    await expect(client.addLocation({ type: 'file', target })).rejects.toMatchObject(refused);
    await expect(
      client.updateLocation('00000000-0000-0000-0000-000000000000', { type: 'file', target }),
    ).rejects.toMatchObject(refused);
    await expect(
      client.removeLocationById('00000000-0000-0000-0000-000000000000'),
    ).rejects.toMatchObject(refused);
    expect((await client.getLocations()).items).toEqual([]);
  });

  it('queries registered locations with a predicate, pages and cursors', async () => {
    for (const n of ['q1', 'q2', 'q3']) await writeFile(join(dir, `${n}.yaml`), component(n));
    await writeFile(join(dir, 'other.yml'), component('other'));
    const { client } = await start();
    for (const n of ['q1.yaml', 'q2.yaml', 'q3.yaml', 'other.yml']) {
      await client.addLocation({ type: 'file', target: join(dir, n) });
    }
    // Values compare case-insensitively, as entity filters do.
    const byPrefix = await client.queryLocations({
      limit: 2,
      query: { target: { $hasPrefix: join(dir, 'Q').toUpperCase() } },
    } as Parameters<typeof client.queryLocations>[0]);
    expect(byPrefix.totalItems).toBe(3);
    expect(byPrefix.items).toHaveLength(2);
    const page = await client.queryLocations({
      limit: 2,
      query: { $all: [{ type: 'FILE' }, { $not: { target: join(dir, 'other.yml') } }] },
    } as Parameters<typeof client.queryLocations>[0]);
    expect(page.totalItems).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(page.pageInfo.nextCursor).toEqual(expect.any(String));
    const rest = await client.queryLocations({ cursor: page.pageInfo.nextCursor! });
    expect([...page.items, ...rest.items].map(l => l.target).sort()).toEqual(
      ['q1.yaml', 'q2.yaml', 'q3.yaml'].map(n => join(dir, n)),
    );
    expect(rest.pageInfo.nextCursor).toBeUndefined();
    const streamed = [];
    for await (const items of client.streamLocations()) streamed.push(...items);
    expect(streamed).toHaveLength(4);
    await expect(client.queryLocations({ cursor: 'tampered!' })).rejects.toMatchObject({
      response: { status: 400 },
    });
    await expect(client.queryLocations({ limit: -1 })).rejects.toMatchObject({
      response: { status: 400 },
    });
  });

  it('dryRun returns the entities it would produce and writes nothing', async () => {
    await writeFile(join(dir, 'b.yaml'), `${component('beta')}---\n${component('gamma')}`);
    const { client } = await start();
    const result = await client.addLocation({
      type: 'file',
      target: join(dir, 'b.yaml'),
      dryRun: true,
    });
    expect(result.exists).toBe(false);
    expect(result.entities.map(e => `${e.kind}:${e.metadata.name}`).sort()).toEqual([
      'Component:beta',
      'Component:gamma',
      expect.stringMatching(/^Location:generated-[0-9a-f]{40}$/),
    ]);
    expect((await client.getLocations()).items).toEqual([]);
    await expect(
      client.addLocation({ type: 'file', target: join(dir, 'missing.yaml'), dryRun: true }),
    ).rejects.toMatchObject({ response: { status: 404 } });
  });

  it('refuses file locations outside fileRoots, through .., through symlinks, or with no roots', async () => {
    await writeFile(join(outside, 'x.yaml'), component('outsider'));
    await mkdir(join(dir, 'sub'));
    await symlink(outside, join(dir, 'sub', 'link'));
    const { client } = await start();
    for (const target of [
      join(outside, 'x.yaml'),
      `${dir}/../${outside.split('/').pop()}/x.yaml`,
      join(dir, 'sub', 'link', 'x.yaml'),
      'relative/x.yaml',
    ]) {
      await expect(client.addLocation({ type: 'file', target })).rejects.toMatchObject({
        response: { status: 400 },
      });
    }
    await expect(
      client.addLocation({ type: 'file', target: join(outside, 'x.yaml'), dryRun: true }),
    ).rejects.toMatchObject({ response: { status: 400 } });
    expect((await client.getLocations()).items).toEqual([]);
    await catalog!.stop();
    catalog = await startIngestionTestBackend(databases, id, SLOW);
    await expect(
      catalog.client.addLocation({ type: 'file', target: join(dir, 'x.yaml') }),
    ).rejects.toMatchObject({
      response: { status: 400 },
      body: { error: { message: expect.stringContaining('catalog.registration.fileRoots') } },
    });
  });

  it('stores a location whose YAML is broken, reports it without echoing it, keeps the others', async () => {
    await writeFile(join(dir, 'good.yaml'), component('good'));
    await writeFile(join(dir, 'bad.yaml'), `metadata: [unclosed ${SECRET}\n  : : :`);
    const c = await start();
    await c.client.addLocation({ type: 'file', target: join(dir, 'good.yaml') });
    const bad = await c.client.addLocation({ type: 'file', target: join(dir, 'bad.yaml') });
    expect(bad.location.target).toBe(join(dir, 'bad.yaml'));
    await waitFor(async () => ((await names(c)).includes('good') ? true : undefined));
    const event = await waitFor(async () =>
      c.errorEvents.find(e => e.location === `file:${join(dir, 'bad.yaml')}`),
    );
    expect(event.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(c.errorEvents)).not.toContain(SECRET);
    expect((await c.client.getLocations()).items).toHaveLength(2);
  });

  it('does not let a registered file reach files outside fileRoots through Location targets or $text', async () => {
    await writeFile(join(outside, 'stolen.yaml'), component('stolen'));
    await writeFile(join(outside, 'secret.txt'), SECRET);
    await writeFile(
      join(dir, 'sneaky.yaml'),
      [
        component('inside'),
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Location',
        'metadata:',
        '  name: sneaky-tree',
        'spec:',
        '  type: file',
        `  target: ${join(outside, 'stolen.yaml')}`,
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: leaky',
        '  description:',
        `    $text: ${join(outside, 'secret.txt')}`,
        'spec:',
        '  type: service',
        '  lifecycle: production',
        '  owner: team-a',
      ].join('\n'),
    );
    const c = await start();
    await c.client.addLocation({ type: 'file', target: join(dir, 'sneaky.yaml') });
    await waitFor(async () => ((await names(c)).includes('inside') ? true : undefined));
    // Both refused reads are reported, never served.
    await waitFor(async () =>
      c.errorEvents.some(e => JSON.stringify(e.errors).includes('fileRoots')) ? true : undefined,
    );
    expect(await names(c)).not.toContain('stolen');
    const leaky = await c.client.getEntityByRef('component:default/leaky');
    expect(leaky?.metadata.description).toBeUndefined();
    expect(JSON.stringify(await c.client.getEntities())).not.toContain(SECRET);
  });

  it('reads url locations from an allowed host and refuses others', async () => {
    server = createServer((req, res) => {
      if (req.url === '/catalog-info.yaml') res.end(component('from-http'));
      else res.writeHead(404).end();
    });
    await new Promise<void>(r => server!.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const { client } = await start({}, { allow: [{ host: `127.0.0.1:${port}` }] });

    const target = `http://127.0.0.1:${port}/catalog-info.yaml`;
    const added = await client.addLocation({ target });
    expect(added.location.type).toBe('url');
    await waitFor(async () => ((await names(catalog!)).includes('from-http') ? true : undefined));

    await expect(
      client.addLocation({ target: 'http://not-allowed.example.com/catalog-info.yaml' }),
    ).rejects.toMatchObject({ response: { status: 403 } });
    await expect(client.addLocation({ target: 'not a url' })).rejects.toMatchObject({
      response: { status: 400 },
    });
    expect((await client.getLocations()).items.map(l => l.target)).toEqual([target]);
  });

  it('analyzes url locations (both filename keys) and suggests an entity when none exist', async () => {
    server = createServer((req, res) => {
      if (req.url === '/repo/catalog-info.yaml') res.end(component('analyzed'));
      else if (req.url === '/repo/custom.yaml') res.end(component('custom'));
      else res.writeHead(404).end();
    });
    await new Promise<void>(r => server!.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const { client } = await start({}, { allow: [{ host: `127.0.0.1:${port}` }] });
    const base = `http://127.0.0.1:${port}`;

    const found = await client.analyzeLocation({
      location: { type: 'url', target: `${base}/repo` },
    });
    expect(found.generateEntities).toEqual([]);
    expect(found.existingEntityFiles).toEqual([
      {
        entity: expect.objectContaining({ metadata: { name: 'analyzed' } }),
        isRegistered: false,
        location: { type: 'url', target: `${base}/repo/catalog-info.yaml` },
      },
    ]);
    for (const key of ['catalogFilename', 'catalogFileName']) {
      const res = await client.analyzeLocation({
        location: { type: 'url', target: `${base}/repo/` },
        [key]: 'custom.yaml',
      } as Parameters<typeof client.analyzeLocation>[0]);
      expect(res.existingEntityFiles.map(f => f.entity.metadata.name)).toEqual(['custom']);
    }
    await client.addLocation({ target: `${base}/repo/catalog-info.yaml` });
    const again = await client.analyzeLocation({
      location: { type: 'url', target: `${base}/repo/catalog-info.yaml` },
    });
    expect(again.existingEntityFiles[0]?.isRegistered).toBe(true);

    const empty = await client.analyzeLocation({
      location: { type: 'url', target: `${base}/other` },
    });
    expect(empty.existingEntityFiles).toEqual([]);
    expect(empty.generateEntities[0]?.entity).toMatchObject({
      kind: 'Component',
      metadata: { name: 'other' },
    });
    expect(empty.generateEntities[0]?.fields[0]).toMatchObject({
      field: 'spec.owner',
      state: 'needsUserInput',
    });

    await expect(
      client.analyzeLocation({ location: { type: 'url', target: 'not a url' } }),
    ).rejects.toMatchObject({ response: { status: 400 } });
  });
});
