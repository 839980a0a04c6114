import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pluginDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoDir = join(pluginDir, '..', '..');

/** What the test build contains, so tests can compare bytes. */
export const TEST_APP = {
  indexHtml:
    '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n' +
    '    <title>Greenroom</title>\n' +
    '    <script type="greenroom/config">[{"context":"build","data":{"app":{"title":"placeholder"}}}]</script>\n' +
    '    <script type="module" crossorigin src="/assets/index-abc123.js"></script>\n' +
    '    <link rel="stylesheet" crossorigin href="/assets/style-def456.css">\n' +
    '  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n',
  js: 'console.log("greenroom app chunk");\n',
  css: 'body { margin: 0; }\n',
  favicon: Buffer.from([0, 0, 1, 0, 1, 0, 16, 16]),
  /** Beside the dist dir: what a path traversal would be after. */
  outsideSecret: 'OUTSIDE-DIST-SECRET-5b1e',
  dotfileSecret: 'DOTFILE-SECRET-9c2d',
};

/** The public sign-in bundle of the test build (`dist/public`). */
export const TEST_PUBLIC_APP = {
  indexHtml:
    '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n' +
    '    <meta name="greenroom-app-mode" content="public" />\n' +
    '    <script type="module" crossorigin src="/assets/public-sign-in-111aaa.js"></script>\n' +
    '  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n',
  js: 'console.log("greenroom sign-in only");\n',
};

/** Adds the public sign-in bundle to a test build, as the app's build does with the public entry. */
export async function writePublicBundle(distDir: string): Promise<void> {
  await mkdir(join(distDir, 'public', 'assets'), { recursive: true });
  await writeFile(join(distDir, 'public', 'index.html'), TEST_PUBLIC_APP.indexHtml);
  await writeFile(
    join(distDir, 'public', 'assets', 'public-sign-in-111aaa.js'),
    TEST_PUBLIC_APP.js,
  );
}

/** A temp dir with `dist/` (a small Vite-like build) and a secret file beside it. */
export async function writeTestApp(): Promise<{
  root: string;
  distDir: string;
  cleanup(): Promise<void>;
}> {
  const root = await mkdtemp(join(tmpdir(), 'app-backend-'));
  const distDir = join(root, 'dist');
  await mkdir(join(distDir, 'assets'), { recursive: true });
  await writeFile(join(distDir, 'index.html'), TEST_APP.indexHtml);
  await writeFile(join(distDir, 'assets', 'index-abc123.js'), TEST_APP.js);
  await writeFile(join(distDir, 'assets', 'style-def456.css'), TEST_APP.css);
  await writeFile(join(distDir, 'favicon.ico'), TEST_APP.favicon);
  await writeFile(join(distDir, '.env'), `TOKEN=${TEST_APP.dotfileSecret}\n`);
  await writeFile(join(root, 'secret.txt'), TEST_APP.outsideSecret);
  return { root, distDir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** A schema-only package: one value per visibility, under a key no core service reads. */
const testPluginSchema = {
  type: 'object',
  properties: {
    appBackendTest: {
      type: 'object',
      properties: {
        publicNote: { type: 'string', visibility: 'frontend' },
        apiToken: { type: 'string', visibility: 'secret' },
        internalUrl: { type: 'string' },
      },
    },
  },
};

/**
 * A temp repository root whose workspace packages declare config schemas: the real schemas of
 * backend-defaults and app-backend, plus a test package with a frontend, a secret and a
 * backend-only key.
 */
export async function writeSchemaRoot(): Promise<{ rootDir: string; cleanup(): Promise<void> }> {
  const rootDir = await mkdtemp(join(tmpdir(), 'app-backend-schemas-'));
  await writeFile(
    join(rootDir, 'package.json'),
    JSON.stringify({ name: 'schema-root', private: true, workspaces: ['packages/*'] }),
  );
  const addPackage = async (name: string, folder: string, schemaFrom: string | object) => {
    const dir = join(rootDir, 'packages', folder);
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name, configSchema: 'config.schema.json' }),
    );
    const target = join(dir, 'config.schema.json');
    if (typeof schemaFrom === 'string') await copyFile(schemaFrom, target);
    else await writeFile(target, JSON.stringify(schemaFrom));
  };
  await addPackage(
    '@greenroom/backend-defaults',
    'backend-defaults',
    join(repoDir, 'packages', 'backend-defaults', 'config.schema.json'),
  );
  await addPackage(
    '@greenroom/plugin-app-backend',
    'app-backend',
    join(pluginDir, 'config.schema.json'),
  );
  await addPackage('app-backend-test-plugin', 'test-plugin', testPluginSchema);
  return { rootDir, cleanup: () => rm(rootDir, { recursive: true, force: true }) };
}
