import { describe, expect, it } from 'vitest';
import { parseEntityDocuments } from './parseEntityDocuments';

describe('parseEntityDocuments', () => {
  it('returns every document, a broken one as an error that does not quote the file', () => {
    const docs = parseEntityDocuments('a: 1\n---\nsecret: s3cr3t-value\nb: [\n---\n\n---\nc: 3\n');
    expect(docs).toEqual([
      { value: { a: 1 } },
      { error: expect.stringMatching(/^YAML syntax error at line \d+, column \d+ \([A-Z_]+\)$/) },
      { value: { c: 3 } },
    ]);
    expect(JSON.stringify(docs)).not.toContain('s3cr3t');
  });

  it('gives nothing for an empty file', () => {
    expect(parseEntityDocuments('')).toEqual([]);
  });
});
