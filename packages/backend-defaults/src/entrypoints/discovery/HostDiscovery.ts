import type { DiscoveryService } from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import type { BoundAddress } from '../rootHttpRouter/startRootHttpServer';
import { readListenOptions } from '../rootHttpRouter/config/readListenOptions';

interface Endpoint {
  internal?: string;
  external?: string;
  plugins: string[];
}

export interface HostDiscoveryOptions {
  /**
   * The address the server really listens on, when known (it differs from config when
   * `backend.listen.port` is 0).
   */
  boundAddress?: () => BoundAddress | undefined;
}

/** The host part of an internal URL: wildcard listen addresses become loopback names. */
function internalHost(host: string): string {
  if (host === '' || host === '::') return 'localhost';
  if (host === '0.0.0.0') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function readEndpoints(config: Config): Endpoint[] {
  return (config.getOptionalConfigArray('discovery.endpoints') ?? []).map((endpoint, index) => {
    const key = `discovery.endpoints[${index}]`;
    const plugins = endpoint.getOptionalStringArray('plugins');
    if (!plugins) throw new Error(`${key}.plugins must be a list of plugin ids or '*'`);
    const target = endpoint.getOptional('target');
    if (typeof target === 'string') return { internal: target, external: target, plugins };
    const targets = endpoint.getOptionalConfig('target');
    if (!targets) throw new Error(`${key}.target must be a URL or { internal, external }`);
    const internal = targets.getOptionalString('internal');
    const external = targets.getOptionalString('external');
    if (internal?.startsWith('http+srv:')) {
      throw new Error(`${key}.target.internal: http+srv:// targets are not supported`);
    }
    return { internal, external, plugins };
  });
}

function fillTemplate(target: string, pluginId: string): string {
  return target.replace(/\{\{\s*pluginId\s*\}\}/g, encodeURIComponent(pluginId));
}

/**
 * Where each plugin's API is: internal URLs point at the local listen address, external ones at
 * `backend.baseUrl`; `discovery.endpoints` overrides both per plugin (first match wins).
 */
export class HostDiscovery implements DiscoveryService {
  static fromConfig(config: Config, options: HostDiscoveryOptions = {}): HostDiscovery {
    const listen = readListenOptions(config);
    const endpoints = readEndpoints(config);
    const baseUrl = config.getOptionalString('backend.baseUrl')?.replace(/\/+$/, '');
    return new HostDiscovery(
      () => {
        const { host, port } = options.boundAddress?.() ?? listen;
        return `http://${internalHost(host)}:${port}`;
      },
      () => baseUrl ?? `http://localhost:${options.boundAddress?.()?.port ?? listen.port}`,
      endpoints,
    );
  }

  private constructor(
    private readonly internalBase: () => string,
    private readonly externalBase: () => string,
    private readonly endpoints: Endpoint[],
  ) {}

  async getBaseUrl(pluginId: string): Promise<string> {
    const target = this.#endpointFor(pluginId)?.internal;
    if (target) return fillTemplate(target, pluginId);
    return `${this.internalBase()}/api/${encodeURIComponent(pluginId)}`;
  }

  async getExternalBaseUrl(pluginId: string): Promise<string> {
    const target = this.#endpointFor(pluginId)?.external;
    if (target) return fillTemplate(target, pluginId);
    return `${this.externalBase()}/api/${encodeURIComponent(pluginId)}`;
  }

  #endpointFor(pluginId: string): Endpoint | undefined {
    return this.endpoints.find(
      endpoint => endpoint.plugins.includes(pluginId) || endpoint.plugins.includes('*'),
    );
  }
}
