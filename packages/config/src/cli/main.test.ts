import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFiles } from '../testing/tempFiles';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const SECRET = 'hunter2-cli-secret';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      ['--import', TSX, MAIN, ...args],
      // A clean environment, so APP_CONFIG_* variables of the machine running the tests stay out.
      { cwd, env: { PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const schema = {
  type: 'object',
  properties: {
    app: { type: 'object', properties: { title: { type: 'string', visibility: 'frontend' } } },
    server: {
      type: 'object',
      properties: { port: { type: 'integer' }, password: { type: 'string', visibility: 'secret' } },
    },
  },
};

async function workspace(files: Record<string, string>): Promise<string> {
  return tempFiles({
    'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
    'packages/server/package.json': JSON.stringify({
      name: '@x/server',
      configSchema: 'config.schema.json',
    }),
    'packages/server/config.schema.json': JSON.stringify(schema),
    ...files,
  });
}

describe('config CLI: check', () => {
  it('exits 0 for a valid config and says which files it loaded', async () => {
    const root = await workspace({
      'app-config.yaml': `app:\n  title: Portal\nserver:\n  port: 7007\n  password: ${SECRET}\n`,
      'app-config.local.yaml': 'server:\n  port: 7008\n',
    });
    const result = await run(root, ['check']);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Loaded config from app-config.yaml, app-config.local.yaml\n',
    });
  });

  it('exits 1 with one line per problem and never prints the secret', async () => {
    const root = await workspace({
      'app-config.yaml': `server:\n  port: 7007\n  password: [${SECRET}]\n`,
      'app-config.local.yaml': 'server:\n  port: high\napp:\n  title: 5\n',
    });
    const result = await run(root, ['check']);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'Loaded config from app-config.yaml, app-config.local.yaml',
      'app-config.local.yaml: app.title: must be string',
      'app-config.local.yaml: server.port: must be integer',
      'app-config.yaml: server.password: must be string',
    ]);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });

  it('--frontend reports only problems in browser-visible keys', async () => {
    const root = await workspace({
      'app-config.yaml': 'server:\n  port: high\napp:\n  title: 5\n',
    });
    const result = await run(root, ['check', '--frontend']);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'Loaded config from app-config.yaml',
      'app-config.yaml: app.title: must be string',
    ]);
    const backendOnly = await workspace({ 'app-config.yaml': 'server:\n  port: high\n' });
    expect((await run(backendOnly, ['check', '--frontend'])).code).toBe(0);
  });

  it('--config replaces the default files; unset variables fail unless --lax', async () => {
    const root = await workspace({
      'app-config.yaml': 'server:\n  port: high\n',
      'prod.yaml': 'server:\n  port: 1\n  password: ${DB_PASSWORD}\n',
    });
    const strict = await run(root, ['check', '--config', 'prod.yaml'], { OTHER: SECRET });
    expect(strict).toEqual({
      code: 1,
      stdout: '',
      stderr: "prod.yaml: server.password: environment variable 'DB_PASSWORD' is not set\n",
    });
    const lax = await run(root, ['check', '--config=prod.yaml', '--lax']);
    expect(lax).toEqual({ code: 0, stdout: '', stderr: 'Loaded config from prod.yaml\n' });
    const withEnv = await run(root, ['check', '--config', 'prod.yaml'], { DB_PASSWORD: SECRET });
    expect(withEnv.code).toBe(0);
    expect(withEnv.stderr).not.toContain(SECRET);
  });

  it('includes APP_CONFIG_ variables and names them in problems', async () => {
    const root = await workspace({ 'app-config.yaml': 'server:\n  port: 1\n' });
    const result = await run(root, ['check'], { APP_CONFIG_server_port: '"high"' });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'Loaded config from app-config.yaml, APP_CONFIG_server_port',
      'APP_CONFIG_server_port: server.port: must be integer',
    ]);
  });

  it('exits 1 with one line for malformed YAML, without echoing it', async () => {
    const root = await workspace({
      'app-config.yaml': `server:\n  password: "${SECRET}\n  port: [\n`,
    });
    const result = await run(root, ['check']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^app-config\.yaml: invalid YAML at line \d+, column \d+: [^\n]+\n$/,
    );
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });

  it('exits 1 for a missing app-config.yaml and for unknown flags', async () => {
    const root = await workspace({});
    const missing = await run(root, ['check']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('app-config.yaml: not found in');
    const unknown = await run(root, ['check', '--nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Unknown option '--nope'");
  });
});

describe('config CLI: schema', () => {
  it('prints the merged schema, or writes it to --output', async () => {
    const root = await workspace({});
    const printed = await run(root, ['schema']);
    expect(printed.code).toBe(0);
    const merged = JSON.parse(printed.stdout);
    expect(merged.title).toBe('Application Configuration Schema');
    expect(merged.allOf).toEqual([{ $comment: 'from @x/server', ...schema }]);

    const written = await run(root, ['schema', '--output', 'schema.json']);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(JSON.parse(await readFile(join(root, 'schema.json'), 'utf8'))).toEqual(merged);
  });

  it('fails on a schema conflict between packages', async () => {
    const root = await workspace({
      'packages/app/package.json': JSON.stringify({
        name: '@x/app',
        configSchema: {
          properties: { server: { properties: { password: { visibility: 'frontend' } } } },
        },
      }),
    });
    const result = await run(root, ['schema']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Config schema conflict at 'server.password': @x/app declares visibility 'frontend' but @x/server declares 'secret'\n",
    );
  });

  it('rejects an unknown command with usage', async () => {
    const root = await workspace({});
    const result = await run(root, ['print']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Unknown command 'print'");
    expect(result.stderr).toContain('config check');
  });
});
