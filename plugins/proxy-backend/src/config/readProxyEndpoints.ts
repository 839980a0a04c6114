import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { Config, JsonObject, JsonValue } from '@greenroom/config';
import { parseEndpoint } from './parseEndpoint';
import type { ProxyEndpoint } from './types';

/** Keys under `proxy` that are options, not endpoints. */
const PROXY_OPTIONS = new Set(['endpoints', 'skipInvalidProxies', 'reviveConsumedRequestBodies']);

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The endpoints from `proxy.endpoints`, plus (deprecated) top-level `proxy['/path']` keys;
 * `proxy.endpoints` wins when both name the same route. An invalid endpoint fails startup with
 * one message naming every bad key, or is skipped with a warning under `skipInvalidProxies`.
 */
export function readProxyEndpoints(config: Config, logger: LoggerService): ProxyEndpoint[] {
  const proxy = config.getOptional('proxy');
  if (proxy === undefined) return [];
  if (!isObject(proxy)) throw new Error('proxy must be an object');
  const skipInvalid = config.getOptionalBoolean('proxy.skipInvalidProxies') ?? false;

  const entries: Array<{ key: string; route: string; value: JsonValue }> = [];
  const seen = new Set<string>();
  const add = (key: string, route: string, value: JsonValue) => {
    const normalized = (route.startsWith('/') ? route : `/${route}`).replace(/\/+$/, '');
    if (seen.has(normalized)) return;
    seen.add(normalized);
    entries.push({ key, route: normalized, value });
  };

  const endpoints = proxy.endpoints;
  if (endpoints !== undefined && endpoints !== null) {
    if (!isObject(endpoints)) throw new Error('proxy.endpoints must be an object');
    for (const [route, value] of Object.entries(endpoints)) {
      add(`proxy.endpoints.${route}`, route, value);
    }
  }
  const legacy = Object.keys(proxy).filter(key => !PROXY_OPTIONS.has(key));
  for (const route of legacy) {
    if (!route.startsWith('/')) {
      logger.warn(`Ignoring proxy.${route}: endpoint keys directly under proxy must start with /`);
      continue;
    }
    logger.warn(
      `Configuring proxy endpoints in the root 'proxy' configuration is deprecated; move proxy.${route} under proxy.endpoints`,
    );
    add(`proxy.${route}`, route, proxy[route]);
  }

  const valid: ProxyEndpoint[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    const parsed = parseEndpoint(entry.route, entry.value);
    if ('problem' in parsed) {
      const message = `Invalid proxy endpoint ${entry.key}: ${parsed.problem}`;
      if (skipInvalid) logger.warn(`${message}; skipping it (proxy.skipInvalidProxies is true)`);
      else problems.push(message);
    } else {
      valid.push(parsed.endpoint);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return valid;
}
