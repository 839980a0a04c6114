import { ConfigReader } from '@greenroom/config';
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveDistDir } from './resolveDistDir';

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

describe('resolveDistDir', () => {
  it('resolves app.distDir against the directory the backend starts in', () => {
    const config = new ConfigReader({ app: { distDir: '../app/dist' } });
    expect(resolveDistDir(config, '/srv/portal/backend')).toBe('/srv/portal/app/dist');
  });

  it('keeps an absolute app.distDir as it is', () => {
    const config = new ConfigReader({ app: { distDir: '/opt/app/dist' } });
    expect(resolveDistDir(config, '/elsewhere')).toBe('/opt/app/dist');
  });

  it('defaults to dist beside the @greenroom/app package', () => {
    const resolved = resolveDistDir(new ConfigReader({}));
    expect(resolved).toBe(join(realpathSync(join(repoDir, 'packages', 'app')), 'dist'));
  });

  it('rejects an app.distDir that is not a string, naming the key', () => {
    const config = new ConfigReader({ app: { distDir: 42 } });
    expect(() => resolveDistDir(config)).toThrow(/app\.distDir/);
  });
});
