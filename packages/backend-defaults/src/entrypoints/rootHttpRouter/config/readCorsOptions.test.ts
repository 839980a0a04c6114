import { ConfigReader } from '@greenroom/config';
import type { JsonObject } from '@greenroom/config';
import { describe, expect, it } from 'vitest';
import { readCorsOptions } from './readCorsOptions';

const read = (cors?: JsonObject) =>
  readCorsOptions(new ConfigReader(cors === undefined ? {} : { backend: { cors } }));

function allows(cors: JsonObject, origin: string | undefined): boolean {
  const options = read(cors);
  let result: unknown;
  (options!.origin as (o: string | undefined, cb: (e: Error | null, v: unknown) => void) => void)(
    origin,
    (_e, value) => (result = value),
  );
  return result === true;
}

describe('readCorsOptions', () => {
  it('is undefined when backend.cors is not set', () => {
    expect(read()).toBeUndefined();
  });

  it('matches origins exactly or by * patterns that do not cross a slash', () => {
    const cors = { origin: ['https://*.example.com', 'http://localhost:3000'] };
    expect(allows(cors, 'http://localhost:3000')).toBe(true);
    expect(allows(cors, 'https://a.example.com')).toBe(true);
    expect(allows(cors, 'http://localhost:3001')).toBe(false);
    expect(allows(cors, 'https://example.com')).toBe(false);
    expect(allows(cors, 'https://evil.com/.example.com')).toBe(false);
    expect(allows(cors, 'https://a.example.com.evil.com')).toBe(false);
    expect(allows(cors, undefined)).toBe(false);
    expect(allows({}, 'http://localhost:3000')).toBe(false);
  });

  it('passes the other settings through and leaves unset ones out', () => {
    expect(read({ origin: 'x', methods: 'GET', credentials: true })).toEqual({
      origin: expect.any(Function),
      methods: ['GET'],
      credentials: true,
    });
  });

  it('refuses values of the wrong type, naming the key', () => {
    expect(() => read({ origin: 5 })).toThrow('backend.cors.origin must be a string or a list');
    expect(() => read({ origin: 'x', allowedHeaders: [1] })).toThrow(
      'backend.cors.allowedHeaders must be a string or a list',
    );
    expect(() => read({ origin: 'x', credentials: 'yes' })).toThrow('backend.cors.credentials');
  });
});
