import type { Config } from '@greenroom/config';
import type { CorsOptions } from 'cors';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `*` alone allows any origin; inside a pattern it stands for characters other than `/`. */
function originMatcher(patterns: string[]): (origin: string) => boolean {
  if (patterns.includes('*')) return () => true;
  const regexps = patterns.map(
    pattern => new RegExp(`^${pattern.split('*').map(escapeRegExp).join('[^/]*')}$`),
  );
  return origin => regexps.some(regexp => regexp.test(origin));
}

function readStringOrList(config: Config, key: string): string[] | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every(item => typeof item === 'string')) {
    return value as string[];
  }
  throw new Error(`${key} must be a string or a list of strings`);
}

/**
 * CORS settings from `backend.cors`, or undefined when it is not set (then no CORS headers are
 * sent at all). Allowed origins are reflected back, which also works with credentials.
 */
export function readCorsOptions(config: Config): CorsOptions | undefined {
  if (!config.has('backend.cors')) return undefined;
  const origins = readStringOrList(config, 'backend.cors.origin') ?? [];
  const matches = originMatcher(origins);
  const options: CorsOptions = {
    origin: (origin, callback) => callback(null, origin !== undefined && matches(origin)),
    methods: readStringOrList(config, 'backend.cors.methods'),
    allowedHeaders: readStringOrList(config, 'backend.cors.allowedHeaders'),
    exposedHeaders: readStringOrList(config, 'backend.cors.exposedHeaders'),
    credentials: config.getOptionalBoolean('backend.cors.credentials'),
    maxAge: config.getOptionalNumber('backend.cors.maxAge'),
    preflightContinue: config.getOptionalBoolean('backend.cors.preflightContinue'),
    optionsSuccessStatus: config.getOptionalNumber('backend.cors.optionsSuccessStatus'),
  };
  // cors merges options over its defaults, so an explicit undefined would erase a default.
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as CorsOptions;
}
