import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '@greenroom/config';
import { readCompactString } from './readConfigHelpers';
import type { ExternalTokenHandler } from './types';

export const MIN_STATIC_TOKEN_LENGTH = 8;

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `type: static`: a fixed token from config (`options.token`, `options.subject`). Compared by
 * digest in constant time, so response timing says nothing about how much of a guess matched.
 */
export function createStaticTokenHandler(
  options: Config,
  at: string,
): ExternalTokenHandler & { tokenDigest: Buffer } {
  const token = readCompactString(options, 'token', `${at}.options`);
  if (token.length < MIN_STATIC_TOKEN_LENGTH) {
    throw new Error(
      `${at}.options.token must be at least ${MIN_STATIC_TOKEN_LENGTH} characters long`,
    );
  }
  const subject = readCompactString(options, 'subject', `${at}.options`);
  const tokenDigest = digest(token);
  return {
    tokenDigest,
    async verify(candidate) {
      return timingSafeEqual(digest(candidate), tokenDigest) ? { subject } : undefined;
    },
  };
}
