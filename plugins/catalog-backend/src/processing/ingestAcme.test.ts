import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  stringifyEntityRef,
  type Entity,
} from '@greenroom/catalog-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME_FIXTURES_DIR } from '../testing/loadFixtureEntities';
import {
  startIngestionTestBackend,
  type IngestionTestBackend,
} from './testing/startIngestionTestBackend';

const databases = TestDatabases.create();

const ALL_KINDS = [
  'Component',
  'API',
  'Resource',
  'System',
  'Domain',
  'Group',
  'User',
  'Location',
  'AiResource',
  'Environment',
];

// The model requires `spec.definition` on APIs (these two use `remotes` instead), and the three
// `$text` URLs point at github.com, which tests do not allow reading.
const EXPECTED_ERRORS: Array<[ref: string, message: string]> = [
  [
    'api:default/backstage-mcp-server',
    'api:default/backstage-mcp-server is not a valid entity: spec.definition',
  ],
  [
    'api:default/local-inference-server',
    'api:default/local-inference-server is not a valid entity: spec.definition',
  ],
  ['api:default/spotify', "api:default/spotify: Placeholder $text could not read 'https"],
  [
    'api:default/wayback-archive',
    "api:default/wayback-archive: Placeholder $text could not read 'https",
  ],
  [
    'api:default/wayback-search',
    "api:default/wayback-search: Placeholder $text could not read 'https",
  ],
];

const ROOTS = ['all.yaml', 'acme-corp.yaml', 'all-environments.yaml'];

describe.each(databases.eachSupportedId())('ingesting the acme fixtures on %s', id => {
  let catalog: IngestionTestBackend;
  let entities: Entity[];
  const byRef = (ref: string) => entities.find(e => stringifyEntityRef(e) === ref);
  const has = (ref: string, type: string, target: string) =>
    (byRef(ref)?.relations ?? []).some(r => r.type === type && r.targetRef === target);

  beforeAll(async () => {
    catalog = await startIngestionTestBackend(databases, id, {
      rules: [{ allow: ALL_KINDS }],
      locations: ROOTS.map(root => ({ type: 'file', target: join(ACME_FIXTURES_DIR, root) })),
    });
    await catalog.waitForIdle();
    entities = (await catalog.client.getEntities()).items;
  }, 60_000);
  afterAll(() => catalog?.stop());

  it('ingests every entity the three roots reach, per kind', () => {
    const counts: Record<string, number> = {};
    for (const e of entities) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
    // 10 Location files + one generated Location per configured root (as Backstage).
    expect(counts).toEqual({
      Location: 13,
      Component: 13,
      // 11 reached, minus the 5 expected failures below.
      API: 6,
      System: 3,
      Domain: 3,
      Resource: 1,
      AiResource: 3,
      Group: 9,
      User: 17,
      Environment: 2,
    });
  });

  it('reports exactly the expected errors: APIs without a definition or with remote $text', () => {
    const firstRun = catalog.errorEvents.slice(0, EXPECTED_ERRORS.length);
    const matches = (message: string, prefix: string) =>
      message.startsWith(prefix) ? prefix : message;
    expect(
      firstRun.map((e, i) => [
        e.entity,
        e.errors.map(x => matches(x.message, EXPECTED_ERRORS[i]?.[1] ?? '')),
      ]),
    ).toEqual(EXPECTED_ERRORS.map(([ref, prefix]) => [ref, [prefix]]));
    // The run publishes nothing else (later runs repeat the same five).
    expect(catalog.errorEvents.length % EXPECTED_ERRORS.length).toBe(0);
    // Reading github.com is refused (no backend.reading.allow): named, not fetched.
    for (const event of firstRun.slice(2)) {
      expect(event.errors[0].message).toMatch(
        /Placeholder \$text could not read 'https:\/\/github\.com/,
      );
    }
    // Rejected entities have no entity of their own: the Location that lists them shows why.
    const withStatus = entities.filter(e => e.status?.items?.length);
    expect(withStatus.map(e => stringifyEntityRef(e))).toEqual(['location:default/example-apis']);
    const items = withStatus[0].status!.items!;
    expect(
      items.map((item, i) => matches(item.message, `InputError: ${EXPECTED_ERRORS[i][1]}`)),
    ).toEqual(EXPECTED_ERRORS.map(([, prefix]) => `InputError: ${prefix}`));
    expect(
      items.every(i => i.type === 'backstage.io/catalog-processing' && i.level === 'error'),
    ).toBe(true);
  });

  it('stamps uid, etag and the managed-by annotations', () => {
    const petstore = byRef('api:default/petstore')!;
    expect(petstore.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(petstore.metadata.etag).toMatch(/^[0-9a-f]{40}$/);
    expect(petstore.metadata.annotations?.[ANNOTATION_LOCATION]).toBe(
      `file:${join(ACME_FIXTURES_DIR, 'apis/petstore-api.yaml')}`,
    );
    expect(petstore.metadata.annotations?.[ANNOTATION_ORIGIN_LOCATION]).toBe(
      `file:${join(ACME_FIXTURES_DIR, 'all.yaml')}`,
    );
    const generated = entities.filter(e => e.metadata.name.startsWith('generated-'));
    expect(generated.map(e => e.metadata.annotations?.[ANNOTATION_LOCATION])).toEqual([
      'bootstrap:bootstrap',
      'bootstrap:bootstrap',
      'bootstrap:bootstrap',
    ]);
    expect(new Set(entities.map(e => e.metadata.uid)).size).toBe(entities.length);
  });

  it('resolves $text placeholders relative to the entity file', () => {
    const webhook = byRef('api:default/petstore-webhook')!;
    expect(typeof webhook.spec?.definition).toBe('string');
    expect(webhook.spec?.definition as string).toContain('openapi');
  });

  it('emits relations and stitches them both ways', () => {
    const component = entities.find(
      e => e.kind === 'Component' && has(stringifyEntityRef(e), 'ownedBy', 'group:default/team-a'),
    )!;
    expect(component).toBeDefined();
    const ref = stringifyEntityRef(component);
    expect(has('group:default/team-a', 'ownerOf', ref)).toBe(true);
    expect(
      has(
        'component:default/wayback-archive-ingestion',
        'partOf',
        'component:default/wayback-archive',
      ),
    ).toBe(true);
    expect(
      has(
        'component:default/wayback-archive',
        'hasPart',
        'component:default/wayback-archive-ingestion',
      ),
    ).toBe(true);
    expect(has('group:default/team-a', 'childOf', 'group:default/backstage')).toBe(true);
    expect(has('group:default/backstage', 'parentOf', 'group:default/team-a')).toBe(true);
    expect(has('user:default/guest', 'memberOf', 'group:default/team-a')).toBe(true);
    expect(has('group:default/team-a', 'hasMember', 'user:default/guest')).toBe(true);
    const provided = entities.flatMap(e =>
      (e.relations ?? [])
        .filter(r => r.type === 'providesApi' && byRef(r.targetRef))
        .map(r => [stringifyEntityRef(e), r.targetRef] as const),
    );
    expect(provided.length).toBeGreaterThan(0);
    for (const [component, api] of provided) {
      expect(has(api, 'apiProvidedBy', component)).toBe(true);
    }
    expect(has('system:default/podcast', 'partOf', 'domain:default/playback')).toBe(true);
    expect(has('domain:default/playback', 'hasPart', 'system:default/podcast')).toBe(true);
  });

  it('answers relation filters through the catalog client', async () => {
    const owned = await catalog.client.getEntities({
      filter: { 'relations.ownedBy': 'group:default/team-a' },
    });
    expect(owned.items.length).toBeGreaterThan(0);
    expect(
      owned.items.every(e => has(stringifyEntityRef(e), 'ownedBy', 'group:default/team-a')),
    ).toBe(true);
  });
});
