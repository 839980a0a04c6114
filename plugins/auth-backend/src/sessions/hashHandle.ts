import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable value for a cookie. */
export function newHandle(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keys a cookie value by: a leak of the table yields no usable cookie. */
export function hashHandle(handle: string): string {
  return createHash('sha256').update(handle).digest('hex');
}
