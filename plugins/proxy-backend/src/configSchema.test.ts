import { readFile } from 'node:fs/promises';
import type { ConfigSchema, JsonObject } from '@greenroom/config';
import { collectSecretValues, validateConfig } from '@greenroom/config';
import { beforeAll, describe, expect, it } from 'vitest';

let schema: ConfigSchema;
beforeAll(async () => {
  schema = JSON.parse(await readFile(new URL('../config.schema.json', import.meta.url), 'utf8'));
});

function problems(proxy: JsonObject): string[] {
  return validateConfig([{ context: 'test', data: { proxy } }], schema).map(p => p.text);
}

describe('config.schema.json', () => {
  it('accepts every documented endpoint shape', () => {
    expect(
      problems({
        skipInvalidProxies: true,
        endpoints: {
          '/short': 'https://example.com',
          '/full': {
            target: 'https://example.com/api',
            changeOrigin: false,
            pathRewrite: { '^/api/proxy/full/': '/' },
            headers: { Authorization: 'Bearer token' },
            allowedMethods: ['GET'],
            allowedHeaders: ['X-Custom'],
            credentials: 'forward',
            timeout: 5000,
          },
        },
        '/legacy': 'https://legacy.example.com',
      }),
    ).toEqual([]);
  });

  it('refuses a wrong credentials value and a missing target', () => {
    const found = problems({
      endpoints: { '/a': { target: 'https://a.example', credentials: 'sometimes' }, '/b': {} },
    });
    expect(found.some(text => text.includes('/a'))).toBe(true);
    expect(found.some(text => text.includes('/b'))).toBe(true);
  });

  it('marks header values secret, and nothing else', () => {
    const data = {
      proxy: {
        endpoints: {
          '/a': { target: 'https://a.example', headers: { Authorization: 'Bearer s3cr3t-a' } },
        },
        '/b': { target: 'https://b.example', headers: { 'X-Key': 's3cr3t-b' } },
      },
    };
    expect(collectSecretValues(data, schema).sort()).toEqual(['Bearer s3cr3t-a', 's3cr3t-b']);
  });
});
