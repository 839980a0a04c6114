import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackendModule } from '@greenroom/backend-plugin-api';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@greenroom/catalog-model';
import {
  catalogProcessingExtensionPoint,
  processingResult,
  type EntityProviderConnection,
} from '@greenroom/plugin-catalog-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startIngestionTestBackend,
  type IngestionTestBackend,
} from './testing/startIngestionTestBackend';

const databases = TestDatabases.create();

const component = (name: string, extra: Record<string, unknown> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: {
      'backstage.io/managed-by-location': `url:https://example.com/${name}.yaml`,
      'backstage.io/managed-by-origin-location': `url:https://example.com/${name}.yaml`,
    },
    ...extra,
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

describe.each(databases.eachSupportedId())('catalog extension point on %s', id => {
  let dir: string;
  let catalog: IngestionTestBackend | undefined;
  let connection: EntityProviderConnection | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-ext-'));
  });
  afterEach(async () => {
    await catalog?.stop();
    catalog = undefined;
    connection = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const testModule = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-extensions',
    register(env) {
      env.registerInit({
        deps: { processing: catalogProcessingExtensionPoint },
        async init({ processing }) {
          processing.addEntityProvider({
            getProviderName: () => 'test-provider',
            connect: async c => {
              connection = c;
            },
          });
          processing.addProcessor({
            getProcessorName: () => 'test-processor',
            async postProcessEntity(entity, location, emit) {
              if (entity.metadata.name === 'alpha') {
                emit(
                  processingResult.relation({
                    source: { kind: 'component', namespace: 'default', name: 'alpha' },
                    type: 'dependsOn',
                    target: { kind: 'component', namespace: 'default', name: 'beta' },
                  }),
                );
              }
              if (entity.metadata.name === 'errored' || entity.metadata.labels?.taste === 'bad') {
                emit(
                  processingResult.inputError(
                    location,
                    `${entity.metadata.name} is not to our taste`,
                  ),
                );
              }
              return entity;
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

  const start = async () => {
    catalog = await startIngestionTestBackend(
      databases,
      id,
      { rules: [{ allow: ['Component', 'Location'] }], processingInterval: { minutes: 10 } },
      undefined,
      { features: [testModule] },
    );
    expect(connection).toBeDefined();
    return catalog;
  };
  const refs = async () =>
    (await catalog!.client.getEntities()).items.map(e => stringifyEntityRef(e)).sort();

  it('applies full and delta mutations; removals cascade to descendants', async () => {
    await start();
    await writeFile(
      join(dir, 'tree.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: leaf }',
        'spec: { type: service, lifecycle: production, owner: team-a }',
      ].join('\n'),
    );
    const tree: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: {
        name: 'tree',
        annotations: {
          'backstage.io/managed-by-location': `file:${join(dir, 'tree.yaml')}`,
          'backstage.io/managed-by-origin-location': `file:${join(dir, 'tree.yaml')}`,
        },
      },
      spec: { type: 'file', target: join(dir, 'tree.yaml') },
    };
    await connection!.applyMutation({
      type: 'full',
      entities: [
        { entity: component('alpha'), locationKey: 'test:alpha' },
        { entity: component('beta'), locationKey: 'test:beta' },
        { entity: tree, locationKey: 'test:tree' },
      ],
    });
    await catalog!.waitForIdle();
    expect(await refs()).toEqual([
      'component:default/alpha',
      'component:default/beta',
      'component:default/leaf',
      'location:default/tree',
    ]);

    await connection!.applyMutation({
      type: 'delta',
      added: [{ entity: component('gamma'), locationKey: 'test:gamma' }],
      removed: [
        { entityRef: 'component:default/beta' },
        { entity: tree, locationKey: 'test:tree' },
      ],
    });
    await catalog!.waitForIdle();
    // The tree's child went with it; nothing else kept it alive.
    expect(await refs()).toEqual(['component:default/alpha', 'component:default/gamma']);

    await connection!.applyMutation({
      type: 'full',
      entities: [{ entity: component('gamma'), locationKey: 'test:gamma' }],
    });
    await catalog!.waitForIdle();
    expect(await refs()).toEqual(['component:default/gamma']);
    const rows = await catalog!.knex('refresh_state').pluck('entity_ref');
    expect(rows).toEqual(['component:default/gamma']);
  });

  it('runs module processors (relations, errors) and placeholder resolvers', async () => {
    await start();
    await connection!.applyMutation({
      type: 'full',
      entities: [
        { entity: component('alpha', { description: { $upper: 'made louder' } }) },
        { entity: component('beta') },
        { entity: component('errored') },
        { entity: component('broken', { description: { $upper: ['not', 'a', 'string'] } }) },
      ],
    });
    await catalog!.waitForIdle();
    const alpha = await catalog!.client.getEntityByRef('component:default/alpha');
    expect(alpha?.metadata.description).toBe('MADE LOUDER');
    expect(alpha?.relations).toContainEqual({
      type: 'dependsOn',
      targetRef: 'component:default/beta',
    });
    // An emitted error fails the run, as in Backstage: an entity that never processed cleanly
    // is not served, and the error is published.
    expect(await catalog!.client.getEntityByRef('component:default/errored')).toBeUndefined();
    expect(catalog!.errorEvents).toContainEqual({
      entity: 'component:default/errored',
      location: undefined,
      errors: [{ name: 'InputError', message: 'errored is not to our taste' }],
    });
    // A resolver that throws fails its entity, and only that one.
    expect(await catalog!.client.getEntityByRef('component:default/broken')).toBeUndefined();
    const brokenEvent = catalog!.errorEvents.find(e => e.entity === 'component:default/broken');
    expect(brokenEvent?.errors[0].message).toBe(
      'component:default/broken: Placeholder $upper failed: $upper needs a string',
    );
  });

  it('keeps the last good version of an entity a processor now reports an error for', async () => {
    await start();
    await connection!.applyMutation({
      type: 'full',
      entities: [{ entity: component('picky', { description: 'first' }) }],
    });
    await catalog!.waitForIdle();
    await connection!.applyMutation({
      type: 'delta',
      added: [{ entity: component('picky', { description: 'second', labels: { taste: 'bad' } }) }],
      removed: [],
    });
    await catalog!.waitForIdle();
    const picky = (await catalog!.client.getEntityByRef('component:default/picky')) as
      Entity | undefined;
    expect(picky?.metadata.description).toBe('first');
    expect(picky?.metadata.labels).toBeUndefined();
    expect(picky?.status?.items?.map(i => i.message)).toEqual([
      'InputError: picky is not to our taste',
    ]);
  });
});
