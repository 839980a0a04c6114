import type { LoggerService } from '@greenroom/backend-plugin-api';
import { isError, statusCodeByErrorName } from '@greenroom/errors';

/**
 * An error as the app may see it in a popup message or redirect. Typed errors keep their
 * message (ours never carry secrets); anything else is logged and, outside development,
 * replaced by a generic message, as the HTTP error handler does for 500s.
 */
export function presentError(
  error: unknown,
  options: { logger: LoggerService; nodeEnv: string | undefined; providerId: string },
): { name: string; message: string } {
  const typed = isError(error) && Object.hasOwn(statusCodeByErrorName, error.name);
  if (typed) return { name: error.name, message: error.message };
  options.logger.warn(`Sign-in with '${options.providerId}' failed`, {
    error: isError(error) ? error : new Error(String(error)),
  });
  if (options.nodeEnv === 'development' && isError(error)) {
    return { name: error.name, message: error.message };
  }
  return { name: 'Error', message: 'Sign-in failed; the backend log has the details' };
}
