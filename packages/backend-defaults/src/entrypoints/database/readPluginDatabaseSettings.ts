import type { Config, JsonObject } from '@greenroom/config';

/** The clients we ship drivers for. */
export type DatabaseClient = 'better-sqlite3' | 'pg';

/** Everything needed to open one plugin's database, resolved from `backend.database`. */
export interface PluginDatabaseSettings {
  pluginId: string;
  client: DatabaseClient;
  /** `backend.database.connection`, or undefined when the plugin switched to another client. */
  baseConnection: string | JsonObject | undefined;
  /** `plugin.<id>.connection`: refines (same client) or replaces (other client) the base one. */
  pluginConnection: string | JsonObject | undefined;
  prefix: string;
  divisionMode: 'database' | 'schema';
  ensureExists: boolean;
  ensureSchemaExists: boolean;
  knexConfig: JsonObject;
  skipMigrations: boolean;
}

const CLIENT_ALIASES: Record<string, DatabaseClient> = {
  'better-sqlite3': 'better-sqlite3',
  // Backstage configs often say sqlite3; we ship one SQLite driver and it reads the same files.
  sqlite3: 'better-sqlite3',
  pg: 'pg',
  postgres: 'pg',
  postgresql: 'pg',
};

export const DEFAULT_PREFIX = 'backstage_plugin_';

/**
 * Resolves the settings of one plugin: `backend.database.*` with `plugin.<pluginId>.*` on top.
 * Reads config only: opens nothing.
 */
export function readPluginDatabaseSettings(
  databaseConfig: Config | undefined,
  pluginId: string,
): PluginDatabaseSettings {
  const pluginConfig = readPluginOverrides(databaseConfig, pluginId);
  const baseClientName = databaseConfig?.getOptionalString('client') ?? 'better-sqlite3';
  const clientName = pluginConfig?.getOptionalString('client') ?? baseClientName;
  const client = CLIENT_ALIASES[clientName];
  if (!client) {
    throw new Error(
      `Unsupported database client type '${clientName}' specified for plugin '${pluginId}'`,
    );
  }
  const sameClient = CLIENT_ALIASES[baseClientName] === client;

  const baseConnection = databaseConfig?.getOptional<string | JsonObject>('connection');
  const pluginConnection = pluginConfig?.getOptional<string | JsonObject>('connection');
  checkConnectionType(baseConnection, 'backend.database.connection');
  checkConnectionType(pluginConnection, `backend.database.plugin.${pluginId}.connection`);

  const divisionMode = databaseConfig?.getOptionalString('pluginDivisionMode') ?? 'database';
  if (divisionMode !== 'database' && divisionMode !== 'schema') {
    throw new Error(
      `Invalid backend.database.pluginDivisionMode '${divisionMode}': use 'database' or 'schema'`,
    );
  }

  const flag = (key: string, fallback: boolean) =>
    pluginConfig?.getOptionalBoolean(key) ?? databaseConfig?.getOptionalBoolean(key) ?? fallback;

  return {
    pluginId,
    client,
    baseConnection: sameClient ? baseConnection : undefined,
    pluginConnection,
    prefix: databaseConfig?.getOptionalString('prefix') ?? DEFAULT_PREFIX,
    divisionMode,
    ensureExists: flag('ensureExists', true),
    ensureSchemaExists: flag('ensureSchemaExists', false),
    knexConfig: mergeJson(
      databaseConfig?.getOptional<JsonObject>('knexConfig') ?? {},
      pluginConfig?.getOptional<JsonObject>('knexConfig') ?? {},
    ),
    skipMigrations: flag('skipMigrations', false),
  };
}

function readPluginOverrides(
  databaseConfig: Config | undefined,
  pluginId: string,
): Config | undefined {
  const plugins = databaseConfig?.getOptionalConfig('plugin');
  return plugins?.keys().includes(pluginId) ? plugins.getConfig(pluginId) : undefined;
}

function checkConnectionType(value: unknown, key: string): void {
  if (value === undefined || typeof value === 'string') return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    // The value itself is never echoed: it may hold a password.
    throw new TypeError(`Invalid ${key}: expected a string or an object`);
  }
}

/** Deep merge of JSON objects: `override` wins, nested objects merge. */
export function mergeJson(base: JsonObject, override: JsonObject): JsonObject {
  const result: JsonObject = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const existing = result[key];
    result[key] =
      isJsonObject(existing) && isJsonObject(value) ? mergeJson(existing, value) : value;
  }
  return result;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
