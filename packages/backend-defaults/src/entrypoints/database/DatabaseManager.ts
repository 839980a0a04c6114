import type { DatabaseService, LoggerService } from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import type { Knex } from 'knex';
import { preparePostgres } from './connectors/postgres';
import { prepareSqlite } from './connectors/sqlite';
import type { PreparedDatabase } from './connectors/types';
import { readPluginDatabaseSettings } from './readPluginDatabaseSettings';

export interface DatabaseManagerOptions {
  /** Receives the one-time warnings (e.g. data kept in memory only). */
  logger?: LoggerService;
}

export interface PluginDatabaseOptions {
  /** The plugin's logger: says where its data lives when the client opens. */
  logger?: LoggerService;
}

interface PluginEntry {
  service: DatabaseService;
  destroy(): Promise<void>;
}

/**
 * Hands each plugin its own database (a SQLite file or memory, a PostgreSQL database or schema)
 * from `backend.database` config. Nothing is opened until a plugin calls `getClient()`, so a
 * plugin that never touches its database costs no connection.
 */
export class DatabaseManager {
  readonly #databaseConfig: Config | undefined;
  readonly #logger: LoggerService | undefined;
  readonly #plugins = new Map<string, PluginEntry>();

  /** Reads `backend.database` from the root config. */
  static fromConfig(rootConfig: Config, options: DatabaseManagerOptions = {}): DatabaseManager {
    const databaseConfig = rootConfig.getOptionalConfig('backend.database');
    const client = databaseConfig?.getOptionalString('client') ?? 'better-sqlite3';
    if (
      !databaseConfig?.has('connection') &&
      (client === 'better-sqlite3' || client === 'sqlite3')
    ) {
      options.logger?.warn(
        "backend.database.connection is not configured: using in-memory SQLite. Data is NOT persisted and is lost when the backend stops; set backend.database.connection (e.g. { directory: './data' } or a PostgreSQL connection) to keep it.",
      );
    }
    return new DatabaseManager(databaseConfig, options.logger);
  }

  private constructor(databaseConfig: Config | undefined, logger: LoggerService | undefined) {
    this.#databaseConfig = databaseConfig;
    this.#logger = logger;
  }

  /**
   * The database service of one plugin; the same instance for the same id. Invalid settings
   * throw here, at startup, rather than at the first query.
   */
  forPlugin(pluginId: string, options: PluginDatabaseOptions = {}): DatabaseService {
    const existing = this.#plugins.get(pluginId);
    if (existing) return existing.service;

    const settings = readPluginDatabaseSettings(this.#databaseConfig, pluginId);
    const prepared: PreparedDatabase =
      settings.client === 'pg' ? preparePostgres(settings) : prepareSqlite(settings);

    let client: Promise<Knex> | undefined;
    let destroyed = false;
    const entry: PluginEntry = {
      service: {
        getClient: () => {
          if (destroyed) {
            return Promise.reject(
              new Error(`The database client of plugin '${pluginId}' was shut down`),
            );
          }
          client ??= prepared.open(options.logger ?? this.#logger).then(
            opened => {
              options.logger?.debug(`Opened ${prepared.description}`);
              return opened;
            },
            error => {
              // Let a later call try again (e.g. the server was briefly unreachable).
              client = undefined;
              throw error;
            },
          );
          return client;
        },
        migrations: { skip: settings.skipMigrations },
      },
      destroy: async () => {
        destroyed = true;
        const opened = await client?.catch(() => undefined);
        client = undefined;
        await opened?.destroy();
      },
    };
    this.#plugins.set(pluginId, entry);
    return entry.service;
  }

  /** Closes one plugin's pool; its service refuses further `getClient()` calls. */
  async destroyPlugin(pluginId: string): Promise<void> {
    await this.#plugins.get(pluginId)?.destroy();
  }

  /** Closes every pool this manager opened. */
  async destroy(): Promise<void> {
    await Promise.all([...this.#plugins.values()].map(entry => entry.destroy()));
  }
}
