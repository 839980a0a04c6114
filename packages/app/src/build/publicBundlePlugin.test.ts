import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { publicBundlePlugin } from './publicBundlePlugin';

// Real Vite builds of a tiny app: the full entry holds a marker the public bundle must never
// contain, and both import a shared module.

const SECRET = 'FULL_APP_ONLY_9f31';
const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map(root => rm(root, { recursive: true, force: true })));
});

async function writeApp(withPublicEntry: boolean): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'public-bundle-'));
  roots.push(root);
  await mkdir(join(root, 'src'));
  await writeFile(
    join(root, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body>' +
      '<script type="module" src="/src/index.tsx"></script></body></html>',
  );
  await writeFile(
    join(root, 'src', 'shared.ts'),
    'export const greet = (n: string) => `hi ${n}`;\n',
  );
  await writeFile(
    join(root, 'src', 'index.tsx'),
    `import { greet } from './shared';\nconsole.log(greet('${SECRET}'));\n` +
      `import('./lazy').then(m => console.log(m.lazy));\n`,
  );
  await writeFile(join(root, 'src', 'lazy.ts'), `export const lazy = '${SECRET}-lazy';\n`);
  if (withPublicEntry) {
    await writeFile(
      join(root, 'src', 'index-public-experimental.tsx'),
      `import { greet } from './shared';\nconsole.log(greet('sign-in'));\n`,
    );
  }
  return root;
}

async function buildApp(root: string) {
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [publicBundlePlugin({ plugins: () => [] })],
    build: { outDir: 'dist', assetsDir: 'assets', emptyOutDir: true },
  });
}

async function readAll(dir: string): Promise<string> {
  const names = await readdir(dir);
  const texts = await Promise.all(names.map(name => readFile(join(dir, name), 'utf8')));
  return texts.join('\n');
}

describe('publicBundlePlugin', () => {
  it('builds the public entry on its own into dist/public, without the full app code', async () => {
    const root = await writeApp(true);
    await buildApp(root);
    const dist = join(root, 'dist');

    const fullHtml = await readFile(join(dist, 'index.html'), 'utf8');
    expect(fullHtml).toContain('<meta name="greenroom-app-mode" content="protected" />');
    expect(await readAll(join(dist, 'assets'))).toContain(SECRET);

    const publicHtml = await readFile(join(dist, 'public', 'index.html'), 'utf8');
    expect(publicHtml).toContain('<meta name="greenroom-app-mode" content="public" />');
    const script = /src="\/assets\/([^"]+\.js)"/.exec(publicHtml)?.[1];
    expect(script).toBeDefined();
    expect(existsSync(join(dist, 'public', 'assets', script ?? 'missing'))).toBe(true);
    const publicCode = await readAll(join(dist, 'public', 'assets'));
    expect(publicCode).toContain('sign-in');
    expect(publicCode).not.toContain(SECRET);
    // The full build's files are untouched by the second build.
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
  });

  it('changes nothing for an app without a public entry', async () => {
    const root = await writeApp(false);
    await buildApp(root);
    const html = await readFile(join(root, 'dist', 'index.html'), 'utf8');
    expect(html).not.toContain('greenroom-app-mode');
    expect(existsSync(join(root, 'dist', 'public'))).toBe(false);
  });
  it('fails the build clearly when index.html does not load the full entry', async () => {
    const root = await writeApp(true);
    await writeFile(
      join(root, 'index.html'),
      '<html><head></head><body><script type="module" src="/src/main.ts"></script></body></html>',
    );
    await writeFile(join(root, 'src', 'main.ts'), 'console.log(1);\n');
    await expect(buildApp(root)).rejects.toThrow(
      'index.html must load /src/index.tsx for the public build to replace it',
    );
  });
});
