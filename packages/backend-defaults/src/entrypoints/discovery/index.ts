export { HostDiscovery } from './HostDiscovery';
export type { HostDiscoveryOptions } from './HostDiscovery';
export { discoveryServiceFactory } from './discoveryServiceFactory';
