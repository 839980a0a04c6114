import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackendModule } from '@greenroom/backend-plugin-api';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { catalogProcessingExtensionPoint, processingResult } from '@greenroom/plugin-catalog-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { componentYaml } from '../processing/testing/componentYaml';
import {
  startIngestionTestBackend,
  type IngestionTestBackend,
} from '../processing/testing/startIngestionTestBackend';
import { DRY_RUN_ENTITY_LIMIT } from './previewLocation';

const databases = TestDatabases.create();

const SECRET = 'hunter2-never-echoed';

const locationYaml = (name: string, target: string) =>
  [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Location',
    `metadata: { name: ${name} }`,
    `spec: { type: file, target: ${JSON.stringify(target)} }`,
    '',
  ].join('\n');

// A module as a real installation would add one: a processor and a placeholder resolver.
const testModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'dry-run-extensions',
  register(env) {
    env.registerInit({
      deps: { processing: catalogProcessingExtensionPoint },
      async init({ processing }) {
        processing.addProcessor({
          getProcessorName: () => 'dry-run-labeller',
          async postProcessEntity(entity, location, emit) {
            if (entity.metadata.name === 'distasteful') {
              emit(processingResult.inputError(location, 'distasteful is not to our taste'));
            }
            return {
              ...entity,
              metadata: {
                ...entity.metadata,
                labels: { ...entity.metadata.labels, 'seen-by': 'dry-run-labeller' },
              },
            };
          },
        });
        processing.addPlaceholderResolver('upper', async ({ value }) => {
          if (typeof value !== 'string') throw new TypeError('$upper needs a string');
          return value.toUpperCase();
        });
      },
    });
  },
});

describe.each(databases.eachSupportedId())('POST /locations?dryRun=true on %s', id => {
  let dir: string;
  let outside: string;
  let catalog: IngestionTestBackend | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-dry-run-'));
    outside = await mkdtemp(join(tmpdir(), 'catalog-dry-run-outside-'));
  });
  afterEach(async () => {
    await catalog?.stop();
    catalog = undefined;
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  const start = async () => {
    catalog = await startIngestionTestBackend(
      databases,
      id,
      { registration: { fileRoots: [dir] }, processingInterval: { minutes: 10 } },
      undefined,
      { features: [testModule] },
    );
    return catalog;
  };
  const rowCounts = async (c: IngestionTestBackend) => {
    const count = async (table: string) =>
      Number((await c.knex(table).count({ n: '*' }).first())?.n ?? 0);
    return {
      locations: await count('locations'),
      refreshState: await count('refresh_state'),
      finalEntities: await count('final_entities'),
    };
  };
  const dryRun = (c: IngestionTestBackend, file: string) =>
    c.client.addLocation({ type: 'file', target: join(dir, file), dryRun: true });
  const refusal = (status: number, message: string | RegExp) => ({
    response: { status },
    body: { error: { message: expect.stringMatching(message) } },
  });

  it("processes the tree as the engine would (modules' processors and resolvers) and writes nothing", async () => {
    await writeFile(join(dir, 'kept.yaml'), componentYaml('kept'));
    await writeFile(
      join(dir, 'root.yaml'),
      [
        componentYaml('loud', '{ $upper: made louder }'),
        '---\n',
        locationYaml('nested', './nested.yaml'),
      ].join(''),
    );
    await writeFile(join(dir, 'nested.yaml'), componentYaml('deep'));
    const c = await start();
    await c.client.addLocation({ type: 'file', target: join(dir, 'kept.yaml') });
    await c.waitForIdle();
    const before = await rowCounts(c);
    expect(before).toEqual({ locations: 1, refreshState: 2, finalEntities: 2 });

    const result = await dryRun(c, 'root.yaml');

    expect(result.exists).toBe(false);
    expect(result.location).toMatchObject({ type: 'file', target: join(dir, 'root.yaml') });
    // Breadth first: the generated Location, what its file holds, then the nested file's.
    expect(result.entities.map(e => `${e.kind}:${e.metadata.name}`)).toEqual([
      expect.stringMatching(/^Location:generated-[0-9a-f]{40}$/),
      'Component:loud',
      'Location:nested',
      'Component:deep',
    ]);
    for (const entity of result.entities) {
      expect(entity.metadata.labels).toEqual({ 'seen-by': 'dry-run-labeller' });
      expect(entity.metadata.annotations?.['backstage.io/managed-by-origin-location']).toBe(
        `file:${join(dir, 'root.yaml')}`,
      );
    }
    const loud = result.entities.find(e => e.metadata.name === 'loud');
    expect(loud?.metadata.description).toBe('MADE LOUDER');
    expect(loud?.metadata.namespace).toBe('default');

    await c.waitForIdle();
    expect(await rowCounts(c)).toEqual(before);
    expect((await c.client.getLocations()).items.map(l => l.target)).toEqual([
      join(dir, 'kept.yaml'),
    ]);

    const again = await c.client.addLocation({
      type: 'file',
      target: join(dir, 'kept.yaml'),
      dryRun: true,
    });
    expect(again.exists).toBe(true);
    expect(again.entities.map(e => e.metadata.name)).toContain('kept');
  });

  it('fails the whole dry run with a 400 when any entity fails, without echoing the file', async () => {
    await writeFile(
      join(dir, 'invalid.yaml'),
      `${componentYaml('fine')}---\n${componentYaml('not valid!')}`,
    );
    await writeFile(join(dir, 'yaml.yaml'), `metadata: [unclosed ${SECRET}\n  : : :`);
    await writeFile(join(dir, 'emitted.yaml'), componentYaml('distasteful'));
    await writeFile(join(dir, 'resolver.yaml'), componentYaml('muted', '{ $upper: [1, 2] }'));
    await writeFile(join(dir, 'kind.yaml'), componentYaml('grouped').replace('Component', 'Group'));
    await writeFile(
      join(dir, 'twice.yaml'),
      `${componentYaml('twin')}---\n${locationYaml('again', './twice.yaml')}`,
    );
    await writeFile(join(dir, 'dangling.yaml'), locationYaml('dangling', './missing.yaml'));
    await writeFile(join(outside, 'stolen.yaml'), componentYaml('stolen'));
    await writeFile(join(dir, 'escape.yaml'), locationYaml('escape', join(outside, 'stolen.yaml')));
    const c = await start();
    const before = await rowCounts(c);

    await expect(dryRun(c, 'invalid.yaml')).rejects.toMatchObject(
      refusal(400, /component:default\/not valid! is not a valid entity/),
    );
    const yaml = await dryRun(c, 'yaml.yaml').catch(e => e);
    expect(yaml).toMatchObject(refusal(400, /SyntaxError: file:.*yaml\.yaml: .*line/));
    expect(JSON.stringify(yaml.body)).not.toContain(SECRET);
    await expect(dryRun(c, 'emitted.yaml')).rejects.toMatchObject(
      refusal(400, /distasteful is not to our taste/),
    );
    await expect(dryRun(c, 'resolver.yaml')).rejects.toMatchObject(
      refusal(400, /\$upper needs a string/),
    );
    await expect(dryRun(c, 'kind.yaml')).rejects.toMatchObject(
      refusal(400, /kind Group is not allowed/),
    );
    await expect(dryRun(c, 'twice.yaml')).rejects.toMatchObject(
      refusal(400, /^Duplicate nested entity: component:default\/twin$/),
    );
    // Only the location itself unreadable is a 404; a nested one failing is a processing error.
    await expect(dryRun(c, 'dangling.yaml')).rejects.toMatchObject(
      refusal(400, /Processing location:default\/dangling failed: NotFoundError/),
    );
    await expect(dryRun(c, 'missing.yaml')).rejects.toMatchObject(
      refusal(404, /^Could not read file:/),
    );
    await expect(
      c.client.addLocation({ target: 'http://not-allowed.example.com/x.yaml', dryRun: true }),
    ).rejects.toMatchObject(refusal(403, /^Could not read url:http:\/\/not-allowed/));
    // Read as its registration would be: confined to fileRoots.
    await expect(dryRun(c, 'escape.yaml')).rejects.toMatchObject(
      refusal(400, /NotAllowedError: .*fileRoots/),
    );

    expect(await rowCounts(c)).toEqual(before);
  });

  it(`stops at ${DRY_RUN_ENTITY_LIMIT} entities with a clear 400`, async () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => componentYaml(`c${i}`)).join('---\n');
    // With its generated Location: exactly the limit, then one more.
    await writeFile(join(dir, 'full.yaml'), many(DRY_RUN_ENTITY_LIMIT - 1));
    await writeFile(join(dir, 'over.yaml'), many(DRY_RUN_ENTITY_LIMIT));
    // Over the limit only once the nested files are counted together.
    const half = DRY_RUN_ENTITY_LIMIT / 2;
    await writeFile(join(dir, 'half.yaml'), many(half));
    await writeFile(
      join(dir, 'split.yaml'),
      [locationYaml('first', './half.yaml'), locationYaml('second', './other-half.yaml')].join(
        '---\n',
      ),
    );
    await writeFile(
      join(dir, 'other-half.yaml'),
      Array.from({ length: half }, (_, i) => componentYaml(`d${i}`)).join('---\n'),
    );
    const c = await start();

    const full = await dryRun(c, 'full.yaml');
    expect(full.entities).toHaveLength(DRY_RUN_ENTITY_LIMIT);
    const tooMany = refusal(400, `^A dry run stops at ${DRY_RUN_ENTITY_LIMIT} entities`);
    await expect(dryRun(c, 'over.yaml')).rejects.toMatchObject(tooMany);
    await expect(dryRun(c, 'split.yaml')).rejects.toMatchObject(tooMany);
    expect(await rowCounts(c)).toEqual({ locations: 0, refreshState: 0, finalEntities: 0 });
  }, 60_000);
});
