import { describe, expect, it } from 'vitest';
import {
  iterateStreamDocuments,
  NotUtf8Error,
  parseEntityDocuments,
  type ParsedDocument,
} from './parseEntityDocuments';

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

async function collect(chunks: Array<Buffer | string>): Promise<ParsedDocument[]> {
  const docs: ParsedDocument[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const doc of iterateStreamDocuments(source())) docs.push(doc);
  return docs;
}

// Cut into 64 KiB chunks, as a file stream delivers it.
const chunked = (text: string) => {
  const bytes = Buffer.from(text);
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 65536) out.push(bytes.subarray(i, i + 65536));
  return out;
};

describe('iterateStreamDocuments', () => {
  const doc = (i: number) => `name: n${i}\ntext: |\n  ${'x'.repeat(200)}\n  --- not a marker\n`;

  it('gives the same documents as parsing the whole text, across megabyte pieces', async () => {
    const text = Array.from({ length: 12_000 }, (_, i) => doc(i)).join('---\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    const docs = await collect(chunked(text));
    expect(docs.length).toBe(12_000);
    expect(docs).toEqual(parseEntityDocuments(text));
  });

  it('counts error lines from the start of the file, also in later pieces', async () => {
    const good = Array.from({ length: 8_000 }, (_, i) => doc(i)).join('---\n');
    const text = `${good}---\nsecret: s3cr3t\nb: [\n`;
    const docs = await collect(chunked(text));
    const line = good.split('\n').length + 3;
    expect(docs.at(-1)).toEqual({
      error: expect.stringMatching(new RegExp(`^YAML syntax error at line ${line}, column \\d+`)),
    });
    expect(docs).toEqual(parseEntityDocuments(text));
    expect(JSON.stringify(docs)).not.toContain('s3cr3t');
  });

  it('keeps a directive with the document after it, and one huge document whole', async () => {
    const big = `big: "${'y'.repeat(3 * 1024 * 1024)}"\n`;
    const text = `a: 1\n...\n%YAML 1.2\n---\nb: 2\n---\n${big}---\nc: 3\n`;
    const docs = await collect(chunked(text));
    expect(docs.map(d => ('value' in d ? Object.keys(d.value as object)[0] : d.error))).toEqual([
      'a',
      'b',
      'big',
      'c',
    ]);
    expect(docs).toEqual(parseEntityDocuments(text));
  });

  it('refuses bytes that are not UTF-8, after the documents before them', async () => {
    const good = Array.from({ length: 5_000 }, (_, i) => doc(i)).join('---\n');
    const bad = Buffer.concat([Buffer.from(`${good}---\nname: `), Buffer.from([0xff, 0xfe, 0x0a])]);
    const docs: ParsedDocument[] = [];
    async function* source() {
      yield bad;
    }
    await expect(
      (async () => {
        for await (const d of iterateStreamDocuments(source())) docs.push(d);
      })(),
    ).rejects.toBeInstanceOf(NotUtf8Error);
    expect(docs.length).toBeGreaterThan(0);
  });

  it('gives nothing for an empty stream', async () => {
    expect(await collect([])).toEqual([]);
  });
});
