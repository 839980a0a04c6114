import type { CapturedLogLine, TestBackend } from '@greenroom/backend-test-utils';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJsonError, startAppBackend } from './testing/startAppBackend';
import { writeSchemaRoot, writeTestApp } from './testing/testAppFiles';

// Startup edge cases, each on a real backend: no build, and a schema that cannot be read.

let files: Awaited<ReturnType<typeof writeTestApp>>;
let schemas: Awaited<ReturnType<typeof writeSchemaRoot>>;
const backends: TestBackend[] = [];

beforeAll(async () => {
  files = await writeTestApp();
  schemas = await writeSchemaRoot();
});

afterAll(async () => {
  await Promise.all(backends.map(backend => backend.stop()));
  await files?.cleanup();
  await schemas?.cleanup();
});

describe('app plugin without a built app', () => {
  it('starts, warns once, and answers page requests with 503 JSON', async () => {
    const lines: CapturedLogLine[] = [];
    const missingDir = join(files.root, 'not-built');
    const backend = await startAppBackend({
      rootDir: schemas.rootDir,
      config: { app: { distDir: missingDir } },
      lines,
    });
    backends.push(backend);
    const { url } = backend;

    for (const path of ['/', '/catalog/default/component/x', '/assets/index-abc123.js']) {
      const response = await fetch(`${url}${path}`);
      await expectJsonError(response, 503, 'ServiceUnavailableError');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    const body = (await (await fetch(`${url}/settings`)).json()) as {
      error: { message: string };
      response: { statusCode: number };
    };
    expect(body.error.message).toBe('App not built: run yarn build');
    expect(body.response.statusCode).toBe(503);
    const head = await fetch(`${url}/`, { method: 'HEAD' });
    expect(head.status).toBe(503);

    // Not a page: left to the root router.
    await expectJsonError(await fetch(`${url}/x`, { method: 'POST' }), 404, 'NotFoundError');
    await expectJsonError(await fetch(`${url}/api/other-plugin/x`), 404, 'NotFoundError');

    const warnings = lines.filter(line => line.message.includes('App not built'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warn', meta: { plugin: 'app', dir: missingDir } });
    expect(lines.filter(line => line.level === 'error')).toEqual([]);
  });

  it('does not load the config schema when there is nothing to inject into', async () => {
    const backend = await startAppBackend({
      rootDir: join(files.root, 'no-such-repo'),
      config: { app: { distDir: join(files.root, 'not-built') } },
    });
    backends.push(backend);
    expect((await fetch(`${backend.url}/`)).status).toBe(503);
  });
});

describe('app plugin with an unreadable config schema', () => {
  it('refuses to start rather than inject unfiltered config', async () => {
    await expect(
      startAppBackend({
        rootDir: join(files.root, 'no-such-repo'),
        config: { app: { distDir: files.distDir } },
      }),
    ).rejects.toThrow(/package\.json/);
  });
});
