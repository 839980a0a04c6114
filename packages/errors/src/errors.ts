/**
 * The error types every Greenroom package throws. Their `name` is what the HTTP layer maps to a
 * status code, so the names match Backstage's (@backstage/errors) exactly.
 */

/** Options shared by every error type: the underlying cause is kept for logs. */
export interface ErrorOptions {
  cause?: unknown;
}

abstract class CustomError extends Error {
  override readonly cause?: unknown;

  constructor(message?: string, cause?: unknown) {
    super(message);
    this.name = new.target.name;
    if (cause !== undefined) this.cause = cause;
  }
}

/** The request was malformed: 400. */
export class InputError extends CustomError {}
/** No or invalid credentials: 401. */
export class AuthenticationError extends CustomError {}
/** Credentials are valid but not enough: 403. */
export class NotAllowedError extends CustomError {}
/** The thing asked for does not exist: 404. */
export class NotFoundError extends CustomError {}
/** The request conflicts with current state: 409. */
export class ConflictError extends CustomError {}
/** The resource did not change since the caller last saw it: 304. */
export class NotModifiedError extends CustomError {}
/** The server does not support this operation: 501. */
export class NotImplementedError extends CustomError {}
/** A dependency is down or the service is not ready: 503. */
export class ServiceUnavailableError extends CustomError {}
/** A value was not what a contract promised: 500, and a bug. */
export class ForwardedError extends CustomError {
  constructor(message: string, cause: unknown) {
    super(`${message}; caused by ${stringifyError(cause)}`, cause);
    this.name = isError(cause) ? cause.name : 'Error';
  }
}

/** Status code per error name, as Backstage's error handler maps them. */
export const statusCodeByErrorName: Readonly<Record<string, number>> = {
  NotModifiedError: 304,
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  NotImplementedError: 501,
  ServiceUnavailableError: 503,
};

/** Anything that looks like an Error (crosses realms and bundles, unlike instanceof). */
export function isError(value: unknown): value is Error {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Error).name === 'string' &&
    typeof (value as Error).message === 'string'
  );
}

/** Throws if `value` is not an Error, so catch blocks can rely on name and message. */
export function assertError(value: unknown): asserts value is Error {
  if (!isError(value)) {
    throw new Error(`Encountered invalid error, not an Error object: ${stringifyError(value)}`);
  }
}

/** A one-line description of any thrown value. */
export function stringifyError(value: unknown): string {
  if (isError(value)) {
    const str = String(value);
    return str === '[object Object]' ? `${value.name}: ${value.message}` : str;
  }
  try {
    return `unknown error '${JSON.stringify(value)}'`;
  } catch {
    return `unknown error '${String(value)}'`;
  }
}
