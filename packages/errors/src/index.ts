export {
  AuthenticationError,
  ConflictError,
  ForwardedError,
  InputError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
  NotModifiedError,
  ServiceUnavailableError,
  assertError,
  isError,
  statusCodeByErrorName,
  stringifyError,
} from './errors';
export type { ErrorOptions } from './errors';
export type { ErrorResponseBody } from './serialized';
