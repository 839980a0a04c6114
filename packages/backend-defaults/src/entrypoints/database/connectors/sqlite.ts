import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { JsonObject } from '@greenroom/config';
import knexFactory, { type Knex } from 'knex';
import type { PluginDatabaseSettings } from '../readPluginDatabaseSettings';
import { knexLog } from './knexLog';
import type { PreparedDatabase } from './types';

const MEMORY = ':memory:';

interface SqliteConnection {
  pragma(source: string): unknown;
}

/**
 * One SQLite database per plugin: in memory, or the file `<directory>/<pluginId>.sqlite`.
 * A single shared file is refused at the base level because plugins' tables would mix.
 */
export function prepareSqlite(settings: PluginDatabaseSettings): PreparedDatabase {
  const { pluginId } = settings;
  if (settings.divisionMode === 'schema') {
    throw new Error(
      `backend.database.pluginDivisionMode 'schema' is only supported on PostgreSQL (client 'pg'); plugin '${pluginId}' uses SQLite`,
    );
  }
  const filename = resolveFilename(settings);
  const directory = filename === MEMORY ? undefined : dirname(filename);
  const { pool: poolOverrides, ...knexOverrides } = settings.knexConfig;

  return {
    description: filename === MEMORY ? 'SQLite in memory' : `SQLite file ${filename}`,
    async open(logger?: LoggerService): Promise<Knex> {
      if (directory) await mkdir(directory, { recursive: true });
      const client = knexFactory({
        ...knexOverrides,
        client: 'better-sqlite3',
        connection: { filename },
        useNullAsDefault: true,
        log: knexLog(logger),
        pool: {
          ...(isObject(poolOverrides) ? poolOverrides : {}),
          afterCreate(connection: SqliteConnection, done: (error: Error | null) => void) {
            try {
              connection.pragma('foreign_keys = ON');
              // WAL lets readers proceed while a write is in progress; meaningless in memory.
              if (filename !== MEMORY) {
                connection.pragma('journal_mode = WAL');
                // SQLite's advice for WAL: no fsync per commit (one per checkpoint), still never
                // corrupt; a power cut may lose the last commits. Per-commit fsyncs made ingestion
                // spend most of its time in COMMIT.
                connection.pragma('synchronous = NORMAL');
              }
              done(null);
            } catch (error) {
              done(error as Error);
            }
          },
        },
      });
      try {
        // Open now, so an unwritable directory fails here, naming the plugin's file, not at a first query.
        await client.raw('SELECT 1');
      } catch (error) {
        await client.destroy();
        throw new Error(
          `Could not open the SQLite database of plugin '${pluginId}' (${filename}): ${(error as Error).message}`,
          { cause: error },
        );
      }
      return client;
    },
  };
}

function resolveFilename(settings: PluginDatabaseSettings): string {
  const { pluginId, pluginConnection, baseConnection } = settings;
  if (pluginConnection !== undefined) {
    // A plugin may name its own file; the base level may not (see above).
    if (typeof pluginConnection === 'string') return fileOrMemory(pluginConnection);
    if (typeof pluginConnection.filename === 'string')
      return fileOrMemory(pluginConnection.filename);
    if (typeof pluginConnection.directory === 'string') {
      return resolve(pluginConnection.directory, `${pluginId}.sqlite`);
    }
    throw new Error(
      `Invalid backend.database.plugin.${pluginId}.connection for SQLite: use ':memory:', a file name, { filename } or { directory }`,
    );
  }
  if (baseConnection === undefined || baseConnection === MEMORY) return MEMORY;
  if (typeof baseConnection === 'object') {
    if (typeof baseConnection.directory === 'string') {
      return resolve(baseConnection.directory, `${pluginId}.sqlite`);
    }
    if (baseConnection.filename === MEMORY) return MEMORY;
  }
  throw new Error(
    "Invalid backend.database.connection for SQLite: use ':memory:' or { directory: <dir> } (one file per plugin, <dir>/<pluginId>.sqlite); a single file for all plugins is not supported",
  );
}

function fileOrMemory(filename: string): string {
  return filename === MEMORY ? MEMORY : resolve(filename);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
