import { YAMLError, parseDocument } from 'yaml';
import type { JsonValue } from '../types';
import { ConfigLoadError } from './ConfigLoadError';

/**
 * The first line of a yaml error without its position suffix. yaml appends a code frame that
 * quotes the offending source line, which may hold a secret, so only the first line is kept.
 */
function describeYamlError(error: Error): string {
  const firstLine = error.message.split('\n')[0];
  return firstLine.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * Parses YAML (and therefore JSON) config text. Errors name the file and the line and column but
 * never echo the content.
 */
export function parseConfigText(text: string, file: string): JsonValue {
  const document = parseDocument(text, { prettyErrors: true });
  const [error] = document.errors;
  if (error) {
    const position = error.linePos?.[0];
    const where = position ? ` at line ${position.line}, column ${position.col}` : '';
    throw new ConfigLoadError(`${file}: invalid YAML${where}: ${describeYamlError(error)}`, file);
  }
  try {
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    return (value ?? null) as JsonValue;
  } catch (cause) {
    const reason =
      cause instanceof YAMLError || cause instanceof Error
        ? describeYamlError(cause)
        : 'unreadable';
    throw new ConfigLoadError(`${file}: invalid YAML: ${reason}`, file);
  }
}
