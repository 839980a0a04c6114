import type { LoggerService } from '@greenroom/backend-plugin-api';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { mergeJson, type PluginDatabaseSettings } from '../readPluginDatabaseSettings';
import {
  databaseOf,
  mergePostgresConnections,
  toPostgresConnection,
  withDatabase,
  withDefaultApplicationName,
  type PostgresConnection,
} from './postgresConnection';
import { knexLog } from './knexLog';
import type { PreparedDatabase } from './types';

/**
 * Pool defaults for each plugin's client. PostgreSQL allows 100 connections by default (97 for
 * normal users). Knex's own default of up to 10 per pool lets ten plugins take all of them from
 * a single backend instance, which is how "pool is probably full" startups happen. At most 4 per
 * plugin keeps ten plugins under 40, so two instances side by side (scale-out or a rolling
 * deploy) still fit with room for admin tools; `min: 0` and the idle timeout hand connections
 * back when a plugin goes quiet. A busy plugin raises its own limit with
 * `plugin.<id>.knexConfig.pool.max`.
 */
export const DEFAULT_POSTGRES_POOL = { min: 0, max: 4, idleTimeoutMillis: 30_000 } as const;

/** PostgreSQL truncates identifiers to 63 bytes; we cap them ourselves so lookups match. */
const MAX_IDENTIFIER_BYTES = 63;

const DUPLICATE_DATABASE = '42P04';
const DUPLICATE_SCHEMA = '42P06';
const UNIQUE_VIOLATION = '23505';
const UNKNOWN_DATABASE = '3D000';

/** One database (default) or one schema per plugin on a PostgreSQL server. */
export function preparePostgres(settings: PluginDatabaseSettings): PreparedDatabase {
  const { pluginId, divisionMode, prefix } = settings;
  const base = toPostgresConnection(settings.baseConnection, 'backend.database.connection');
  const own = toPostgresConnection(
    settings.pluginConnection,
    `backend.database.plugin.${pluginId}.connection`,
  );
  const merged = mergePostgresConnections(base, own);

  const derivedName = capIdentifier(prefix + pluginId);
  // The base connection's database is a server detail in database mode; only the plugin's own choice counts.
  const database =
    databaseOf(own) ?? (divisionMode === 'database' ? derivedName : databaseOf(base));
  const schema = divisionMode === 'schema' ? derivedName : undefined;

  let connection: PostgresConnection = database ? withDatabase(merged, database) : merged;
  connection = withDefaultApplicationName(connection, `backstage_plugin_${pluginId}`);

  const knexConfig = mergeJson({ pool: { ...DEFAULT_POSTGRES_POOL } }, settings.knexConfig);
  const ensureSchema = settings.ensureExists || settings.ensureSchemaExists;

  return {
    description: `PostgreSQL ${schema ? `schema '${schema}' in ` : ''}database '${database ?? '(default)'}'`,
    async open(logger?: LoggerService): Promise<Knex> {
      const client = knexFactory({
        ...(knexConfig as unknown as Knex.Config),
        client: 'pg',
        connection: connection as Knex.PgConnectionConfig,
        log: knexLog(logger),
        ...(schema ? { searchPath: [schema] } : {}),
      });
      try {
        if (settings.ensureExists && database) {
          await ensureDatabase(connection, database, pluginId);
        }
        if (schema && ensureSchema) await ensureSchemaExists(client, schema, pluginId);
        return client;
      } catch (error) {
        await client.destroy();
        throw error;
      }
    },
  };
}

/**
 * Creates the database when connecting says it is missing. Trying the database itself first
 * means a deployment whose databases already exist never needs access to `postgres`. Plain pg
 * clients, not knex: a probe that is expected to fail should not log pool errors.
 */
async function ensureDatabase(
  connection: PostgresConnection,
  database: string,
  pluginId: string,
): Promise<void> {
  try {
    await withPgClient(connection, async () => {});
    return;
  } catch (error) {
    if (codeOf(error) !== UNKNOWN_DATABASE) throw error;
  }
  try {
    await withPgClient(withDatabase(connection, 'postgres'), admin =>
      admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`),
    );
  } catch (error) {
    // Another instance created it between our check and now.
    const code = codeOf(error);
    if (code !== DUPLICATE_DATABASE && code !== UNIQUE_VIOLATION) {
      throw new Error(
        `Could not create database '${database}' for plugin '${pluginId}': ${messageOf(error)}`,
        {
          cause: error,
        },
      );
    }
  }
}

async function withPgClient(
  connection: PostgresConnection,
  work: (client: pg.Client) => Promise<unknown>,
) {
  const client = new pg.Client(connection as pg.ClientConfig);
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

async function ensureSchemaExists(client: Knex, schema: string, pluginId: string): Promise<void> {
  try {
    await client.raw('CREATE SCHEMA IF NOT EXISTS ??', [schema]);
  } catch (error) {
    // IF NOT EXISTS still races with a concurrent creator on the catalog's unique index.
    const code = codeOf(error);
    if (code !== DUPLICATE_SCHEMA && code !== UNIQUE_VIOLATION) {
      throw new Error(
        `Could not create schema '${schema}' for plugin '${pluginId}': ${messageOf(error)}`,
        {
          cause: error,
        },
      );
    }
  }
}

/** Cuts to 63 UTF-8 bytes without splitting a character. */
export function capIdentifier(name: string): string {
  let result = name;
  while (Buffer.byteLength(result) > MAX_IDENTIFIER_BYTES) {
    result = [...result].slice(0, -1).join('');
  }
  return result;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
