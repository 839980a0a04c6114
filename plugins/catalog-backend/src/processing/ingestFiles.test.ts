import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import { stringifyEntityRef, type Entity } from '@greenroom/catalog-model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogErrorsEventPayload } from './publishErrors';
import {
  startIngestionTestBackend,
  waitFor,
  type IngestionTestBackend,
} from './testing/startIngestionTestBackend';

const databases = TestDatabases.create();

const SECRET = 'hunter2-do-not-echo';

const component = (name: string, extra: Record<string, unknown> = {}) =>
  `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: ${String(extra.description ?? name)}
spec:
  type: service
  lifecycle: production
  owner: ${String(extra.owner ?? 'team-a')}
`;

const location = (name: string, targets: string[]) =>
  `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: ${name}
spec:
  targets: [${targets.map(t => JSON.stringify(t)).join(', ')}]
`;

describe.each(databases.eachSupportedId())('ingesting files on %s', id => {
  let dir: string;
  let catalog: IngestionTestBackend | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-ingest-'));
  });
  afterEach(async () => {
    await catalog?.stop();
    catalog = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const write = (file: string, text: string) => writeFile(join(dir, file), text);
  const start = async (config: JsonObject) => {
    catalog = await startIngestionTestBackend(databases, id, {
      processingInterval: { seconds: 1 },
      ...config,
    });
    return catalog;
  };
  const fileLocation = (file: string) => ({ type: 'file', target: join(dir, file) });
  const entitiesWhen = (test: (items: Entity[]) => boolean) =>
    waitFor(async () => {
      const items = (await catalog!.client.getEntities()).items as Entity[];
      return test(items) ? items : undefined;
    });
  const refs = (items: Entity[]) => items.map(e => stringifyEntityRef(e)).sort();
  const eventFor = (ref: string) =>
    waitFor(async () => catalog!.errorEvents.find(e => e.entity === ref));

  it('keeps good entities beside broken YAML, missing files, invalid entities and bad placeholders', async () => {
    await write(
      'root.yaml',
      location('root', [
        './good.yaml',
        './broken.yaml',
        './missing.yaml',
        './invalid.yaml',
        './apis.yaml',
        './org.yaml',
        './latin1.yaml',
      ]),
    );
    await write('good.yaml', `${component('alpha')}---\n${component('beta')}`);
    await write('broken.yaml', `password: ${SECRET}\nkind: [unclosed\n`);
    await write(
      'invalid.yaml',
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: no-owner\nspec:\n  type: service\n  lifecycle: ${SECRET}\n`,
    );
    await writeFile(
      join(dir, 'latin1.yaml'),
      Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0xfe]),
    );
    await write('definition.txt', 'openapi: 3.0.0');
    await write('bad.json', `{"token": "${SECRET}",`);
    const api = (name: string, placeholder: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: ${name}\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n  definition:\n    ${placeholder}\n`;
    await write(
      'apis.yaml',
      `${api('good-api', '$text: ./definition.txt')}---\n${api('json-api', '$json: ./bad.json')}`,
    );
    await write(
      'org.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n  children: []\n',
    );
    // Default rules: Component, API and Location only.
    await start({ locations: [fileLocation('root.yaml')] });

    await catalog!.waitForIdle();
    const items = await entitiesWhen(list => list.length > 0);
    expect(refs(items)).toEqual([
      'api:default/good-api',
      'component:default/alpha',
      'component:default/beta',
      expect.stringMatching(/^location:default\/generated-[0-9a-f]{40}$/),
      'location:default/root',
    ]);
    const goodApi = items.find(e => e.metadata.name === 'good-api')!;
    expect(goodApi.spec?.definition).toBe('openapi: 3.0.0');

    const root = items.find(e => e.metadata.name === 'root')!;
    const messages = root.status!.items!.map(i => i.message);
    expect(messages).toEqual([
      expect.stringMatching(
        /^SyntaxError: file:.*broken\.yaml: YAML syntax error at line \d+, column \d+ \(BAD_INDENT\)$/,
      ),
      expect.stringMatching(/^NotFoundError: .*missing\.yaml/),
      expect.stringMatching(
        /^InputError: component:default\/no-owner is not a valid entity: .*spec\.owner/,
      ),
      expect.stringMatching(
        /^InputError: api:default\/json-api: Placeholder \$json for '.\/bad.json': The file is not valid JSON/,
      ),
      expect.stringMatching(/^InputError: group:default\/team-a: kind Group is not allowed/),
      'InputError: The file is not valid UTF-8',
    ]);

    const rootEvent = await eventFor('location:default/root');
    expect(rootEvent.location).toBe(`file:${join(dir, 'root.yaml')}`);
    // Errors that have no event of their own (the entity ref is unknown, or rules refused it).
    expect(rootEvent.errors.map(e => e.message)).toEqual([
      expect.stringContaining('broken.yaml: YAML syntax error'),
      expect.stringContaining('missing.yaml'),
      expect.stringContaining('kind Group is not allowed'),
      'The file is not valid UTF-8',
    ]);
    expect((await eventFor('component:default/no-owner')).errors[0].message).toContain(
      'spec.owner',
    );
    expect((await eventFor('api:default/json-api')).errors[0].message).toContain('not valid JSON');
    // Nothing a file contained is repeated in any status or event.
    expect(JSON.stringify(items)).not.toContain(SECRET);
    expect(JSON.stringify(catalog!.errorEvents)).not.toContain(SECRET);
  });

  it('re-reads files on the interval: removes, updates and keeps uids stable', async () => {
    await write('root.yaml', location('root', ['./team.yaml']));
    await write('team.yaml', `${component('alpha')}---\n${component('beta')}`);
    await start({ locations: [fileLocation('root.yaml')] });
    const before = await entitiesWhen(list => list.length === 4);
    const uidOf = (items: Entity[], name: string) =>
      items.find(e => e.metadata.name === name)?.metadata.uid;

    await write('team.yaml', component('alpha', { description: 'changed' }));
    // The Location drops beta at once; alpha, now due again, is processed in a later batch.
    await entitiesWhen(list => !list.some(e => e.metadata.name === 'beta'));
    const after = await entitiesWhen(list =>
      list.some(e => e.metadata.name === 'alpha' && e.metadata.description === 'changed'),
    );
    const alpha = after.find(e => e.metadata.name === 'alpha')!;
    expect(alpha.metadata.description).toBe('changed');
    expect(alpha.metadata.uid).toBe(uidOf(before, 'alpha'));
    expect(alpha.metadata.etag).not.toBe(
      before.find(e => e.metadata.name === 'alpha')!.metadata.etag,
    );
    expect(refs(after).filter(r => !r.includes('generated-'))).toEqual([
      'component:default/alpha',
      'location:default/root',
    ]);
  });

  it('keeps the entities of a file that became unreadable, with the error on them', async () => {
    await write('root.yaml', location('root', ['./team.yaml']));
    await write('team.yaml', component('alpha'));
    await start({ locations: [fileLocation('root.yaml')] });
    const before = await entitiesWhen(list => list.some(e => e.metadata.name === 'alpha'));

    await write('team.yaml', `${component('alpha')}\n  broken: [${SECRET}\n`);
    const after = await entitiesWhen(list =>
      Boolean(list.find(e => e.metadata.name === 'alpha')?.status?.items?.length),
    );
    const alpha = after.find(e => e.metadata.name === 'alpha')!;
    expect(alpha.metadata.uid).toBe(before.find(e => e.metadata.name === 'alpha')!.metadata.uid);
    expect(alpha.status!.items![0].message).toMatch(/team\.yaml has YAML errors/);
    expect(JSON.stringify(after)).not.toContain(SECRET);
  });

  it('keeps the last good version of an entity that became invalid, with the error', async () => {
    await write('root.yaml', location('root', ['./team.yaml']));
    await write('team.yaml', component('alpha', { description: 'good' }));
    await start({ locations: [fileLocation('root.yaml')] });
    await entitiesWhen(list => list.some(e => e.metadata.name === 'alpha'));

    await write(
      'team.yaml',
      component('alpha', { description: 'bad' }).replace(/ {2}owner: .*\n/, ''),
    );
    const after = await entitiesWhen(list =>
      Boolean(list.find(e => e.metadata.name === 'alpha')?.status?.items?.length),
    );
    const alpha = after.find(e => e.metadata.name === 'alpha')!;
    expect(alpha.metadata.description).toBe('good');
    expect(alpha.status!.items!.map(i => i.message)).toEqual([
      'InputError: component:default/alpha is not a valid entity: spec.owner: is required',
    ]);
    expect((await eventFor('component:default/alpha')).errors[0].message).toContain('spec.owner');
  });

  it('lets the first location keep a ref two locations claim; the other gets a conflict error', async () => {
    await write('first.yaml', component('shared', { description: 'from-first' }));
    await write(
      'second.yaml',
      `${component('shared', { description: 'from-second' })}---\n${component('own')}`,
    );
    await start({ locations: [fileLocation('first.yaml'), fileLocation('second.yaml')] });
    const items = await entitiesWhen(list => list.some(e => e.metadata.name === 'own'));
    const shared = items.filter(e => e.metadata.name === 'shared');
    expect(shared.map(e => e.metadata.description)).toEqual(['from-first']);

    const conflict: CatalogErrorsEventPayload = await eventFor('component:default/shared');
    expect(conflict.location).toBe(`file:${join(dir, 'second.yaml')}`);
    expect(conflict.errors).toEqual([
      { name: 'ConflictError', message: expect.stringContaining('conflicts with') },
    ]);
    // Shown on the Location that read the losing file (the one generated for second.yaml).
    const losers = items.filter(e =>
      e.status?.items?.some(i => i.message.startsWith('ConflictError')),
    );
    expect(losers.map(e => e.spec?.target)).toEqual([join(dir, 'second.yaml')]);

    // The first keeps it on later runs, too, and unchanged entities are not rewritten.
    const writtenAt = () =>
      catalog!
        .knex('final_entities')
        .where('entity_ref', 'component:default/own')
        .first('updated_at');
    const before = await writtenAt();
    const runs = catalog!.errorEvents.length;
    await waitFor(async () => (catalog!.errorEvents.length > runs ? true : undefined));
    const again = await catalog!.client.getEntityByRef('component:default/shared');
    expect(again?.metadata.description).toBe('from-first');
    expect(await writtenAt()).toEqual(before);
  });

  it('marks entities no location produces any more as orphans with orphanStrategy keep', async () => {
    await write('root.yaml', location('root', ['./team.yaml']));
    await write('team.yaml', `${component('alpha')}---\n${component('beta')}`);
    await start({ locations: [fileLocation('root.yaml')], orphanStrategy: 'keep' });
    await entitiesWhen(list => list.length === 4);

    await write('team.yaml', component('alpha'));
    const after = await entitiesWhen(list =>
      list.some(e => e.metadata.annotations?.['backstage.io/orphan'] === 'true'),
    );
    expect(
      after
        .filter(e => e.metadata.annotations?.['backstage.io/orphan'] === 'true')
        .map(e => e.metadata.name),
    ).toEqual(['beta']);
  });

  it('follows glob targets, and a Location that matches itself is read once', async () => {
    await mkdir(join(dir, 'teams'));
    await write('root.yaml', location('root', ['./teams/*.yaml', './*.yaml']));
    await write('teams/a.yaml', component('from-a'));
    await write('teams/b.yaml', component('from-b'));
    await write('teams/notes.txt', 'not yaml');
    await start({ locations: [fileLocation('root.yaml')] });
    await catalog!.waitForIdle();
    const items = await entitiesWhen(list => list.length > 0);
    expect(refs(items).filter(r => !r.includes('generated-'))).toEqual([
      'component:default/from-a',
      'component:default/from-b',
      'location:default/root',
    ]);
    expect(items.find(e => e.metadata.name === 'from-b')?.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location': `file:${join(dir, 'teams/b.yaml')}`,
      'backstage.io/managed-by-origin-location': `file:${join(dir, 'root.yaml')}`,
    });
    expect(items.filter(e => e.status?.items?.length)).toEqual([]);
  });

  it('refuses a bad orphanStrategy at startup', async () => {
    await expect(start({ orphanStrategy: 'sometimes' })).rejects.toThrow(/orphanStrategy/);
  });
});
