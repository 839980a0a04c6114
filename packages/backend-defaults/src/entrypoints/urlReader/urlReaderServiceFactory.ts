import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { UrlReaders } from './UrlReaders';

/** The default `coreServices.urlReader`: files plus the http(s) hosts in `backend.reading.allow`. */
export const urlReaderServiceFactory = createServiceFactory({
  service: coreServices.urlReader,
  deps: { config: coreServices.rootConfig, logger: coreServices.logger },
  factory: ({ config, logger }) => UrlReaders.fromConfig(config, { logger }),
});
