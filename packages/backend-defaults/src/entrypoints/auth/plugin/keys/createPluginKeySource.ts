import type { DatabaseService } from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import { DatabasePluginKeySource } from './DatabasePluginKeySource';
import { StaticPluginKeySource } from './StaticPluginKeySource';
import type { PluginKeySource } from './types';

/** Makes each plugin's key source; built once per backend from `backend.auth.pluginKeyStore`. */
export type PluginKeySourceFactory = (database: DatabaseService) => PluginKeySource;

/**
 * `type: database` (default): each plugin makes and stores its own keys. `type: static`: every
 * plugin signs with the key files from config. Static files are read here, so a bad file stops
 * the backend at startup, naming the config key.
 */
export async function createPluginKeySourceFactory(
  config: Config,
  options: { keyDurationMs?: number; now?: () => number } = {},
): Promise<PluginKeySourceFactory> {
  const type = config.getOptionalString('backend.auth.pluginKeyStore.type') ?? 'database';
  if (type === 'database') {
    return database => new DatabasePluginKeySource({ database, ...options });
  }
  if (type === 'static') {
    const source = await StaticPluginKeySource.fromConfig(config);
    return () => source;
  }
  throw new Error(`backend.auth.pluginKeyStore.type must be 'database' or 'static', got '${type}'`);
}
