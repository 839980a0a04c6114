import { describe, expect, it } from 'vitest';
import { MERGED_SCHEMA_TITLE, mergeConfigSchemas } from './mergeConfigSchemas';
import { validateConfig } from './validateConfig';
import type { ConfigSchemaPackage } from './types';

function pkg(packageName: string, schema: ConfigSchemaPackage['schema']): ConfigSchemaPackage {
  return { packageName, source: `${packageName}/config.schema.json`, schema };
}

describe('mergeConfigSchemas', () => {
  it('returns one draft-07 schema titled Application Configuration Schema', () => {
    const merged = mergeConfigSchemas([
      pkg('a', {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: { a: { type: 'string' } },
      }),
      pkg('b', { type: 'object', properties: { b: { type: 'number' } } }),
    ]);
    expect(merged.title).toBe(MERGED_SCHEMA_TITLE);
    expect(merged.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(merged.allOf).toEqual([
      { $comment: 'from a', type: 'object', properties: { a: { type: 'string' } } },
      { $comment: 'from b', type: 'object', properties: { b: { type: 'number' } } },
    ]);
    const problems = validateConfig([{ context: 'f.yaml', data: { a: 1, b: 'x' } }], merged);
    expect(problems.map(problem => problem.text)).toEqual([
      'f.yaml: a: must be string',
      'f.yaml: b: must be number',
    ]);
  });

  it('keeps each package’s local $refs working, even for properties named like keywords', () => {
    const definitions = { port: { type: 'integer' } };
    const merged = mergeConfigSchemas([
      pkg('a', {
        definitions: { name: { type: 'string' } },
        properties: { default: { properties: { x: { $ref: '#/definitions/name' } } } },
      }),
      pkg('b', {
        definitions,
        properties: {
          port: { $ref: '#/definitions/port' },
          enumLike: { enum: [{ $ref: '#/kept' }] },
        },
      }),
    ]);
    const second = (merged.allOf as Array<Record<string, unknown>>)[1];
    expect(second.properties).toEqual({
      port: { $ref: '#/allOf/1/definitions/port' },
      enumLike: { enum: [{ $ref: '#/kept' }] },
    });
    const problems = validateConfig(
      [{ context: 'f.yaml', data: { default: { x: 5 }, port: 'high' } }],
      merged,
    );
    expect(problems.map(problem => problem.text)).toEqual([
      'f.yaml: default.x: must be string',
      'f.yaml: port: must be integer',
    ]);
  });

  it('rejects one path declared frontend in one package and secret in another', () => {
    const run = () =>
      mergeConfigSchemas([
        pkg('@x/app', {
          properties: {
            app: { properties: { token: { type: 'string', visibility: 'frontend' } } },
          },
        }),
        pkg('@x/auth', {
          properties: { app: { properties: { token: { type: 'string', visibility: 'secret' } } } },
        }),
      ]);
    expect(run).toThrow(
      "Config schema conflict at 'app.token': @x/app declares visibility 'frontend' but @x/auth declares 'secret'",
    );
  });

  it('allows the same visibility twice, and backend next to either', () => {
    expect(() =>
      mergeConfigSchemas([
        pkg('a', { properties: { k: { visibility: 'secret' } } }),
        pkg('b', { properties: { k: { visibility: 'secret' } } }),
        pkg('c', { properties: { k: { visibility: 'backend' } } }),
      ]),
    ).not.toThrow();
  });

  it('rejects an invalid schema or visibility, naming the package and file', () => {
    expect(() =>
      mergeConfigSchemas([pkg('bad', { properties: { k: { visibility: 'public' } } })]),
    ).toThrow(/^bad\/config\.schema\.json: invalid config schema of bad: /);
    expect(() => mergeConfigSchemas([pkg('bad', { type: 'no-such-type' })])).toThrow(
      /invalid config schema of bad/,
    );
  });
});
