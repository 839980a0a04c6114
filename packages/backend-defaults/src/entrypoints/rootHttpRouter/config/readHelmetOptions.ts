import type { Config } from '@greenroom/config';
import type { HelmetOptions, referrerPolicy } from 'helmet';

type ReferrerPolicy = NonNullable<Parameters<typeof referrerPolicy>[0]>['policy'];

type Directives = Record<string, string[]>;

/** A same-origin SPA that loads fonts and styles from CDNs and images from data URLs. */
function defaultDirectives(baseUrl: string | undefined): Directives {
  const directives: Directives = {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'font-src': ["'self'", 'https:', 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // MUI injects style elements at runtime.
    'style-src': ["'self'", 'https:', "'unsafe-inline'"],
  };
  // On plain http (local development) upgrading would send the app's own requests to https.
  if (baseUrl?.startsWith('https:')) directives['upgrade-insecure-requests'] = [];
  return directives;
}

function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
}

function readCspOverrides(config: Config): Record<string, string[] | false> {
  const csp = config.getOptional('backend.csp');
  if (csp === undefined) return {};
  if (typeof csp !== 'object' || csp === null || Array.isArray(csp)) {
    throw new Error('backend.csp must be an object of directive names to lists of sources');
  }
  const overrides: Record<string, string[] | false> = {};
  for (const [name, value] of Object.entries(csp)) {
    const valid =
      value === false || (Array.isArray(value) && value.every(item => typeof item === 'string'));
    if (!valid) {
      throw new Error(`backend.csp.${name} must be a list of strings, or false to remove it`);
    }
    overrides[kebabCase(name)] = value as string[] | false;
  }
  return overrides;
}

/**
 * Helmet settings: our default CSP with `backend.csp` directives replacing ours (`false` removes
 * one), and `backend.referrer.policy`. The opener policy is left off because sign-in popups
 * talk back to the app through `window.opener`.
 */
export function readHelmetOptions(config: Config): HelmetOptions {
  const directives = defaultDirectives(config.getOptionalString('backend.baseUrl'));
  for (const [name, value] of Object.entries(readCspOverrides(config))) {
    if (value === false) delete directives[name];
    else directives[name] = value;
  }

  const referrer = config.getOptional('backend.referrer.policy');
  const referrerValid =
    referrer === undefined ||
    typeof referrer === 'string' ||
    (Array.isArray(referrer) && referrer.every(item => typeof item === 'string'));
  if (!referrerValid) {
    throw new Error('backend.referrer.policy must be a string or a list of strings');
  }

  return {
    contentSecurityPolicy: { useDefaults: false, directives },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
    ...(referrer !== undefined && {
      // Helmet rejects unknown tokens with a message that names them.
      referrerPolicy: { policy: referrer as ReferrerPolicy },
    }),
  };
}
