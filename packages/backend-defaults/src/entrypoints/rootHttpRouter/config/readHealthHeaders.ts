import type { Config } from '@greenroom/config';

/** `backend.health.headers`: fixed headers added to both health responses. */
export function readHealthHeaders(config: Config): Record<string, string> {
  const headers = config.getOptional('backend.health.headers');
  if (headers === undefined) return {};
  const valid =
    typeof headers === 'object' &&
    headers !== null &&
    !Array.isArray(headers) &&
    Object.values(headers).every(value => typeof value === 'string');
  if (!valid)
    throw new Error('backend.health.headers must be an object of header names to strings');
  return headers as Record<string, string>;
}
