import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../types';
import { ConfigLoadError } from '../loader/ConfigLoadError';
import { tempFiles } from '../testing/tempFiles';
import { transformConfigValue } from './transformConfigValue';

async function transform(
  root: string,
  value: JsonValue,
  env: Record<string, string> = {},
  lax = false,
) {
  const file = join(root, 'app-config.yaml');
  return transformConfigValue(value, [], {
    env,
    lax,
    file,
    displayPath: target => relative(root, target),
    includeStack: [file],
  });
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof ConfigLoadError) return error.message;
  throw new Error(`expected a ConfigLoadError, got ${String(error)}`);
}

describe('transformConfigValue', () => {
  it('substitutes in nested strings and array items, leaving other values alone', async () => {
    const root = await tempFiles();
    const result = await transform(
      root,
      { a: { b: ['${X}', 1, true, null], c: 'v=${X}' } },
      { X: 'x1' },
    );
    expect(result).toEqual({ a: { b: ['x1', 1, true, null], c: 'v=x1' } });
  });

  it('names the full key path, with array indexes, of an unset variable', async () => {
    const root = await tempFiles();
    expect(await failure(transform(root, { discovery: { endpoints: [{ target: '${T}' }] } }))).toBe(
      "app-config.yaml: discovery.endpoints[0].target: environment variable 'T' is not set",
    );
  });

  describe('$env', () => {
    it('reads a variable as a string, with ${} allowed in the name', async () => {
      const root = await tempFiles();
      expect(await transform(root, { a: { $env: 'TOKEN' } }, { TOKEN: '123' })).toEqual({
        a: '123',
      });
      expect(
        await transform(root, { a: { $env: 'TOKEN_${ENV}' } }, { ENV: 'PROD', TOKEN_PROD: 'p' }),
      ).toEqual({ a: 'p' });
    });

    it('fails on an unset variable unless lax', async () => {
      const root = await tempFiles();
      expect(await failure(transform(root, { auth: { secret: { $env: 'AUTH_SECRET' } } }))).toBe(
        "app-config.yaml: auth.secret: environment variable 'AUTH_SECRET' is not set",
      );
      expect(await transform(root, { a: { $env: 'AUTH_SECRET' } }, {}, true)).toEqual({ a: 'x' });
    });

    it('requires a string argument', async () => {
      const root = await tempFiles();
      expect(await failure(transform(root, { a: { $env: 5 } }))).toBe(
        'app-config.yaml: a: $env must be given a string',
      );
    });
  });

  describe('$file', () => {
    it('reads the file relative to the config file, trailing whitespace trimmed', async () => {
      const root = await tempFiles({ 'secrets/token.txt': '  abc\ndef \n\n' });
      expect(await transform(root, { t: { $file: './secrets/token.txt' } })).toEqual({
        t: '  abc\ndef',
      });
    });

    it('does not substitute inside the file contents', async () => {
      const root = await tempFiles({ 'pw.txt': 'pa$${x}${NOT_SET}\n' });
      expect(await transform(root, { p: { $file: 'pw.txt' } })).toEqual({ p: 'pa$${x}${NOT_SET}' });
    });

    it('names the config file, key and missing path', async () => {
      const root = await tempFiles();
      expect(await failure(transform(root, { backend: { key: { $file: './nope.pem' } } }))).toBe(
        'app-config.yaml: backend.key: $file: file not found: nope.pem',
      );
    });
  });

  describe('$include', () => {
    it('includes YAML, YML and JSON, optionally a subtree', async () => {
      const root = await tempFiles({
        'db.yaml': 'client: pg\nconnection:\n  host: db\n',
        'more.yml': '- 1\n- 2\n',
        'data.json': '{"outer": {"inner": {"value": 42}}}',
      });
      expect(
        await transform(root, {
          database: { $include: './db.yaml' },
          list: { $include: 'more.yml' },
          value: { $include: 'data.json#outer.inner' },
          leaf: { $include: 'data.json#outer.inner.value' },
        }),
      ).toEqual({
        database: { client: 'pg', connection: { host: 'db' } },
        list: [1, 2],
        value: { value: 42 },
        leaf: 42,
      });
    });

    it('resolves paths inside an included file from its own directory, through nested includes', async () => {
      const root = await tempFiles({
        'config/db.yaml': 'connection:\n  $include: ./parts/conn.yaml\n',
        'config/parts/conn.yaml': 'host: db\npassword:\n  $file: ../../secrets/pw\n',
        'secrets/pw': 'pw-value\n',
      });
      expect(await transform(root, { database: { $include: 'config/db.yaml' } })).toEqual({
        database: { connection: { host: 'db', password: 'pw-value' } },
      });
    });

    it('substitutes variables in the include path and in the included file', async () => {
      const root = await tempFiles({ 'prod.yaml': 'url: https://${HOST}\n' });
      expect(
        await transform(root, { a: { $include: '${ENV}.yaml' } }, { ENV: 'prod', HOST: 'h' }),
      ).toEqual({
        a: { url: 'https://h' },
      });
    });

    it('names the included file when a variable in it is unset', async () => {
      const root = await tempFiles({ 'inc/db.yaml': 'password: ${PG_PASSWORD}\n' });
      expect(
        await failure(transform(root, { backend: { database: { $include: 'inc/db.yaml' } } })),
      ).toBe(
        "inc/db.yaml: backend.database.password: environment variable 'PG_PASSWORD' is not set",
      );
    });

    it('names the including file, key and missing path when the file is missing', async () => {
      const root = await tempFiles();
      expect(
        await failure(transform(root, { backend: { database: { $include: './missing.yaml' } } })),
      ).toBe('app-config.yaml: backend.database: $include: file not found: missing.yaml');
    });

    it('rejects other file types', async () => {
      const root = await tempFiles({ 'x.txt': 'a: 1' });
      expect(await failure(transform(root, { a: { $include: 'x.txt' } }))).toBe(
        "app-config.yaml: a: $include: unsupported file type '.txt' for x.txt; use .yaml, .yml or .json",
      );
    });

    it('reports a missing subtree', async () => {
      const root = await tempFiles({ 'x.yaml': 'a:\n  b: 1\n' });
      expect(await failure(transform(root, { v: { $include: 'x.yaml#a.c' } }))).toBe(
        "app-config.yaml: v: $include: x.yaml has no value at 'a.c'",
      );
    });

    it('reports an include cycle', async () => {
      const root = await tempFiles({
        'a.yaml': 'next:\n  $include: b.yaml\n',
        'b.yaml': 'next:\n  $include: a.yaml\n',
      });
      expect(await failure(transform(root, { x: { $include: 'a.yaml' } }))).toBe(
        'b.yaml: x.next.next: $include: include cycle: app-config.yaml -> a.yaml -> b.yaml -> a.yaml',
      );
    });

    it('reports malformed YAML in the included file without echoing it', async () => {
      const root = await tempFiles({ 'bad.yaml': 'password: "leaky-secret\n' });
      const message = await failure(transform(root, { x: { $include: 'bad.yaml' } }));
      expect(message).toMatch(/^bad\.yaml: invalid YAML at line \d+, column \d+/);
      expect(message).not.toContain('leaky-secret');
    });
  });

  it('rejects a directive with adjacent keys', async () => {
    const root = await tempFiles({ 'x.yaml': 'a: 1' });
    expect(await failure(transform(root, { a: { $include: 'x.yaml', other: 1 } }))).toBe(
      "app-config.yaml: a: '$include' must be the only key of its object (found adjacent keys)",
    );
  });

  it('rejects an unknown directive', async () => {
    const root = await tempFiles();
    expect(await failure(transform(root, { a: { $secret: 'x' } }))).toBe(
      "app-config.yaml: a: unknown directive '$secret'; expected one of $env, $file, $include",
    );
  });

  it('keeps a __proto__ key as a plain key', async () => {
    const root = await tempFiles();
    const result = (await transform(
      root,
      JSON.parse('{"a": {"__proto__": {"polluted": true}}}'),
    )) as Record<string, object>;
    expect(Object.getPrototypeOf(result.a)).toBe(Object.prototype);
    expect(Object.keys(result.a)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
