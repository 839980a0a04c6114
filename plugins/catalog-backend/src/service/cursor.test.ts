import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type PageCursor } from './cursor';

const key = randomBytes(32);
const cursor: PageCursor = {
  filter: { key: 'kind', values: ['component'] },
  order: [{ field: 'metadata.name', order: 'desc' }],
  fullText: { term: 'pet' },
  offset: 40,
  limit: 20,
  totalItems: true,
  predicate: false,
};

describe('page cursors', () => {
  it('round-trip, and mark predicate cursors with a query key that catalog-client detects', () => {
    expect(decodeCursor(key, encodeCursor(key, cursor))).toEqual(cursor);
    const predicate = encodeCursor(key, { ...cursor, predicate: true });
    expect('query' in JSON.parse(atob(predicate))).toBe(true);
    expect('query' in JSON.parse(atob(encodeCursor(key, cursor)))).toBe(false);
    expect(decodeCursor(key, predicate).predicate).toBe(true);
  });

  it('refuses any change to the payload, a foreign key, and garbage', () => {
    const text = encodeCursor(key, cursor);
    const decoded = JSON.parse(Buffer.from(text, 'base64').toString());
    const tampered = Buffer.from(JSON.stringify({ ...decoded, offset: 0 })).toString('base64');
    expect(() => decodeCursor(key, tampered)).toThrow(/Invalid cursor/);
    expect(() => decodeCursor(randomBytes(32), text)).toThrow(/Invalid cursor/);
    for (const garbage of ['', '!!!', Buffer.from('[1]').toString('base64'), btoa('"x"')]) {
      expect(() => decodeCursor(key, garbage)).toThrow(
        expect.objectContaining({ name: 'InputError' }),
      );
    }
  });
});
