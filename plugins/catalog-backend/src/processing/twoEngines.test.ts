import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackendModule } from '@greenroom/backend-plugin-api';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@greenroom/catalog-model';
import { catalogProcessingExtensionPoint } from '@greenroom/plugin-catalog-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startIngestionTestBackend,
  type IngestionTestBackend,
} from './testing/startIngestionTestBackend';

const databases = TestDatabases.create();

const FILES = 3;
const PER_FILE = 100;

/** Records which instance processed which ref, and any ref two instances held at once. */
function createRecorder() {
  const active = new Map<string, string>();
  const overlaps: string[] = [];
  const processed: Array<{ ref: string; instance: string }> = [];
  const module = (instance: string) =>
    createBackendModule({
      pluginId: 'catalog',
      moduleId: `overlap-recorder-${instance}`,
      register(env) {
        env.registerInit({
          deps: { processing: catalogProcessingExtensionPoint },
          async init({ processing }) {
            processing.addProcessor({
              getProcessorName: () => 'overlap-recorder',
              async preProcessEntity(entity) {
                const ref = stringifyEntityRef(entity);
                if (active.has(ref)) overlaps.push(`${ref} (${active.get(ref)} and ${instance})`);
                active.set(ref, instance);
                processed.push({ ref, instance });
                // Long enough that a second claim of the same row would overlap.
                await new Promise(r => setTimeout(r, 25));
                return entity;
              },
              async postProcessEntity(entity) {
                active.delete(stringifyEntityRef(entity));
                return entity;
              },
            });
          },
        });
      },
    });
  return { active, overlaps, processed, module };
}

describe.each(databases.eachSupportedId())('two catalog instances on one %s database', id => {
  let dir: string;
  let a: IngestionTestBackend;
  let b: IngestionTestBackend;
  const recorder = createRecorder();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-two-'));
    const targets: string[] = [];
    for (let f = 0; f < FILES; f++) {
      const docs = Array.from(
        { length: PER_FILE },
        (_, i) =>
          `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: c${f}-${i}\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/g${i % 7}\n`,
      );
      await writeFile(join(dir, `f${f}.yaml`), docs.join('---\n'));
      targets.push(`./f${f}.yaml`);
    }
    await writeFile(
      join(dir, 'root.yaml'),
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets: ${JSON.stringify(targets)}\n`,
    );
    const catalog = {
      processingInterval: { minutes: 10 },
      processingBatchSize: 20,
      locations: [{ type: 'file', target: join(dir, 'root.yaml') }],
    };
    a = await startIngestionTestBackend(databases, id, catalog, undefined, {
      features: [recorder.module('a')],
    });
    b = await startIngestionTestBackend(databases, id, catalog, undefined, {
      features: [recorder.module('b')],
      knex: a.knex,
    });
    await a.waitForIdle(60_000);
  }, 120_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('never processes one entity in both instances at once, and both take part', () => {
    expect(recorder.overlaps).toEqual([]);
    // Each entity is processed once: a claim moves it out of the other instance's reach.
    const refs = recorder.processed.map(p => p.ref);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs).toHaveLength(FILES * PER_FILE + 2);
    const byInstance = (instance: string) =>
      recorder.processed.filter(p => p.instance === instance).length;
    expect(byInstance('a')).toBeGreaterThan(0);
    expect(byInstance('b')).toBeGreaterThan(0);
  });

  it('ends with a complete and correct catalog, served the same by both', async () => {
    for (const instance of [a, b]) {
      const { items } = await instance.client.getEntities({ filter: { kind: 'Component' } });
      expect(items).toHaveLength(FILES * PER_FILE);
      expect(items.every(e => !(e as Entity).status?.items?.length)).toBe(true);
      expect(new Set(items.map(e => e.metadata.uid)).size).toBe(items.length);
    }
    const owned = await b.client.getEntities({
      filter: { 'relations.ownedBy': 'group:default/g3' },
    });
    expect(owned.items.map(e => e.metadata.name).sort()).toEqual(
      Array.from(
        { length: FILES * PER_FILE },
        (_, n) => `c${Math.floor(n / PER_FILE)}-${n % PER_FILE}`,
      )
        .filter((_, n) => (n % PER_FILE) % 7 === 3)
        .sort(),
    );
  });
});
