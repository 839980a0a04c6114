import { describe, expect, it } from 'vitest';
import { capIdentifier } from './postgres';
import {
  databaseOf,
  mergePostgresConnections,
  toPostgresConnection,
  withDatabase,
  withDefaultApplicationName,
} from './postgresConnection';

describe('PostgreSQL connection handling', () => {
  it('turns a URL into an object and writes explicit fields next to it into the URL', () => {
    expect(toPostgresConnection('postgres://u:p@db:5432/base?sslmode=require', 'k')).toEqual({
      connectionString: 'postgres://u:p@db:5432/base?sslmode=require',
    });
    const refined = toPostgresConnection(
      {
        connectionString: 'postgres://u:p@db:5432/base',
        database: 'other',
        password: 'p@ss/word',
        ssl: true,
      },
      'k',
    );
    expect(refined.connectionString).toBe('postgres://u:p%40ss%2Fword@db:5432/other');
    expect(refined.ssl).toBe(true);
    expect(databaseOf(refined)).toBe('other');
  });

  it('merges a plugin connection into the base one', () => {
    const base = toPostgresConnection('postgres://u:p@db:5432/base', 'k');
    expect(mergePostgresConnections(base, { host: 'replica', port: 6432 }).connectionString).toBe(
      'postgres://u:p@replica:6432/base',
    );
    expect(
      mergePostgresConnections(base, { connectionString: 'postgres://x@elsewhere/other' })
        .connectionString,
    ).toBe('postgres://x@elsewhere/other');
    expect(mergePostgresConnections({ host: 'a', user: 'u' }, { user: 'v' })).toEqual({
      host: 'a',
      user: 'v',
    });
  });

  it('points a connection at another database, URL or object', () => {
    expect(
      withDatabase({ connectionString: 'postgresql://u@h/base?x=1' }, 'plugin_db').connectionString,
    ).toBe('postgresql://u@h/plugin_db?x=1');
    expect(withDatabase({ host: 'h' }, 'plugin_db')).toEqual({ host: 'h', database: 'plugin_db' });
    expect(databaseOf({ connectionString: 'postgres://u@h' })).toBeUndefined();
    expect(databaseOf({ host: 'h' })).toBeUndefined();
  });

  it('sets application_name only when the connection did not choose one', () => {
    expect(withDefaultApplicationName({ host: 'h' }, 'backstage_plugin_x')).toEqual({
      host: 'h',
      application_name: 'backstage_plugin_x',
    });
    expect(
      withDefaultApplicationName({ host: 'h', application_name: 'mine' }, 'backstage_plugin_x'),
    ).toEqual({
      host: 'h',
      application_name: 'mine',
    });
    expect(
      withDefaultApplicationName({ connectionString: 'postgres://h/db' }, 'backstage_plugin_x')
        .connectionString,
    ).toBe('postgres://h/db?application_name=backstage_plugin_x');
    expect(
      withDefaultApplicationName(
        { connectionString: 'postgres://h/db?application_name=mine' },
        'backstage_plugin_x',
      ).connectionString,
    ).toBe('postgres://h/db?application_name=mine');
  });

  it('rejects what is not a postgres URL without echoing it', () => {
    const secret = 'host=db password=hunter2';
    expect(() => toPostgresConnection(secret, 'backend.database.connection')).toThrow(
      'Invalid backend.database.connection: a PostgreSQL connection string must be a postgres:// or postgresql:// URL',
    );
    expect(() => toPostgresConnection('mysql://u:hunter2@h/db', 'k')).not.toThrow(/hunter2/);
    expect(() => toPostgresConnection('mysql://u:hunter2@h/db', 'k')).toThrow(/postgres:\/\//);
    expect(() => toPostgresConnection({ type: 'cloudsql', instance: 'x' }, 'k')).toThrow(
      "Unsupported k.type 'cloudsql': only 'default' is supported",
    );
    expect(toPostgresConnection({ type: 'default', host: 'h' }, 'k')).toEqual({ host: 'h' });
  });

  it('caps identifiers at 63 bytes without splitting a character', () => {
    expect(capIdentifier('backstage_plugin_catalog')).toBe('backstage_plugin_catalog');
    expect(capIdentifier('a'.repeat(70))).toBe('a'.repeat(63));
    const capped = capIdentifier(`${'a'.repeat(62)}é${'b'.repeat(5)}`);
    expect(capped).toBe('a'.repeat(62));
    expect(Buffer.byteLength(capIdentifier('é'.repeat(40)))).toBe(62);
  });
});
