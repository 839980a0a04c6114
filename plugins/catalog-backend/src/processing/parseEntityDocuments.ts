import { Composer, LineCounter, Parser, type YAMLError } from 'yaml';

/** A document of a YAML file: its value, or why it could not be read. Never holds file text. */
export type ParsedDocument = { value: unknown } | { error: string };

// The yaml package's messages quote the offending line; ours name only the position and code,
// so a file's content (possibly secret) never reaches an entity status, an event or a log.
function describe(error: YAMLError, lines: LineCounter): string {
  const at = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
  const where = at ? ` at line ${at.line}, column ${at.col}` : '';
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
export function* iterateEntityDocuments(text: string): Generator<ParsedDocument> {
  const lines = new LineCounter();
  const docs = new Composer().compose(new Parser(lines.addNewLine).parse(text));
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      yield { error: describe(doc.errors[0], lines) };
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
