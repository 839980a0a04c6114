import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createBackendModule } from '@greenroom/backend-plugin-api';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@greenroom/plugin-catalog-node';
import { describe, expect, it } from 'vitest';
import { startIngestionTestBackend } from './testing/startIngestionTestBackend';
import { useScratchCatalog } from './testing/useScratchCatalog';

const databases = TestDatabases.create();

// A module's resolver that inlines a file, as a `$text`-like placeholder of its own.
const readFileModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'read-file-placeholder',
  register(env) {
    env.registerInit({
      deps: { processing: catalogProcessingExtensionPoint },
      async init({ processing }) {
        processing.addPlaceholderResolver('inline', async ({ value, read }) =>
          (await read(String(value))).toString('utf8').trim(),
        );
      },
    });
  },
});

const component = (name: string, path: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description:
    $inline: ${path}
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

describe.each(databases.eachSupportedId())('module placeholder reads on %s', id => {
  const scratch = useScratchCatalog('catalog-placeholder-reads-');

  it('are confined to fileRoots for registered locations, like every other read', async () => {
    const dir = await scratch.makeDir();
    const root = join(dir, 'allowed');
    await mkdir(root);
    await writeFile(join(root, 'inside.txt'), 'read from inside\n');
    await writeFile(join(dir, 'outside.txt'), 'a secret from outside\n');
    await writeFile(
      join(root, 'catalog-info.yaml'),
      [component('inside', './inside.txt'), component('outside', '../outside.txt')].join('---\n'),
    );
    const catalog = scratch.track(
      await startIngestionTestBackend(
        databases,
        id,
        { registration: { fileRoots: [root] }, processingInterval: { minutes: 10 } },
        undefined,
        { features: [readFileModule] },
      ),
    );
    await catalog.client.addLocation({ type: 'file', target: join(root, 'catalog-info.yaml') });
    await catalog.waitForIdle();

    const inside = await catalog.client.getEntityByRef('component:default/inside');
    expect(inside?.metadata.description).toBe('read from inside');
    expect(await catalog.client.getEntityByRef('component:default/outside')).toBeUndefined();
    const event = catalog.errorEvents.find(e => e.entity === 'component:default/outside');
    expect(event?.errors[0].message).toMatch(/Placeholder \$inline failed/);
    expect(JSON.stringify(catalog.errorEvents)).not.toContain('a secret from outside');
  });
});
