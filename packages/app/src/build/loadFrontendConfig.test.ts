import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFrontendConfig } from './loadFrontendConfig';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'greenroom-app-config-'));
  await writeFile(
    join(root, 'package.json'),
    JSON.stringify({ name: 'repo', workspaces: ['packages/*'] }),
  );
  await mkdir(join(root, 'packages', 'app'), { recursive: true });
  await writeFile(
    join(root, 'packages', 'app', 'package.json'),
    JSON.stringify({
      name: 'app',
      configSchema: {
        type: 'object',
        properties: {
          app: {
            type: 'object',
            properties: {
              title: { type: 'string', visibility: 'frontend' },
              routes: {
                type: 'object',
                properties: {
                  bindings: { type: 'object', additionalProperties: { visibility: 'frontend' } },
                },
              },
            },
          },
          auth: {
            type: 'object',
            properties: {
              providers: {
                type: 'object',
                properties: { guest: { type: ['object', 'null'], visibility: 'frontend' } },
              },
            },
          },
          backend: {
            type: 'object',
            properties: {
              baseUrl: { type: 'string', visibility: 'frontend' },
              secret: { type: 'string', visibility: 'secret' },
            },
          },
        },
      },
    }),
  );
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('loadFrontendConfig', () => {
  it('keeps only frontend-visible keys of the merged config files and APP_CONFIG_ variables', async () => {
    await writeFile(
      join(root, 'app-config.yaml'),
      [
        'app:',
        '  title: Portal',
        '  routes:',
        '    bindings:',
        '      home.browseCatalog: user-settings.root',
        'auth:',
        '  providers:',
        '    guest: {}',
        'backend:',
        '  baseUrl: http://localhost:7007',
        '  secret: ${BACKEND_SECRET}',
        '  listen: 7007',
      ].join('\n'),
    );
    await writeFile(join(root, 'app-config.local.yaml'), 'auth:\n  providers:\n    guest: null\n');
    const layers = await loadFrontendConfig({
      cwd: join(root, 'packages', 'app'),
      env: { BACKEND_SECRET: 'do-not-ship-me', APP_CONFIG_app_title: '"Env Portal"' },
    });
    expect(layers).toEqual([
      {
        context: 'app-config.yaml, app-config.local.yaml',
        data: {
          app: {
            title: 'Env Portal',
            routes: { bindings: { 'home.browseCatalog': 'user-settings.root' } },
          },
          // guest: null in the later file removed it; nothing frontend-visible is left in auth.
          backend: { baseUrl: 'http://localhost:7007' },
        },
      },
    ]);
    expect(JSON.stringify(layers)).not.toContain('do-not-ship-me');
  });

  it('fails, naming the variable, when the config cannot be loaded', async () => {
    await writeFile(join(root, 'app-config.yaml'), 'backend:\n  baseUrl: ${MISSING_URL}\n');
    await expect(loadFrontendConfig({ cwd: root, env: {} })).rejects.toThrow('MISSING_URL');
  });

  it('reads the config files `yarn start --config …` passed on, instead of the defaults', async () => {
    await writeFile(join(root, 'app-config.yaml'), 'app:\n  title: Default\n');
    await writeFile(join(root, 'other.yaml'), 'app:\n  title: From Flag\n');
    const layers = await loadFrontendConfig({
      cwd: join(root, 'packages', 'app'),
      env: { GREENROOM_CONFIG_ARGS: JSON.stringify(['--config', join(root, 'other.yaml')]) },
    });
    expect(layers[0].data).toEqual({ app: { title: 'From Flag' } });
  });
});
