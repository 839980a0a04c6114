import type { Config } from '@greenroom/config';

/** Scopes from a space- or comma-separated string or a list. */
export function splitScopes(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap(item => item.split(/[\s,]+/)).filter(Boolean);
}

/** Every scope once, in first-seen order, space-separated. */
export function mergeScopes(...groups: Array<string | string[] | undefined>): string {
  return [...new Set(groups.flatMap(group => splitScopes(group)))].join(' ');
}

/** `additionalScopes`: a string or a list of strings. */
export function readAdditionalScopes(config: Config): string[] {
  const value = config.getOptional('additionalScopes');
  if (value === undefined) return [];
  return typeof value === 'string'
    ? splitScopes(value)
    : splitScopes(config.getStringArray('additionalScopes'));
}
