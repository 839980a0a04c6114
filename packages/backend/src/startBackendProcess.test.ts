import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// These run the real entry point as a process, the way `yarn start-backend --config ...` does.
const entry = join(dirname(fileURLToPath(import.meta.url)), 'index.ts');
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'greenroom-backend-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

interface Started {
  exit: Promise<{ code: number | null; stderr: string; stdout: string }>;
  kill(signal: NodeJS.Signals): void;
}

function startBackend(args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += chunk));
  child.stderr.on('data', chunk => (stderr += chunk));
  const exit = new Promise<{ code: number | null; stderr: string; stdout: string }>(resolve =>
    child.on('exit', code => resolve({ code, stderr, stdout })),
  );
  return { exit, kill: signal => child.kill(signal) };
}

function writeConfig(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function baseConfig(port: number) {
  return writeConfig(
    `base-${port}.yaml`,
    `backend:\n  baseUrl: http://127.0.0.1:${port}\n  listen: { host: 127.0.0.1, port: ${port} }\n  database: { client: better-sqlite3, connection: ':memory:' }\n`,
  );
}

async function expectFailsWithOneLine(args: string[], port: number, ...fragments: string[]) {
  const { code, stderr } = await startBackend(args).exit;
  expect(code).not.toBe(0);
  const lines = stderr
    .trim()
    .split('\n')
    .filter(line => line.startsWith('Greenroom backend failed to start'));
  expect(lines).toHaveLength(1);
  for (const fragment of fragments) expect(stderr).toContain(fragment);
  expect(stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect(await portIsOpen(port)).toBe(false);
}

describe('the backend process', () => {
  it('exits non-zero with one line naming the file when a config file is malformed YAML', async () => {
    const port = await freePort();
    const bad = writeConfig(
      'malformed.yaml',
      'backend:\n  listen: [port: 7007\n  secret: hunter2-not-shown\n',
    );
    await expectFailsWithOneLine(
      ['--config', await baseConfig(port), '--config', bad],
      port,
      'malformed.yaml',
    );
    const { stderr } = await startBackend(['--config', bad]).exit;
    expect(stderr).not.toContain('hunter2-not-shown');
  });

  it('names the file and key when an $include file does not exist', async () => {
    const port = await freePort();
    const bad = writeConfig(
      'include.yaml',
      'organization:\n  name:\n    $include: ./nowhere.yaml\n',
    );
    await expectFailsWithOneLine(
      ['--config', await baseConfig(port), '--config', bad],
      port,
      'include.yaml',
      'organization.name',
      'nowhere.yaml',
    );
  });

  it('names the variable, file and key when a ${VAR} is not set', async () => {
    const port = await freePort();
    const bad = writeConfig(
      'unset.yaml',
      'backend:\n  database:\n    connection:\n      password: ${GREENROOM_TEST_UNSET_PASSWORD}\n',
    );
    await expectFailsWithOneLine(
      ['--config', await baseConfig(port), '--config', bad],
      port,
      'unset.yaml',
      'backend.database.connection.password',
      'GREENROOM_TEST_UNSET_PASSWORD',
    );
  });

  it('names the file and key when a value has the wrong type', async () => {
    const port = await freePort();
    const bad = writeConfig('type.yaml', 'backend:\n  cors:\n    credentials: sometimes\n');
    await expectFailsWithOneLine(
      ['--config', await baseConfig(port), '--config', bad],
      port,
      'type.yaml',
      'backend.cors.credentials',
    );
  });

  it('refuses a port that is already taken, naming it, and leaves the other server alone', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise(resolve => blocker.once('listening', resolve));
    try {
      const { code, stderr } = await startBackend(['--config', await baseConfig(port)]).exit;
      expect(code).not.toBe(0);
      expect(stderr).toContain(String(port));
      expect(await portIsOpen(port)).toBe(true);
    } finally {
      blocker.close();
    }
  });

  it('serves, then on SIGTERM turns unready, stops listening and exits 0', async () => {
    const port = await freePort();
    const started = startBackend(['--config', await baseConfig(port)]);
    const url = `http://127.0.0.1:${port}/.backstage/health/v1/readiness`;
    let ready = false;
    for (let i = 0; i < 100 && !ready; i++) {
      ready = await fetch(url).then(
        r => r.status === 200,
        () => false,
      );
      if (!ready) await new Promise(resolve => setTimeout(resolve, 100));
    }
    expect(ready).toBe(true);
    started.kill('SIGTERM');
    const { code, stdout } = await started.exit;
    expect(code).toBe(0);
    expect(await portIsOpen(port)).toBe(false);
    // Production logs are JSON lines; the startup line names the URL to open.
    const lines = stdout
      .trim()
      .split('\n')
      .map(line => JSON.parse(line));
    expect(
      lines.some(line => String(line.message).includes(`listening on http://127.0.0.1:${port}`)),
    ).toBe(true);
  });

  it('masks secret config values in every log line', async () => {
    const port = await freePort();
    const secret = 'tok-9f8e7d6c5b4a';
    const withSecret = writeConfig(
      'secret.yaml',
      `backend:\n  auth:\n    externalAccess:\n      - type: static\n        options:\n          token: ${secret}\n          subject: ci\n`,
    );
    const started = startBackend(['--config', await baseConfig(port), '--config', withSecret]);
    const base = `http://127.0.0.1:${port}`;
    await expect
      .poll(
        () =>
          fetch(`${base}/.backstage/health/v1/readiness`).then(
            r => r.status,
            () => 0,
          ),
        { timeout: 10_000 },
      )
      .toBe(200);
    // The request log line carries the URL, and so the secret, unless it is redacted.
    expect((await fetch(`${base}/api/nothing/${secret}`)).status).toBe(404);
    started.kill('SIGTERM');
    const { code, stdout } = await started.exit;
    expect(code).toBe(0);
    expect(stdout).toContain('/api/nothing/[REDACTED]');
    expect(stdout).not.toContain(secret);
  });
});
