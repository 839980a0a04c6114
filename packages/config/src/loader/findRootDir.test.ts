import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_PACKAGE_JSON, tempFiles } from '../testing/tempFiles';
import { ConfigLoadError } from './ConfigLoadError';
import { findRootDir } from './findRootDir';

describe('findRootDir', () => {
  it('walks up past package.json files without workspaces to the one that has them', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'packages/backend/package.json': JSON.stringify({ name: 'backend' }),
    });
    const deep = join(root, 'packages/backend/src/nested');
    await mkdir(deep, { recursive: true });
    expect(findRootDir(deep)).toBe(root);
    expect(findRootDir(root)).toBe(root);
  });

  it('accepts the object form of workspaces', async () => {
    const root = await tempFiles({
      'package.json': JSON.stringify({ workspaces: { packages: ['packages/*'] } }),
    });
    expect(findRootDir(root)).toBe(root);
  });

  it('throws a clear error when no package.json declares workspaces', async () => {
    const dir = await tempFiles({ 'package.json': JSON.stringify({ name: 'lonely' }) });
    // The temp dir lives under the OS temp dir, which has no workspace root above it.
    expect(() => findRootDir(dir)).toThrow(ConfigLoadError);
    expect(() => findRootDir(dir)).toThrow(/no package.json with "workspaces"/);
  });
});
