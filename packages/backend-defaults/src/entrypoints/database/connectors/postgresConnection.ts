import type { JsonObject } from '@greenroom/config';

/** A pg client config: plain fields, optionally with a `connectionString` that pg parses first. */
export type PostgresConnection = JsonObject & { connectionString?: string };

/**
 * Turns a configured connection (URL string or object) into one object we can refine. pg lets
 * a connection string override plain fields, so plain host, port, user, password and database
 * next to a URL are written into it: what the config says explicitly wins.
 */
export function toPostgresConnection(
  connection: string | JsonObject | undefined,
  key: string,
): PostgresConnection {
  if (connection === undefined) return {};
  const object: PostgresConnection =
    typeof connection === 'string' ? { connectionString: connection } : { ...connection };
  if (object.type !== undefined) {
    if (object.type !== 'default') {
      throw new Error(
        `Unsupported ${key}.type '${String(object.type)}': only 'default' is supported`,
      );
    }
    delete object.type;
  }
  if (object.connectionString === undefined) return object;
  if (typeof object.connectionString !== 'string') {
    throw new TypeError(`Invalid ${key}.connectionString: expected a string`);
  }
  return refine({ connectionString: object.connectionString }, object, key);
}

/** Base connection refined by the plugin's own; a plugin connection string replaces the base one. */
export function mergePostgresConnections(
  base: PostgresConnection,
  plugin: PostgresConnection,
): PostgresConnection {
  if (plugin.connectionString) return { ...base, ...plugin };
  return refine(base, plugin, 'connection');
}

/** The database a connection names, if any. */
export function databaseOf(connection: PostgresConnection): string | undefined {
  if (connection.connectionString) {
    const path = parseUrl(connection.connectionString, 'connection').pathname.slice(1);
    return path ? decodeURIComponent(path) : undefined;
  }
  return typeof connection.database === 'string' && connection.database
    ? connection.database
    : undefined;
}

/** The same connection pointed at another database. */
export function withDatabase(connection: PostgresConnection, database: string): PostgresConnection {
  return refine(connection, { database }, 'connection');
}

/** Sets `application_name` unless the connection already chose one. */
export function withDefaultApplicationName(
  connection: PostgresConnection,
  applicationName: string,
): PostgresConnection {
  if (connection.application_name !== undefined) return connection;
  if (connection.connectionString) {
    const url = parseUrl(connection.connectionString, 'connection');
    if (url.searchParams.has('application_name')) return connection;
    url.searchParams.set('application_name', applicationName);
    return { ...connection, connectionString: url.toString() };
  }
  return { ...connection, application_name: applicationName };
}

/** `target` with `fields` on top, the URL-borne ones written into target's URL if it has one. */
function refine(target: PostgresConnection, fields: JsonObject, key: string): PostgresConnection {
  const result: PostgresConnection = { ...target, ...fields };
  if (!target.connectionString) return result;
  const url = parseUrl(target.connectionString, key);
  const { host, port, user, password, database } = fields;
  if (typeof host === 'string') url.hostname = host;
  if (typeof port === 'number' || typeof port === 'string') url.port = String(port);
  if (typeof user === 'string') url.username = encodeURIComponent(user);
  if (typeof password === 'string') url.password = encodeURIComponent(password);
  if (typeof database === 'string') url.pathname = `/${encodeURIComponent(database)}`;
  result.connectionString = url.toString();
  return result;
}

function parseUrl(value: string, key: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    // Never echo the value: it usually carries the password.
    throw new Error(
      `Invalid ${key}: a PostgreSQL connection string must be a postgres:// or postgresql:// URL`,
    );
  }
  return url;
}
