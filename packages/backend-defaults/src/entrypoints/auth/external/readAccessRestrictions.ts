import type { BackstagePrincipalAccessRestrictions } from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import { PLUGIN_ID_PATTERN } from '../tokenTypes';
import { readStringOrStrings } from './readConfigHelpers';

const ACTIONS = ['create', 'read', 'update', 'delete'] as const;
type Action = (typeof ACTIONS)[number];
const RESTRICTION_KEYS = ['plugin', 'permission', 'permissionAttribute'];

/**
 * `accessRestrictions: [{ plugin, permission?, permissionAttribute?: { action? } }]`, keyed by
 * plugin id. Unknown keys and repeated plugins are configuration mistakes and stop startup.
 */
export function readAccessRestrictions(
  entry: Config,
  at: string,
): Map<string, BackstagePrincipalAccessRestrictions> | undefined {
  const items = entry.getOptionalConfigArray('accessRestrictions');
  if (!items) return undefined;
  if (items.length === 0) {
    throw new Error(`${at}.accessRestrictions must list at least one plugin, or be left out`);
  }
  const restrictions = new Map<string, BackstagePrincipalAccessRestrictions>();
  for (const [index, item] of items.entries()) {
    const itemAt = `${at}.accessRestrictions[${index}]`;
    for (const key of item.keys()) {
      if (!RESTRICTION_KEYS.includes(key)) {
        throw new Error(
          `${itemAt}.${key} is not a known restriction, use ${RESTRICTION_KEYS.join(', ')}`,
        );
      }
    }
    const plugin = item.getString('plugin');
    if (!PLUGIN_ID_PATTERN.test(plugin)) {
      throw new Error(`${itemAt}.plugin must be a plugin id`);
    }
    if (restrictions.has(plugin)) {
      throw new Error(`${itemAt}.plugin: plugin '${plugin}' is listed more than once`);
    }
    const restriction: BackstagePrincipalAccessRestrictions = {};
    const permissionNames = readStringOrStrings(item, 'permission');
    if (permissionNames) restriction.permissionNames = permissionNames;
    const actions = item.getOptionalConfig('permissionAttribute')
      ? readStringOrStrings(item, 'permissionAttribute.action')
      : undefined;
    if (actions) {
      for (const action of actions) {
        if (!(ACTIONS as readonly string[]).includes(action)) {
          throw new Error(
            `${itemAt}.permissionAttribute.action: '${action}' is not one of ${ACTIONS.join(', ')}`,
          );
        }
      }
      restriction.permissionAttributes = { action: actions as Action[] };
    }
    restrictions.set(plugin, restriction);
  }
  return restrictions;
}
