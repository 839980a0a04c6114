import { describe, expect, it } from 'vitest';
import { parseFilterParams } from './parseFilterParams';

describe('parseFilterParams', () => {
  it('ORs sets, ANDs conditions, ORs values of one key, lowercases keys and values', () => {
    expect(
      parseFilterParams(['Kind=Component,spec.type=service,spec.type=Website', 'kind=API']),
    ).toEqual({
      anyOf: [
        {
          allOf: [
            { key: 'kind', values: ['component'] },
            { key: 'spec.type', values: ['service', 'website'] },
          ],
        },
        { key: 'kind', values: ['api'] },
      ],
    });
  });

  it('reads a bare key as existence, which absorbs values of the same key', () => {
    expect(parseFilterParams(['spec.owner'])).toEqual({ key: 'spec.owner' });
    expect(parseFilterParams(['spec.owner=a,spec.owner'])).toEqual({ key: 'spec.owner' });
  });

  it('keeps everything after the first = as the value, and skips empty parts and sets', () => {
    expect(parseFilterParams(['metadata.annotations.x=a=b,,', ''])).toEqual({
      key: 'metadata.annotations.x',
      values: ['a=b'],
    });
    expect(parseFilterParams([])).toBeUndefined();
    expect(parseFilterParams([' , '])).toBeUndefined();
  });

  it('refuses an empty key and more than 100 conditions', () => {
    expect(() => parseFilterParams(['=x'])).toThrow(/key is empty/);
    expect(() =>
      parseFilterParams([Array.from({ length: 101 }, (_, i) => `k=${i}`).join(',')]),
    ).toThrow(/at most 100/);
    expect(
      parseFilterParams([Array.from({ length: 100 }, (_, i) => `k=${i}`).join(',')]),
    ).toBeDefined();
  });
});
