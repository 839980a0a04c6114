import { describe, expect, it } from 'vitest';
import { ConfigLoadError } from './ConfigLoadError';
import { parseConfigText } from './parseConfigText';

function errorOf(text: string): ConfigLoadError {
  try {
    parseConfigText(text, 'app-config.yaml');
  } catch (error) {
    if (error instanceof ConfigLoadError) return error;
    throw error;
  }
  throw new Error('expected a parse error');
}

describe('parseConfigText', () => {
  it('parses YAML and JSON', () => {
    expect(parseConfigText('a:\n  b: [1, two]\n', 'x.yaml')).toEqual({ a: { b: [1, 'two'] } });
    expect(parseConfigText('{"a": {"b": true}}', 'x.json')).toEqual({ a: { b: true } });
  });

  it('returns null for an empty or comment-only file', () => {
    expect(parseConfigText('', 'x.yaml')).toBeNull();
    expect(parseConfigText('# nothing here\n', 'x.yaml')).toBeNull();
  });

  it('names the file, line and column on one line without echoing the content', () => {
    const error = errorOf('backend:\n  password: hunter2-secret\n   bad: [indent\n');
    expect(error.message).toMatch(/^app-config\.yaml: invalid YAML at line \d+, column \d+: \S/);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain('hunter2');
    expect(error.file).toBe('app-config.yaml');
  });

  it('does not echo a secret from the line that fails', () => {
    const error = errorOf('token: "s3cr3t-value\\q"\n');
    expect(error.message).toContain('line 1');
    expect(error.message).not.toContain('s3cr3t');
  });

  it('reports duplicate keys and unresolved aliases', () => {
    expect(errorOf('a: 1\na: 2\n').message).toMatch(
      /^app-config\.yaml: invalid YAML at line 2, column 1: Map keys must be unique$/,
    );
    expect(errorOf('a: *missing\n').message).toMatch(/^app-config\.yaml: invalid YAML/);
  });
});
