import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../types';
import { validateConfig } from './validateConfig';
import type { ConfigSchema } from './types';

const schema: ConfigSchema = {
  type: 'object',
  properties: {
    backend: {
      type: 'object',
      required: ['baseUrl'],
      properties: {
        baseUrl: { type: 'string' },
        listen: {
          anyOf: [
            { type: 'string' },
            {
              type: 'object',
              properties: { host: { type: 'string' }, port: { $ref: '#/definitions/port' } },
            },
          ],
        },
        database: {
          type: 'object',
          properties: {
            client: { enum: ['better-sqlite3', 'pg'] },
            connection: {
              anyOf: [
                { type: 'string', visibility: 'secret' },
                {
                  type: 'object',
                  properties: { password: { type: 'string', visibility: 'secret' } },
                },
              ],
            },
          },
        },
        cors: {
          type: 'object',
          additionalProperties: false,
          properties: { origin: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
  },
  definitions: { port: { type: 'integer' } },
};

const texts = (layers: AppConfig[]) => validateConfig(layers, schema).map(problem => problem.text);

describe('validateConfig', () => {
  it('returns no problems for valid config, and allows keys the schema does not know', () => {
    expect(
      texts([
        {
          context: 'app-config.yaml',
          data: {
            backend: {
              baseUrl: 'http://x',
              listen: { port: 7007 },
              unknownKey: 1,
              cors: { unknown: true },
            },
            catalog: { rules: [] },
          },
        },
      ]),
    ).toEqual([]);
  });

  it('names the layer that set the key, the key path and what was expected', () => {
    const layers: AppConfig[] = [
      {
        context: 'app-config.yaml',
        data: { backend: { baseUrl: 'http://x', listen: { port: 7007 } } },
      },
      { context: 'app-config.local.yaml', data: { backend: { listen: { port: 'high' } } } },
    ];
    const [problem, ...rest] = validateConfig(layers, schema);
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      context: 'app-config.local.yaml',
      key: 'backend.listen.port',
      path: ['backend', 'listen', 'port'],
      message: 'must be integer',
      text: 'app-config.local.yaml: backend.listen.port: must be integer',
    });
  });

  it('reports one line per problem (in schema order), with array indexes, required keys and enums', () => {
    expect(
      texts([
        { context: 'a.yaml', data: { backend: { listen: true, cors: { origin: ['ok', 5] } } } },
        {
          context: 'APP_CONFIG_backend_database_client',
          data: { backend: { database: { client: 'mysql' } } },
        },
      ]),
    ).toEqual([
      'a.yaml: backend.baseUrl: is required',
      'a.yaml: backend.listen: must be string or object',
      'APP_CONFIG_backend_database_client: backend.database.client: must be one of "better-sqlite3", "pg"',
      'a.yaml: backend.cors.origin[1]: must be string',
    ]);
  });

  it('validates the merged result: a later null removes a bad value', () => {
    expect(
      texts([
        { context: 'a.yaml', data: { backend: { baseUrl: 'http://x', listen: 5 } } },
        { context: 'b.yaml', data: { backend: { listen: null } } },
      ]),
    ).toEqual([]);
  });

  it('blames a missing required key on the first layer that has its parent object', () => {
    expect(
      texts([
        { context: 'app-config.yaml', data: { backend: { listen: '7007' } } },
        { context: 'app-config.local.yaml', data: { backend: { listen: '7008' } } },
      ]),
    ).toEqual(['app-config.yaml: backend.baseUrl: is required']);
  });

  it('never includes the offending value, even for secrets of the wrong type', () => {
    const strict: ConfigSchema = {
      properties: {
        listen: { type: 'integer', minimum: 1 },
        client: { enum: ['pg'] },
        name: { type: 'string', pattern: '^[a-z]+$', minLength: 3 },
        password: { type: 'string', visibility: 'secret' },
      },
    };
    const problems = validateConfig(
      [
        {
          context: 'app-config.yaml',
          data: { listen: 'LEAK-1', client: 'LEAK-2', name: 'LEAK-3', password: ['LEAK-4'] },
        },
      ],
      strict,
    );
    expect(problems.map(problem => problem.text)).toEqual([
      'app-config.yaml: listen: must be integer',
      'app-config.yaml: client: must be one of "pg"',
      'app-config.yaml: name: must match pattern "^[a-z]+$"',
      'app-config.yaml: password: must be string',
    ]);
    expect(JSON.stringify(problems)).not.toContain('LEAK');

    const nested = texts([
      {
        context: 'a.yaml',
        data: {
          backend: { baseUrl: 'x', database: { connection: { password: { nested: 'LEAK-5' } } } },
        },
      },
    ]);
    expect(nested).toEqual(['a.yaml: backend.database.connection.password: must be string']);
  });
});
