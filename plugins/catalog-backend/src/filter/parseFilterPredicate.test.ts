import { describe, expect, it } from 'vitest';
import { parseFilterPredicate } from './parseFilterPredicate';

describe('parseFilterPredicate', () => {
  it('parses logical operators and value matchers', () => {
    expect(
      parseFilterPredicate({
        $all: [
          { Kind: 'Component', 'spec.type': { $in: ['Service', 42, true] } },
          { $not: { 'spec.owner': { $exists: true } } },
          {
            $any: [
              { 'metadata.name': { $hasPrefix: 'Pet' } },
              { 'spec.lifecycle': { $exists: false } },
            ],
          },
        ],
      }),
    ).toEqual({
      allOf: [
        {
          allOf: [
            { key: 'kind', values: ['component'] },
            { key: 'spec.type', values: ['service', '42', 'true'] },
          ],
        },
        { not: { key: 'spec.owner' } },
        { anyOf: [{ key: 'metadata.name', prefix: 'pet' }, { not: { key: 'spec.lifecycle' } }] },
      ],
    });
    expect(parseFilterPredicate({})).toEqual({ allOf: [] });
  });

  it.each([
    ['an array', []],
    ['a string', 'kind=x'],
    ['$contains', { a: { $contains: { b: 1 } } }],
    ['two operators', { a: { $in: ['x'], $exists: true } }],
    ['an unknown operator', { $nor: [] }],
    ['$exists with a string', { a: { $exists: 'yes' } }],
    ['$hasPrefix with a number', { a: { $hasPrefix: 1 } }],
    ['a nested object value', { a: { $in: [{}] } }],
  ])('refuses %s', (_, input) => {
    expect(() => parseFilterPredicate(input)).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });

  it('limits conditions and depth', () => {
    const many = { $any: Array.from({ length: 101 }, (_, i) => ({ k: String(i) })) };
    expect(() => parseFilterPredicate(many)).toThrow(/at most 100/);
    let deep: Record<string, unknown> = { k: 'v' };
    for (let i = 0; i < 11; i++) deep = { $not: deep };
    expect(() => parseFilterPredicate(deep)).toThrow(/deeper than 10/);
  });
});
