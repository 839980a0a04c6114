import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_PACKAGE_JSON, tempFiles } from '../testing/tempFiles';
import { ConfigLoadError } from './ConfigLoadError';
import { loadConfig } from './loadConfig';

async function loadError(promise: Promise<unknown>): Promise<ConfigLoadError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof ConfigLoadError) return error;
  throw new Error(`expected a ConfigLoadError, got ${String(error)}`);
}

describe('loadConfig: which files', () => {
  it('loads app-config.yaml and then app-config.local.yaml, which wins', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'app-config.yaml': 'app:\n  title: Base\n  baseUrl: http://base\n',
      'app-config.local.yaml': 'app:\n  title: Local\n',
      'app-config.production.yaml': 'app:\n  title: Production\n',
    });
    const loaded = await loadConfig({ cwd: join(root), env: {} });
    expect(loaded.rootDir).toBe(root);
    expect(loaded.files).toEqual([
      join(root, 'app-config.yaml'),
      join(root, 'app-config.local.yaml'),
    ]);
    expect(loaded.layers.map(layer => layer.context)).toEqual([
      'app-config.yaml',
      'app-config.local.yaml',
    ]);
    expect(loaded.config.getString('app.title')).toBe('Local');
    expect(loaded.config.getString('app.baseUrl')).toBe('http://base');
  });

  it('finds the root from a nested working directory and works without a local file', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'app-config.yaml': 'app:\n  title: Base\n',
      'packages/backend/package.json': '{"name":"backend"}',
    });
    const loaded = await loadConfig({ cwd: join(root, 'packages/backend'), env: {} });
    expect(loaded.files).toEqual([join(root, 'app-config.yaml')]);
    expect(loaded.config.getString('app.title')).toBe('Base');
  });

  it('does not load app-config.production.yaml unless it is passed', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'app-config.yaml': 'app:\n  title: Base\n',
      'app-config.production.yaml': 'app:\n  title: Production\n',
    });
    expect((await loadConfig({ cwd: root, env: {} })).config.getString('app.title')).toBe('Base');
    const production = await loadConfig({
      cwd: root,
      env: {},
      argv: ['--config', 'app-config.yaml', '--config', 'app-config.production.yaml'],
    });
    expect(production.config.getString('app.title')).toBe('Production');
  });

  it('fails clearly when app-config.yaml is missing', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'app-config.local.yaml': 'a: 1\n',
    });
    const error = await loadError(loadConfig({ cwd: root, env: {} }));
    expect(error.message).toBe(
      `app-config.yaml: not found in ${root}; create it or pass --config <file>`,
    );
  });

  it('--config flags replace the default list, resolve from cwd, and later ones win', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'app-config.yaml': 'app:\n  title: Default\n',
      'app-config.local.yaml': 'app:\n  title: Local\n',
      'packages/backend/package.json': '{"name":"backend"}',
      'packages/backend/one.yaml': 'app:\n  title: One\n  baseUrl: http://one\n',
      'packages/backend/two.yaml': 'app:\n  title: Two\n',
    });
    const loaded = await loadConfig({
      cwd: join(root, 'packages/backend'),
      env: {},
      argv: ['--config', 'one.yaml', '--config=two.yaml'],
    });
    expect(loaded.files).toEqual([
      join(root, 'packages/backend/one.yaml'),
      join(root, 'packages/backend/two.yaml'),
    ]);
    expect(loaded.layers.map(layer => layer.context)).toEqual([
      'packages/backend/one.yaml',
      'packages/backend/two.yaml',
    ]);
    expect(loaded.config.getString('app.title')).toBe('Two');
    expect(loaded.config.getString('app.baseUrl')).toBe('http://one');
  });

  it('names an explicit config file that does not exist', async () => {
    const root = await tempFiles({ 'package.json': ROOT_PACKAGE_JSON });
    const error = await loadError(
      loadConfig({ cwd: root, env: {}, configFiles: ['missing.yaml'] }),
    );
    expect(error.message).toMatch(/^missing\.yaml: config file not found/);
  });

  it('shows files outside the repository by their absolute path', async () => {
    const root = await tempFiles({ 'package.json': ROOT_PACKAGE_JSON });
    const elsewhere = await tempFiles({ 'outside.yaml': 'a: [1\n' });
    const error = await loadError(
      loadConfig({ cwd: root, env: {}, configFiles: [join(elsewhere, 'outside.yaml')] }),
    );
    expect(
      error.message.startsWith(`${join(elsewhere, 'outside.yaml')}: invalid YAML at line`),
    ).toBe(true);
  });
});

describe('loadConfig: content', () => {
  it('treats an empty file as empty config', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'app-config.yaml': '# all commented out\n',
    });
    const loaded = await loadConfig({ cwd: root, env: {} });
    expect(loaded.layers).toEqual([{ context: 'app-config.yaml', data: {} }]);
  });

  it.each([
    ['a list', '- a\n- b\n'],
    ['a string', 'just text\n'],
    ['a number', '42\n'],
  ])('rejects a top level that is %s', async (kind, text) => {
    const root = await tempFiles({ 'package.json': ROOT_PACKAGE_JSON, 'app-config.yaml': text });
    const error = await loadError(loadConfig({ cwd: root, env: {} }));
    expect(error.message).toBe(
      `app-config.yaml: the top level must be a mapping of keys to values, not ${kind}`,
    );
  });

  it('reports malformed YAML with file and position but not the content', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'app-config.yaml': 'backend:\n  auth:\n    keys:\n      - secret: "topsecret-123\n',
    });
    const error = await loadError(loadConfig({ cwd: root, env: {} }));
    expect(error.message).toMatch(/^app-config\.yaml: invalid YAML at line \d+, column \d+: /);
    expect(error.message).not.toContain('topsecret');
  });

  it('substitutes variables and names file, key and variable when one is unset', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'app-config.yaml':
        'backend:\n  database:\n    connection:\n      host: ${PG_HOST}\n      password: ${PG_PASSWORD}\n',
    });
    const loaded = await loadConfig({ cwd: root, env: { PG_HOST: 'db', PG_PASSWORD: 'pw' } });
    expect(loaded.config.getString('backend.database.connection.host')).toBe('db');

    const error = await loadError(loadConfig({ cwd: root, env: { PG_HOST: 'db' } }));
    expect(error.message).toBe(
      "app-config.yaml: backend.database.connection.password: environment variable 'PG_PASSWORD' is not set",
    );
    expect(error.key).toBe('backend.database.connection.password');

    const lax = await loadConfig({ cwd: root, env: {}, lax: true });
    expect(lax.config.getString('backend.database.connection.password')).toBe('x');
  });

  it('lets null in a later file unset a key, without earlier files showing through', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'app-config.yaml': 'auth:\n  providers:\n    guest: {}\n    github: {clientId: a}\n',
      'app-config.local.yaml': 'auth:\n  providers:\n    guest: null\n',
    });
    const { config } = await loadConfig({ cwd: root, env: {} });
    expect(config.has('auth.providers.guest')).toBe(false);
    expect(config.getString('auth.providers.github.clientId')).toBe('a');
  });

  it('applies APP_CONFIG_ variables last, over every file', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'app-config.yaml': 'backend:\n  listen:\n    port: 7007\n',
      'app-config.local.yaml': 'backend:\n  listen:\n    port: 7008\n',
    });
    const loaded = await loadConfig({ cwd: root, env: { APP_CONFIG_backend_listen_port: '9000' } });
    expect(loaded.config.getNumber('backend.listen.port')).toBe(9000);
    expect(loaded.layers.at(-1)).toEqual({
      context: 'APP_CONFIG_backend_listen_port',
      data: { backend: { listen: { port: 9000 } } },
    });
  });

  it('does not substitute inside APP_CONFIG_ values', async () => {
    const root = await tempFiles({
      'package.json': ROOT_PACKAGE_JSON,
      'app-config.yaml': 'a: 1\n',
    });
    const { config } = await loadConfig({ cwd: root, env: { APP_CONFIG_app_title: '${NOT_SET}' } });
    expect(config.getString('app.title')).toBe('${NOT_SET}');
  });
});
