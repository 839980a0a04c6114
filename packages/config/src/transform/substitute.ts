import { ConfigLoadError } from '../loader/ConfigLoadError';

/** Where a value is being resolved, for environment lookups and error messages. */
export interface SubstitutionContext {
  env: Readonly<Record<string, string | undefined>>;
  /** Replace unset variables with a placeholder instead of failing (for `config:check --lax`). */
  lax: boolean;
  /** The file the value came from, as shown in messages. */
  file: string;
  /** The key path of the value, as shown in messages. */
  key: string;
}

/** What an unset variable becomes in lax mode. */
export const LAX_PLACEHOLDER = 'x';

// `$${...}` is an escape; `${...}` is a reference. Braces cannot nest.
const REFERENCE = /\$?\$\{([^{}]*)\}/g;

/** The value of an environment variable; unset is an error (or the placeholder in lax mode). */
export function readEnvVariable(name: string, context: SubstitutionContext): string {
  const value = context.env[name];
  if (value !== undefined) return value;
  if (context.lax) return LAX_PLACEHOLDER;
  throw ConfigLoadError.at(context.file, context.key, `environment variable '${name}' is not set`);
}

/**
 * Replaces `${VAR}` and `${VAR:-default}` references in a string; `$${` stays as a literal `${`.
 * The default applies when the variable is unset or empty.
 */
export function substituteString(input: string, context: SubstitutionContext): string {
  return input.replace(REFERENCE, (match: string, inner: string) => {
    if (match.startsWith('$$')) return match.slice(1);
    const separator = inner.indexOf(':-');
    const name = (separator === -1 ? inner : inner.slice(0, separator)).trim();
    if (!name) {
      throw ConfigLoadError.at(
        context.file,
        context.key,
        'empty variable name in a ${...} reference',
      );
    }
    if (separator === -1) return readEnvVariable(name, context);
    const value = context.env[name];
    return value === undefined || value === '' ? inner.slice(separator + 2).trim() : value;
  });
}
