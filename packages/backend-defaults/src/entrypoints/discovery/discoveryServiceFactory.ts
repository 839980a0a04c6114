import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { getBoundAddress } from '../rootHttpRouter/startRootHttpServer';
import { HostDiscovery } from './HostDiscovery';

/** One HostDiscovery for the backend; it follows the real port when `backend.listen` is 0. */
export const discoveryServiceFactory = createServiceFactory({
  service: coreServices.discovery,
  deps: { config: coreServices.rootConfig, rootHttpRouter: coreServices.rootHttpRouter },
  createRootContext: ({ config, rootHttpRouter }) =>
    HostDiscovery.fromConfig(config, { boundAddress: () => getBoundAddress(rootHttpRouter) }),
  factory: (_deps, discovery) => discovery,
});
