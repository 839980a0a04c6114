import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startIngestionTestBackend,
  waitFor,
  type IngestionTestBackend,
} from '../processing/testing/startIngestionTestBackend';
import { componentYaml } from '../processing/testing/componentYaml';

const databases = TestDatabases.create();

const component = (name: string, description = 'first') => componentYaml(name, description);

const location = (targets: string[]) => `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: tree
spec:
  targets: [${targets.map(t => JSON.stringify(t)).join(', ')}]
`;

// Ancestry, delete by uid and refresh depend on what the engine knows about parents.
describe.each(databases.eachSupportedId())('entity endpoints backed by the engine on %s', id => {
  let dir: string;
  let catalog: IngestionTestBackend | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-engine-api-'));
    await writeFile(join(dir, 'a.yaml'), component('alpha'));
    await writeFile(join(dir, 'b.yaml'), component('beta'));
    await writeFile(join(dir, 'tree.yaml'), location(['./a.yaml', './b.yaml']));
  });
  afterEach(async () => {
    await catalog?.stop();
    catalog = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const start = async () => {
    catalog = await startIngestionTestBackend(databases, id, {
      locations: [{ type: 'file', target: join(dir, 'tree.yaml') }],
      processingInterval: { minutes: 10 },
    });
    await catalog.waitForIdle();
    return catalog;
  };

  it('answers /ancestry with the parents up to the configured location', async () => {
    const { client } = await start();
    const ancestry = await client.getEntityAncestors({ entityRef: 'component:default/alpha' });
    expect(ancestry.rootEntityRef).toBe('component:default/alpha');
    const byRef = new Map(
      ancestry.items.map(item => [
        `${item.entity.kind}:${item.entity.metadata.name}`.toLowerCase(),
        item.parentEntityRefs,
      ]),
    );
    expect(byRef.get('component:alpha')).toEqual(['location:default/tree']);
    const tree = byRef.get('location:tree')!;
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatch(/^location:default\/generated-/);
    expect(byRef.get(tree[0].replace('default/', ''))).toEqual([]);

    await expect(
      client.getEntityAncestors({ entityRef: 'component:default/nope' }),
    ).rejects.toMatchObject({ response: { status: 404 } });
  });

  it('deletes by uid; the entity comes back, with a new uid, when its parent runs again', async () => {
    const { client } = await start();
    const alpha = (await client.getEntityByRef('component:default/alpha'))!;
    await client.removeEntityByUid(alpha.metadata.uid!);
    expect(await client.getEntityByRef('component:default/alpha')).toBeUndefined();
    expect(await client.getEntityByRef('component:default/beta')).toBeDefined();

    // Refreshing the parent reads its file again although it did not change.
    await client.refreshEntity('location:default/tree');
    const back = await waitFor(() => client.getEntityByRef('component:default/alpha'));
    expect(back.metadata.uid).not.toBe(alpha.metadata.uid);
    expect(back.metadata.description).toBe('first');
  });

  it('finds a registered location by ref and an entity by compound name (catalog-client)', async () => {
    catalog = await startIngestionTestBackend(databases, id, {
      registration: { fileRoots: [dir] },
      processingInterval: { minutes: 10 },
    });
    const { client } = catalog;
    const target = join(dir, 'tree.yaml');
    const { location } = await client.addLocation({ type: 'file', target });
    expect(await client.getLocationByRef(`file:${target}`)).toEqual(location);
    expect(await client.getLocationByRef(`file:${join(dir, 'nope.yaml')}`)).toBeUndefined();
    const beta = await waitFor(() =>
      client.getEntityByName({ kind: 'Component', namespace: 'default', name: 'beta' }),
    );
    expect(beta.metadata.name).toBe('beta');
  });

  it('refreshes one entity by re-reading the file it came from', async () => {
    const { client } = await start();
    await writeFile(join(dir, 'a.yaml'), component('alpha', 'second, and longer'));
    await client.refreshEntity('component:default/alpha');
    await waitFor(async () =>
      (await client.getEntityByRef('component:default/alpha'))?.metadata.description ===
      'second, and longer'
        ? true
        : undefined,
    );
  });
});
