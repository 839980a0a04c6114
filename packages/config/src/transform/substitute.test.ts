import { describe, expect, it } from 'vitest';
import { substituteString } from './substitute';
import type { SubstitutionContext } from './substitute';

function context(env: Record<string, string>, lax = false): SubstitutionContext {
  return { env, lax, file: 'app-config.yaml', key: 'backend.baseUrl' };
}

describe('substituteString', () => {
  it('replaces ${VAR} anywhere in the string, any number of times', () => {
    const env = { HOST: 'example.com', PORT: '8080' };
    expect(substituteString('${HOST}', context(env))).toBe('example.com');
    expect(substituteString('https://${HOST}:${PORT}/api', context(env))).toBe(
      'https://example.com:8080/api',
    );
    expect(substituteString('no references here', context(env))).toBe('no references here');
  });

  it('ignores whitespace inside the braces', () => {
    expect(substituteString('${ HOST }', context({ HOST: 'h' }))).toBe('h');
    expect(substituteString('${ HOST :- fallback }', context({}))).toBe('fallback');
  });

  it('uses the default when the variable is unset or empty, and the value otherwise', () => {
    expect(substituteString('${PORT:-7007}', context({}))).toBe('7007');
    expect(substituteString('${PORT:-7007}', context({ PORT: '' }))).toBe('7007');
    expect(substituteString('${PORT:-7007}', context({ PORT: '9000' }))).toBe('9000');
    expect(substituteString('${URL:-http://a:1/b}', context({}))).toBe('http://a:1/b');
    expect(substituteString('${EMPTY_DEFAULT:-}', context({}))).toBe('');
  });

  it('keeps a set-but-empty variable without a default as empty', () => {
    expect(substituteString('a${EMPTY}b', context({ EMPTY: '' }))).toBe('ab');
  });

  it('turns $${ into a literal ${', () => {
    expect(substituteString('$${HOST}', context({ HOST: 'h' }))).toBe('${HOST}');
    expect(substituteString('cost: $${X} and ${HOST}', context({ HOST: 'h' }))).toBe(
      'cost: ${X} and h',
    );
  });

  it('fails on an unset variable, naming file, key and variable', () => {
    expect(() => substituteString('${PG_PASSWORD}', context({}))).toThrow(
      "app-config.yaml: backend.baseUrl: environment variable 'PG_PASSWORD' is not set",
    );
    expect(() => substituteString('http://${HOST}:${MISSING}', context({ HOST: 'h' }))).toThrow(
      /'MISSING' is not set/,
    );
  });

  it('substitutes the placeholder for unset variables in lax mode', () => {
    expect(substituteString('${A}-${B:-b}', context({}, true))).toBe('x-b');
  });

  it('rejects an empty variable name', () => {
    expect(() => substituteString('${ }', context({}))).toThrow(
      'app-config.yaml: backend.baseUrl: empty variable name',
    );
  });
});
