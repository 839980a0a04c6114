import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import type { CatalogClient } from '@backstage/catalog-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startIngestionTestBackend,
  waitFor,
  type IngestionTestBackend,
} from '../processing/testing/startIngestionTestBackend';

const databases = TestDatabases.create();

// The client's own entity type (ours is structurally the same but nominally distinct).
type Entity = Parameters<CatalogClient['validateEntity']>[0];

const component = (description: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: refreshed
  description: ${description}
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

const valid: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checked' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

describe.each(databases.eachSupportedId())('validate-entity and refresh on %s', id => {
  let dir: string;
  let catalog: IngestionTestBackend | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-actions-'));
  });
  afterEach(async () => {
    await catalog?.stop();
    catalog = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('validates entities with field-level errors', async () => {
    catalog = await startIngestionTestBackend(databases, id, {});
    const { client } = catalog;
    expect(await client.validateEntity(valid, 'url:https://example.com/x.yaml')).toEqual({
      valid: true,
    });
    const bad = await client.validateEntity(
      { ...valid, metadata: { name: 'not a valid name!' } },
      'url:https://example.com/x.yaml',
    );
    expect(bad.valid).toBe(false);
    expect(bad.valid ? [] : bad.errors.map(e => e.message).join('\n')).toContain('metadata.name');
    const notObject = await client.validateEntity(
      'nope' as unknown as Entity,
      'url:https://example.com/x.yaml',
    );
    expect(notObject).toEqual({
      valid: false,
      errors: [{ name: 'InputError', message: 'entity must be an object' }],
    });
    // A missing location ref is a 400 with `errors` too, so the client can say why.
    expect(await client.validateEntity(valid, 'no-colon')).toEqual({
      valid: false,
      errors: [{ name: 'InputError', message: expect.stringMatching(/location ref/) }],
    });
  });

  it('refreshEntity reprocesses promptly; unknown and malformed refs are refused', async () => {
    const file = join(dir, 'c.yaml');
    await writeFile(file, component('first'));
    catalog = await startIngestionTestBackend(databases, id, {
      locations: [{ type: 'file', target: file }],
      processingInterval: { minutes: 10 },
    });
    const { client } = catalog;
    const description = async () =>
      (await client.getEntityByRef('component:default/refreshed'))?.metadata.description;
    await waitFor(async () => ((await description()) === 'first' ? true : undefined));
    await writeFile(file, component('second'));
    await client.refreshEntity('component:default/refreshed');
    await waitFor(async () => ((await description()) === 'second' ? true : undefined));

    await expect(client.refreshEntity('component:default/nope')).rejects.toMatchObject({
      response: { status: 404 },
    });
    await expect(client.refreshEntity('')).rejects.toMatchObject({ response: { status: 400 } });
  });
});
