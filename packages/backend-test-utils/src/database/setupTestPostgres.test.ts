import { existsSync } from 'node:fs';
import knexFactory from 'knex';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findPostgresBinDir } from './postgresServer';
import { setupTestPostgres } from './setupTestPostgres';

function recordingProject() {
  const provided = new Map<string, unknown>();
  return { provided, provide: (key: string, value: unknown) => void provided.set(key, value) };
}

const postgresInstalled = (await findPostgresBinDir()) !== undefined;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('setupTestPostgres', () => {
  it('uses GREENROOM_TEST_PG_URL without starting anything', async () => {
    const project = recordingProject();
    const findBinDir = vi.fn(async () => '/nowhere');
    const teardown = await setupTestPostgres(project, {
      env: { GREENROOM_TEST_PG_URL: 'postgres://someone@db.example:5432/postgres' },
      findBinDir,
    });
    expect(project.provided.get('greenroomTestPostgresUrl')).toBe(
      'postgres://someone@db.example:5432/postgres',
    );
    expect(findBinDir).not.toHaveBeenCalled();
    await teardown();
  });

  it('warns loudly and provides null when PostgreSQL is missing locally', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const project = recordingProject();
    await setupTestPostgres(project, { env: {}, findBinDir: async () => undefined });

    expect(project.provided.get('greenroomTestPostgresUrl')).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0][0]);
    expect(message).toContain('PostgreSQL half of the database tests is SKIPPED');
    expect(message).toContain('apt-get install -y postgresql');
    expect(message.split('\n').length).toBeGreaterThan(5);
  });

  it('fails the run when PostgreSQL is missing under CI=true', async () => {
    const project = recordingProject();
    await expect(
      setupTestPostgres(project, { env: { CI: 'true' }, findBinDir: async () => undefined }),
    ).rejects.toThrow(/PostgreSQL is required when CI=true[\s\S]*apt-get install -y postgresql/);
    expect(project.provided.has('greenroomTestPostgresUrl')).toBe(false);
  });

  it.runIf(postgresInstalled)(
    'starts a server, provides its URL, and removes it on teardown',
    async () => {
      const project = recordingProject();
      const teardown = await setupTestPostgres(project, { env: {} });
      const url = String(project.provided.get('greenroomTestPostgresUrl'));
      expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);

      const connect = () =>
        knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
      const client = connect();
      const { rows } = await client
        .raw("SELECT current_setting('fsync') AS fsync, current_setting('data_directory') AS dir")
        .finally(() => client.destroy());
      expect(rows[0].fsync).toBe('off');
      const dataDir: string = rows[0].dir;
      expect(existsSync(dataDir)).toBe(true);

      await teardown();

      expect(existsSync(dataDir)).toBe(false);
      const after = connect();
      await expect(after.raw('SELECT 1').finally(() => after.destroy())).rejects.toThrow(
        /ECONNREFUSED/,
      );
    },
  );
});
