import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../types';
import { loadConfig } from '../loader/loadConfig';
import { isJsonObject } from '../util/json';
import { mergeConfigSchemas } from './mergeConfigSchemas';
import { validateConfig } from './validateConfig';
import { collectSecretValues, filterConfigByVisibility } from './visibility';

// The schema of the keys the default core services read, checked against the real files.
const schemaPath = fileURLToPath(
  new URL('../../../backend-defaults/config.schema.json', import.meta.url),
);
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const schema = mergeConfigSchemas([
  {
    packageName: '@greenroom/backend-defaults',
    source: 'config.schema.json',
    schema: JSON.parse(readFileSync(schemaPath, 'utf8')),
  },
]);

const valid: JsonObject = {
  app: { baseUrl: 'http://localhost:3000', title: 'Portal' },
  organization: { name: 'ACME' },
  backend: {
    baseUrl: 'http://localhost:7007',
    listen: { host: '127.0.0.1', port: 7007 },
    https: { certificate: { cert: 'CERT', key: 'TLS-KEY' } },
    cors: { origin: ['http://localhost:3000'], methods: 'GET', credentials: true, maxAge: 600 },
    csp: { 'connect-src': ["'self'", 'http:'], 'upgrade-insecure-requests': false },
    trustProxy: ['10.0.0.0/8'],
    database: {
      client: 'pg',
      connection: { host: 'db', port: '5432', user: 'u', password: 'DB-PASSWORD' },
      pluginDivisionMode: 'schema',
      ensureSchemaExists: true,
      knexConfig: { pool: { max: 5 } },
      plugin: {
        catalog: { connection: 'postgres://u:CONN-PASSWORD@h/catalog', skipMigrations: false },
      },
    },
    cache: { store: 'memory', defaultTtl: { minutes: 10 } },
    reading: { allow: [{ host: 'example.com', paths: ['/docs/'] }] },
    auth: {
      dangerouslyDisableDefaultAuthPolicy: false,
      keys: [{ secret: 'LEGACY-KEY' }],
      externalAccess: [
        {
          type: 'static',
          options: { token: 'STATIC-TOKEN', subject: 'ci' },
          accessRestrictions: [{ plugin: 'catalog', permissionAttribute: { action: ['read'] } }],
        },
        { type: 'jwks', options: { url: 'https://idp/jwks', audience: ['a', 'b'] } },
      ],
    },
    lifecycle: { startupRequestPauseTimeout: { seconds: 5 }, serverShutdownDelay: 'PT2S' },
    logger: { level: 'debug', meta: { service: 'portal' } },
    startup: {
      default: { onPluginBootFailure: 'continue' },
      plugins: { catalog: { modules: { github: { onPluginModuleBootFailure: 'abort' } } } },
    },
    server: { keepAliveTimeout: 5000, requestTimeout: '30s', maxHeadersCount: '100' },
    health: { headers: { 'x-probe': 'yes' } },
  },
  discovery: {
    endpoints: [
      { target: { internal: 'http://catalog:7007/api/{{pluginId}}' }, plugins: ['catalog'] },
    ],
  },
};

describe('backend-defaults config.schema.json', () => {
  it('accepts a config that uses every key', () => {
    expect(validateConfig([{ context: 'app-config.yaml', data: valid }], schema)).toEqual([]);
  });

  it('accepts listen as a string or a port number, https as true, and durations in every form', () => {
    for (const listen of ['0.0.0.0:7007', 7007]) {
      const data = { backend: { baseUrl: 'http://x', listen, https: true } };
      expect(validateConfig([{ context: 'a.yaml', data }], schema)).toEqual([]);
    }
    for (const duration of [5000, '5s', 'PT5S', { seconds: 5 }]) {
      const data = {
        backend: { baseUrl: 'http://x', lifecycle: { serverShutdownDelay: duration } },
      };
      expect(validateConfig([{ context: 'a.yaml', data }], schema)).toEqual([]);
    }
    const bad = { backend: { baseUrl: 'http://x', lifecycle: { serverShutdownDelay: [5] } } };
    expect(validateConfig([{ context: 'a.yaml', data: bad }], schema).map(p => p.text)).toEqual([
      'a.yaml: backend.lifecycle.serverShutdownDelay: must be number or string or object',
    ]);
  });

  it('accepts the repository’s own app-config files', async () => {
    const env = { POSTGRES_HOST: 'db', POSTGRES_USER: 'u', POSTGRES_PASSWORD: 'pw' };
    for (const configFiles of [
      ['app-config.yaml'],
      ['app-config.yaml', 'app-config.production.yaml'],
    ]) {
      const { layers } = await loadConfig({ cwd: repoRoot, rootDir: repoRoot, configFiles, env });
      expect(validateConfig(layers, schema)).toEqual([]);
    }
  });

  it('reports wrong values key by key', () => {
    const data = {
      backend: {
        listen: true,
        database: { client: 'mysql', pluginDivisionMode: 'tables', connection: { password: 1 } },
        cors: { credentials: 'yes' },
        logger: { level: 'verbose' },
        reading: { allow: [{ paths: ['/x'] }] },
      },
    };
    expect(
      validateConfig([{ context: 'app-config.yaml', data }], schema).map(problem => problem.text),
    ).toEqual([
      'app-config.yaml: backend.baseUrl: is required',
      'app-config.yaml: backend.listen: must be string or integer or object',
      'app-config.yaml: backend.cors.credentials: must be boolean',
      'app-config.yaml: backend.database.client: must be one of "better-sqlite3", "pg"',
      'app-config.yaml: backend.database.connection.password: must be string',
      'app-config.yaml: backend.database.pluginDivisionMode: must be one of "database", "schema"',
      'app-config.yaml: backend.reading.allow[0].host: is required',
      'app-config.yaml: backend.logger.level: must be one of "error", "warn", "info", "debug"',
    ]);
  });

  it('sends only app.baseUrl, app.title, backend.baseUrl and organization.name to the browser', () => {
    expect(filterConfigByVisibility(valid, schema, 'frontend')).toEqual({
      app: { baseUrl: 'http://localhost:3000', title: 'Portal' },
      // The app's discoveryApi builds plugin URLs from it.
      backend: { baseUrl: 'http://localhost:7007' },
      organization: { name: 'ACME' },
    });
  });

  it('marks passwords, connection strings, keys and tokens secret, and nothing else', () => {
    expect(collectSecretValues(valid, schema).sort()).toEqual([
      'DB-PASSWORD',
      'LEGACY-KEY',
      'STATIC-TOKEN',
      'TLS-KEY',
      'postgres://u:CONN-PASSWORD@h/catalog',
    ]);
  });

  it('describes every property, for editor tooltips', () => {
    const raw = JSON.parse(readFileSync(schemaPath, 'utf8')) as JsonObject;
    const missing: string[] = [];
    const walk = (node: JsonValue, path: string) => {
      if (!isJsonObject(node)) return;
      if (isJsonObject(node.properties)) {
        for (const [key, child] of Object.entries(node.properties)) {
          const target =
            isJsonObject(child) && typeof child.$ref === 'string'
              ? (raw.definitions as JsonObject)[child.$ref.replace('#/definitions/', '')]
              : child;
          const described = [child, target].some(
            entry => isJsonObject(entry) && typeof entry.description === 'string',
          );
          if (!described && !path.includes('duration')) missing.push(`${path}${key}`);
          walk(child, `${path}${key}.`);
        }
      }
      for (const keyword of ['additionalProperties', 'items']) walk(node[keyword], `${path}*.`);
      for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
        const branches = node[keyword];
        if (Array.isArray(branches)) branches.forEach(branch => walk(branch, path));
      }
    };
    walk(raw, '');
    for (const [name, definition] of Object.entries(raw.definitions as JsonObject))
      walk(definition, `#${name}.`);
    expect(missing).toEqual([]);
  });
});
