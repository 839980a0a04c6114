/** Where each plugin's API lives, from inside the backend and from outside it. */
export interface DiscoveryService {
  /** Internal base URL, e.g. `http://localhost:7007/api/catalog`. */
  getBaseUrl(pluginId: string): Promise<string>;
  /** Public base URL built from `backend.baseUrl`. */
  getExternalBaseUrl(pluginId: string): Promise<string>;
}
