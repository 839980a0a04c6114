import type { TestBackend } from '@greenroom/backend-test-utils';
import { TestDatabases } from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import knexFactory from 'knex';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJsonError, signInAsGuest, startAppBackend } from './testing/startAppBackend';
import { writePublicBundle, writeSchemaRoot, writeTestApp } from './testing/testAppFiles';

// A deploy on a real backend: build A is served, the backend restarts with build B on the same
// database, and a tab still running A asks for one of A's lazy chunks.

const databases = TestDatabases.create();
const CHUNK_A = 'assets/lazy-aaa111.js';
const CHUNK_A_BODY = 'console.log("lazy chunk of build A");\n';

let schemas: Awaited<ReturnType<typeof writeSchemaRoot>>;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  schemas = await writeSchemaRoot();
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await schemas?.cleanup();
});

async function build(extra: Record<string, string> = {}) {
  const files = await writeTestApp();
  cleanups.push(files.cleanup);
  for (const [path, content] of Object.entries(extra)) {
    await writeFile(join(files.distDir, path), content);
  }
  return files.distDir;
}

async function start(distDir: string, database: JsonObject, withGuestSignIn = false) {
  const backend: TestBackend = await startAppBackend({
    rootDir: schemas.rootDir,
    withGuestSignIn,
    config: { app: { distDir }, backend: { database } },
  });
  return backend;
}

async function sqliteDirectory(): Promise<JsonObject> {
  const dir = await mkdtemp(join(tmpdir(), 'app-backend-db-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return { client: 'better-sqlite3', connection: { directory: dir } };
}

describe.each(databases.eachSupportedId())('old asset versions on %s', databaseId => {
  const database = () =>
    databaseId === 'SQLITE' ? sqliteDirectory() : Promise.resolve(databases.configFor(databaseId));

  it("serves build A's chunk after the backend restarts with build B", async () => {
    const db = await database();
    const distA = await build({ [CHUNK_A]: CHUNK_A_BODY });
    const first = await start(distA, db);
    expect((await fetch(`${first.url}/${CHUNK_A}`)).status).toBe(200);
    await first.stop();

    const distB = await build({ 'assets/lazy-bbb222.js': 'console.log("B");\n' });
    const second = await start(distB, db);
    try {
      const old = await fetch(`${second.url}/${CHUNK_A}`);
      expect(old.status).toBe(200);
      expect(old.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(old.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
      expect(await old.text()).toBe(CHUNK_A_BODY);
      expect((await fetch(`${second.url}/${CHUNK_A}`, { method: 'HEAD' })).status).toBe(200);
      // Never built: still a 404, never index.html.
      await expectJsonError(
        await fetch(`${second.url}/assets/lazy-never.js`),
        404,
        'NotFoundError',
      );
    } finally {
      await second.stop();
    }
  });

  it('keeps old chunks of the full app behind the cookie in protected mode', async () => {
    const db = await database();
    const distA = await build({ [CHUNK_A]: CHUNK_A_BODY });
    await writePublicBundle(distA);
    await (await start(distA, db, true)).stop();

    const distB = await build();
    await writePublicBundle(distB);
    const second = await start(distB, db, true);
    try {
      await expectJsonError(await fetch(`${second.url}/${CHUNK_A}`), 401, 'AuthenticationError');
      const token = await signInAsGuest(second.url);
      const signedIn = await fetch(`${second.url}/${CHUNK_A}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      expect(await signedIn.text()).toBe(CHUNK_A_BODY);
    } finally {
      await second.stop();
    }
  });

  it('does nothing with the database when app.disableStaticFallbackCache is set', async () => {
    const db = await database();
    await (await start(await build({ [CHUNK_A]: CHUNK_A_BODY }), db)).stop();
    const backend = await startAppBackend({
      rootDir: schemas.rootDir,
      config: {
        app: { distDir: await build(), disableStaticFallbackCache: true },
        backend: { database: db },
      },
    });
    try {
      expect((await fetch(`${backend.url}/${CHUNK_A}`)).status).toBe(404);
    } finally {
      await backend.stop();
    }
  });
});

describe('expiry', () => {
  it('forgets chunks no build has contained for 7 days, at the next start', async () => {
    const db = await sqliteDirectory();
    const distA = await build({ [CHUNK_A]: CHUNK_A_BODY });
    await (await start(distA, db)).stop();

    // Age build A's rows by 8 days, as if the deploy of B had happened that long ago.
    const directory = (db.connection as { directory: string }).directory;
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(directory, 'app.sqlite') },
      useNullAsDefault: true,
    });
    try {
      const aged = await knex('static_assets_cache')
        .where({ path: CHUNK_A })
        .update({ last_modified_at: Date.now() - 8 * 24 * 60 * 60 * 1000 });
      expect(aged).toBe(1);
    } finally {
      await knex.destroy();
    }

    const second = await start(await build(), db);
    try {
      await expectJsonError(await fetch(`${second.url}/${CHUNK_A}`), 404, 'NotFoundError');
    } finally {
      await second.stop();
    }
  });
});
