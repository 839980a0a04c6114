import type { Config } from '@greenroom/config';

export type TrustProxy = boolean | number | string | string[];

/** `backend.trustProxy`, in any form express's `trust proxy` setting accepts. */
export function readTrustProxy(config: Config): TrustProxy | undefined {
  const value = config.getOptional('backend.trustProxy');
  if (value === undefined) return undefined;
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value) && value.every(item => typeof item === 'string')) {
    return value as string[];
  }
  throw new Error('backend.trustProxy must be a boolean, a number, a string or a list of strings');
}
