import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { createRootLogger } from '../../rootLogger';

/**
 * Test-only: a root logger factory writing JSON lines at debug level into `lines`, to add to a
 * test backend in place of the default one.
 */
export function captureRootLogger() {
  const lines: string[] = [];
  const factory = createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () =>
      createRootLogger({
        level: 'debug',
        format: 'json',
        destination: { write: line => lines.push(line) },
      }),
  });
  const messages = () => lines.map(line => (JSON.parse(line) as { message: string }).message);
  return { factory, lines, messages };
}
