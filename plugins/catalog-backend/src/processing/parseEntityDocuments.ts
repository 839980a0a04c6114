import { Composer, LineCounter, Parser, type YAMLError } from 'yaml';

/** A document of a YAML file: its value, or why it could not be read. Never holds file text. */
export type ParsedDocument = { value: unknown } | { error: string };

// The yaml package's messages quote the offending line; ours name only the position and code,
// so a file's content (possibly secret) never reaches an entity status, an event or a log.
function describe(error: YAMLError, lines: LineCounter, lineOffset: number): string {
  const at = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
  const where = at ? ` at line ${at.line + lineOffset}, column ${at.col}` : '';
  return `YAML syntax error${where} (${error.code})`;
}

/**
 * Every document in a multi-document YAML file; a broken document does not hide the others.
 * Documents are composed one at a time, so a large file never holds every document's syntax
 * tree at once (parseAllDocuments would).
 */
export function parseEntityDocuments(text: string): ParsedDocument[] {
  return [...iterateEntityDocuments(text)];
}

/** parseEntityDocuments one document at a time, so callers need not hold them all. */
export function* iterateEntityDocuments(text: string, lineOffset = 0): Generator<ParsedDocument> {
  const lines = new LineCounter();
  const docs = new Composer().compose(new Parser(lines.addNewLine).parse(text));
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      yield { error: describe(doc.errors[0], lines, lineOffset) };
      continue;
    }
    try {
      const value: unknown = doc.toJS({ maxAliasCount: 100 });
      // An empty document (a stray `---`) is not an entity and not an error either.
      if (value !== null && value !== undefined) yield { value };
    } catch (error) {
      yield { error: `YAML could not be converted (${(error as Error).name})` };
    }
  }
}

// About a megabyte: fewer, larger pieces measured lower peaks than 32 KiB ones (which churn
// small external buffers and yaml parsers) at 100k documents.
const PIECE_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Thrown by `iterateStreamDocuments` when a piece of the file is not UTF-8. */
export class NotUtf8Error extends TypeError {
  constructor() {
    super('The file is not valid UTF-8');
  }
}

// A line starting `---` followed by a space, tab or line end is a document start wherever it
// appears (YAML forbids it inside scalars), so a stream can be cut there without changing
// what any document means. A cut is never made after a directive line (`%YAML`, `%TAG`),
// which belongs to the document that follows.
// Returns buffer.length when there is none (yet): a `---` at the very end may continue.
function nextCut(buffer: Buffer, from: number): number {
  let at = from;
  for (;;) {
    const i = buffer.indexOf('\n---', at);
    if (i < 0) return buffer.length;
    const after = buffer[i + 4];
    if (after === undefined) return buffer.length;
    const marker = after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d;
    const lineStart = buffer.lastIndexOf(NEWLINE, i - 1) + 1;
    if (marker && buffer[lineStart] !== 0x25) return i + 1;
    at = i + 4;
  }
}

/** The documents of one piece of a file (whole documents), with file-relative line numbers. */
function* pieceDocuments(piece: Buffer, lineOffset: number): Generator<ParsedDocument, number> {
  let text: string;
  try {
    text = utf8.decode(piece);
  } catch {
    throw new NotUtf8Error();
  }
  yield* iterateEntityDocuments(text, lineOffset);
  let lines = 0;
  for (let i = piece.indexOf(NEWLINE); i >= 0; i = piece.indexOf(NEWLINE, i + 1)) lines++;
  return lineOffset + lines;
}

/**
 * The documents of a file's bytes as they arrive, decoded and parsed about a megabyte at a
 * time (cut at document starts), so neither a 100 MB file's bytes nor its text are ever held
 * whole. Line numbers in errors count from the start of the file. Throws `NotUtf8Error` at the
 * first piece that is not UTF-8 (documents before it have been yielded by then).
 */
export async function* iterateStreamDocuments(
  chunks: AsyncIterable<Buffer | string>,
): AsyncGenerator<ParsedDocument> {
  let pending: Buffer[] = [];
  let size = 0;
  // When to look for a cut: past a megabyte, then (one huge document) at twice the size, so
  // the pending bytes are joined a logarithmic number of times; `from` skips what was searched.
  let searchAt = PIECE_BYTES;
  let from = PIECE_BYTES - 1;
  let lineOffset = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    pending.push(bytes);
    size += bytes.length;
    if (size < searchAt) continue;
    const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending);
    const cut = nextCut(joined, from);
    if (cut >= joined.length) {
      pending = [joined];
      from = Math.max(0, joined.length - 5);
      searchAt = size * 2;
      continue;
    }
    lineOffset = yield* pieceDocuments(joined.subarray(0, cut), lineOffset);
    const rest = joined.subarray(cut);
    // A copy, so the parsed piece's memory is not kept alive by the remainder.
    pending = rest.length > 0 ? [Buffer.from(rest)] : [];
    size = rest.length;
    searchAt = PIECE_BYTES;
    from = PIECE_BYTES - 1;
  }
  if (size > 0) yield* pieceDocuments(Buffer.concat(pending), lineOffset);
}
