import type { DiscoveryApi } from '@greenroom/frontend-plugin-api';

/** Every backend plugin lives at `<backend.baseUrl>/api/<pluginId>`. */
export class UrlDiscoveryApi implements DiscoveryApi {
  private readonly baseUrl: string;

  constructor(backendBaseUrl: string) {
    this.baseUrl = backendBaseUrl.replace(/\/+$/, '');
  }

  async getBaseUrl(pluginId: string): Promise<string> {
    return `${this.baseUrl}/api/${encodeURIComponent(pluginId)}`;
  }
}
