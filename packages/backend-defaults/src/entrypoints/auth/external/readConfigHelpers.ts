import type { Config } from '@greenroom/config';

/** A string (split on commas and whitespace) or a list of strings, as the jwks options allow. */
export function readStringOrStrings(config: Config, key: string): string[] | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  const values = typeof value === 'string' ? value.split(/[\s,]+/) : config.getStringArray(key);
  const cleaned = values.map(v => v.trim()).filter(v => v.length > 0);
  return cleaned.length > 0 ? cleaned : undefined;
}

/** A required string with no whitespace; the message names the key, never the value. */
export function readCompactString(config: Config, key: string, at: string): string {
  const value = config.getString(key);
  if (/\s/.test(value)) throw new Error(`${at}.${key} must not contain whitespace`);
  return value;
}
