import { describe, expect, it } from 'vitest';
import { ROOT_PACKAGE_JSON, tempFiles } from '../testing/tempFiles';
import { collectConfigSchemas } from './collectConfigSchemas';

const fooSchema = { type: 'object', properties: { foo: { type: 'string' } } };

describe('collectConfigSchemas', () => {
  it('reads schema files and inline schemas from workspace packages, sorted by name', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'packages/b/package.json': JSON.stringify({
        name: '@x/b',
        configSchema: 'config.schema.json',
      }),
      'packages/b/config.schema.json': JSON.stringify(fooSchema),
      'packages/no-schema/package.json': JSON.stringify({ name: '@x/plain' }),
      'packages/not-a-package/README.md': 'no package.json here',
      'plugins/a/package.json': JSON.stringify({
        name: '@x/a',
        configSchema: { type: 'object', title: 'inline' },
      }),
    });
    expect(await collectConfigSchemas(root)).toEqual([
      {
        packageName: '@x/a',
        source: 'plugins/a/package.json',
        schema: { type: 'object', title: 'inline' },
      },
      { packageName: '@x/b', source: 'packages/b/config.schema.json', schema: fooSchema },
    ]);
  });

  it('includes the root package and supports a star inside the last segment and literal paths', async () => {
    const root = await tempFiles({
      'package.json': JSON.stringify({
        name: 'root',
        workspaces: ['plugins/*-backend', 'tools/one'],
        configSchema: { title: 'root' },
      }),
      'plugins/catalog-backend/package.json': JSON.stringify({
        name: 'catalog-backend',
        configSchema: { title: 'catalog' },
      }),
      'plugins/catalog/package.json': JSON.stringify({
        name: 'catalog',
        configSchema: { title: 'frontend' },
      }),
      'tools/one/package.json': JSON.stringify({ name: 'one', configSchema: { title: 'one' } }),
    });
    const names = (await collectConfigSchemas(root)).map(entry => entry.packageName);
    expect(names).toEqual(['catalog-backend', 'one', 'root']);
  });

  it('returns nothing when no package declares a schema, and tolerates missing workspace folders', async () => {
    const root = await tempFiles({ 'package.json': ROOT_PACKAGE_JSON });
    expect(await collectConfigSchemas(root)).toEqual([]);
  });

  it('names a schema file that does not exist', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'packages/b/package.json': JSON.stringify({ name: '@x/b', configSchema: 'missing.json' }),
    });
    await expect(collectConfigSchemas(root)).rejects.toThrow(
      'packages/b/missing.json: file not found',
    );
  });

  it('rejects schema files that are not JSON, and invalid JSON', async () => {
    const dts = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'packages/b/package.json': JSON.stringify({ name: '@x/b', configSchema: 'config.d.ts' }),
    });
    await expect(collectConfigSchemas(dts)).rejects.toThrow(
      'packages/b/package.json: "configSchema" must point to a .json file, got config.d.ts',
    );
    const broken = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'packages/b/package.json': JSON.stringify({ name: '@x/b', configSchema: 'schema.json' }),
      'packages/b/schema.json': '{ not json',
    });
    await expect(collectConfigSchemas(broken)).rejects.toThrow(
      'packages/b/schema.json: invalid JSON',
    );
  });

  it('rejects a configSchema of another type and patterns it cannot expand', async () => {
    const wrongType = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'packages/b/package.json': JSON.stringify({ name: '@x/b', configSchema: 42 }),
    });
    await expect(collectConfigSchemas(wrongType)).rejects.toThrow(
      '"configSchema" must be a path to a .json file or an inline schema object',
    );
    const deepGlob = await tempFiles({
      'package.json': JSON.stringify({ workspaces: ['packages/**/x'] }),
    });
    await expect(collectConfigSchemas(deepGlob)).rejects.toThrow(
      "unsupported workspaces pattern 'packages/**/x'",
    );
  });
});
