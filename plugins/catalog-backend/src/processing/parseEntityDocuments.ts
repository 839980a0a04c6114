import { parseAllDocuments, type YAMLError } from 'yaml';

/** A document of a YAML file: its value, or why it could not be read. Never holds file text. */
export type ParsedDocument = { value: unknown } | { error: string };

// The yaml package's messages quote the offending line; ours name only the position and code,
// so a file's content (possibly secret) never reaches an entity status, an event or a log.
function describe(error: YAMLError): string {
  const at = error.linePos?.[0];
  const where = at ? ` at line ${at.line}, column ${at.col}` : '';
  return `YAML syntax error${where} (${error.code})`;
}

/** Every document in a multi-document YAML file; a broken document does not hide the others. */
export function parseEntityDocuments(text: string): ParsedDocument[] {
  const result: ParsedDocument[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      result.push({ error: describe(doc.errors[0]) });
      continue;
    }
    try {
      const value: unknown = doc.toJS({ maxAliasCount: 100 });
      // An empty document (a stray `---`) is not an entity and not an error either.
      if (value !== null && value !== undefined) result.push({ value });
    } catch (error) {
      result.push({ error: `YAML could not be converted (${(error as Error).name})` });
    }
  }
  return result;
}
