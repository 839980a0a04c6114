import { describe, expect, it } from 'vitest';
import { collectSecretValues, filterConfigByVisibility } from './visibility';
import { mergeConfigSchemas } from './mergeConfigSchemas';
import type { ConfigSchema } from './types';
import type { JsonObject } from '../types';

const schema: ConfigSchema = {
  type: 'object',
  properties: {
    app: {
      type: 'object',
      properties: {
        baseUrl: { type: 'string', visibility: 'frontend' },
        title: { type: 'string', visibility: 'frontend' },
        internal: { type: 'string' },
        support: {
          type: 'object',
          visibility: 'frontend',
          properties: {
            url: { type: 'string' },
            items: { type: 'array', items: { type: 'string' } },
          },
        },
        tags: { type: 'array', visibility: 'frontend', items: { type: 'string' } },
        links: {
          type: 'array',
          visibility: 'frontend',
          items: {
            type: 'object',
            properties: {
              url: { type: 'string', visibility: 'frontend' },
              token: { type: 'string', visibility: 'secret' },
            },
          },
        },
        mixed: { type: 'array', items: { type: 'string', visibility: 'frontend' } },
      },
    },
    backend: {
      type: 'object',
      properties: {
        database: {
          type: 'object',
          properties: { connection: { $ref: '#/definitions/connection' } },
        },
        auth: {
          type: 'object',
          properties: { keys: { type: 'array', visibility: 'secret', items: { type: 'object' } } },
        },
      },
    },
    weird: {
      anyOf: [
        { type: 'string', visibility: 'frontend' },
        { type: 'string', visibility: 'secret' },
      ],
    },
  },
  definitions: {
    connection: {
      anyOf: [
        { type: 'string', visibility: 'secret' },
        {
          type: 'object',
          properties: {
            host: { type: 'string' },
            password: { type: 'string', visibility: 'secret' },
          },
        },
      ],
    },
  },
};

const data: JsonObject = {
  app: {
    baseUrl: 'http://app',
    title: 'Portal',
    internal: 'backend-only',
    support: { url: 'http://help' },
    tags: ['a', 'b'],
    links: [{ url: 'http://one', token: 'LINK-SECRET' }, { other: 'x' }],
    mixed: ['shown'],
    unknown: 'not in schema',
  },
  backend: {
    database: { connection: { host: 'db.internal', password: 'DB-PASSWORD' } },
    auth: { keys: [{ secret: 'KEY-ONE' }, { secret: 'KEY-TWO', note: ['nested-in-secret'] }] },
  },
  weird: 'AMBIGUOUS-SECRET',
};

describe('filterConfigByVisibility', () => {
  it('keeps only frontend values; annotated objects without frontend children arrive as {}', () => {
    expect(filterConfigByVisibility(data, schema, 'frontend')).toEqual({
      app: {
        baseUrl: 'http://app',
        title: 'Portal',
        support: {},
        tags: ['a', 'b'],
        links: [{ url: 'http://one' }],
        mixed: ['shown'],
      },
    });
  });

  it('never lets a secret through, even when another subschema says frontend', () => {
    const output = JSON.stringify(filterConfigByVisibility(data, schema, 'frontend'));
    for (const secret of ['LINK-SECRET', 'DB-PASSWORD', 'KEY-ONE', 'AMBIGUOUS-SECRET'])
      expect(output).not.toContain(secret);
  });

  it('keeps an array marked frontend as [] when none of its items are visible', () => {
    const result = filterConfigByVisibility(
      { app: { links: [{ other: 'x' }] } },
      schema,
      'frontend',
    );
    expect(result).toEqual({ app: { links: [] } });
  });

  it('returns {} when nothing is visible and accepts a list of visibilities', () => {
    expect(
      filterConfigByVisibility(
        { backend: { database: { connection: 'postgres://u:p@h/db' } } },
        schema,
        'frontend',
      ),
    ).toEqual({});
    expect(
      filterConfigByVisibility({ app: { internal: 'i', title: 't' }, other: 1 }, schema, [
        'frontend',
        'backend',
      ]),
    ).toEqual({ app: { internal: 'i', title: 't' }, other: 1 });
  });

  it('works on a merged schema, following rebased $refs', () => {
    // Merging rejects `weird` (frontend and secret at one path), so leave it out here.
    const { weird: _weird, ...properties } = schema.properties as Record<string, ConfigSchema>;
    const plain = { ...schema, properties };
    expect(() => mergeConfigSchemas([{ packageName: 'p', source: 'p', schema }])).toThrow(
      /conflict at 'weird'/,
    );
    const merged = mergeConfigSchemas([{ packageName: 'p', source: 'p', schema: plain }]);
    const secrets = collectSecretValues(data, merged);
    expect(secrets).toEqual(collectSecretValues(data, plain));
    expect(secrets).toContain('DB-PASSWORD');
    expect(filterConfigByVisibility(data, merged, 'frontend')).toEqual(
      filterConfigByVisibility(data, plain, 'frontend'),
    );
  });
});

describe('collectSecretValues', () => {
  it('collects the strings at and below secret paths, longest first, and nothing else', () => {
    expect(collectSecretValues(data, schema)).toEqual([
      'nested-in-secret',
      'AMBIGUOUS-SECRET',
      'LINK-SECRET',
      'DB-PASSWORD',
      'KEY-ONE',
      'KEY-TWO',
    ]);
  });

  it('treats a connection string as secret but not the host of a connection object', () => {
    expect(
      collectSecretValues(
        { backend: { database: { connection: 'postgres://u:pw@h/db' } } },
        schema,
      ),
    ).toEqual(['postgres://u:pw@h/db']);
    expect(
      collectSecretValues(
        { backend: { database: { connection: { host: 'h', password: 'pw' } } } },
        schema,
      ),
    ).toEqual(['pw']);
  });

  it('returns nothing when no secret is set', () => {
    expect(collectSecretValues({ app: { title: 't' } }, schema)).toEqual([]);
  });
});
