import { createApiRef } from '../ApiRef';

/** Where each backend plugin is reached. */
export interface DiscoveryApi {
  /** The base URL of a backend plugin, e.g. `https://portal.example.com/api/catalog`. */
  getBaseUrl(pluginId: string): Promise<string>;
}

export const discoveryApiRef = createApiRef<DiscoveryApi>({ id: 'core.discovery' });
