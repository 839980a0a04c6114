import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { getConfigSecrets } from '../rootConfig/configSecrets';
import { createRootLogger } from './createRootLogger';
import { readRootLoggerOptions } from './readRootLoggerOptions';

/**
 * The root logger from config; the instance is a RootLogger (it has `addRedactions`). Every value
 * the config schema marks `secret` is masked in every line.
 */
export const rootLoggerServiceFactory = createServiceFactory({
  service: coreServices.rootLogger,
  deps: { config: coreServices.rootConfig },
  factory: ({ config }) => {
    const logger = createRootLogger(readRootLoggerOptions(config));
    logger.addRedactions(getConfigSecrets(config));
    return logger;
  },
});
