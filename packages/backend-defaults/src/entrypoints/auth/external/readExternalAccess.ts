import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import type { RemoteKeySets } from '../jwt/RemoteKeySets';
import { createLegacyTokenHandler, readLegacyTokenHandler } from './createLegacyTokenHandler';
import { readJwksTokenHandler } from './createJwksTokenHandler';
import { createStaticTokenHandler } from './createStaticTokenHandler';
import { readAccessRestrictions } from './readAccessRestrictions';
import type { ExternalAccessEntry } from './types';

const EXTERNAL_ACCESS_KEY = 'backend.auth.externalAccess';
const TYPES = ['static', 'legacy', 'jwks'];

/**
 * The external access methods from `backend.auth.externalAccess`, in order, then the deprecated
 * `backend.auth.keys` as legacy entries with subject `external:backstage-plugin`. Any mistake
 * stops startup with an error naming the key (never the secret).
 */
export function readExternalAccess(
  config: Config,
  options: { logger: LoggerService; keySets: RemoteKeySets },
): ExternalAccessEntry[] {
  const entries: ExternalAccessEntry[] = [];
  const staticDigests: Array<{ digest: string; at: string }> = [];

  const items = config.getOptionalConfigArray(EXTERNAL_ACCESS_KEY) ?? [];
  for (const [index, item] of items.entries()) {
    const at = `${EXTERNAL_ACCESS_KEY}[${index}]`;
    const type = item.getString('type');
    const itemOptions = item.getConfig('options');
    let handler;
    switch (type) {
      case 'static': {
        const staticHandler = createStaticTokenHandler(itemOptions, at);
        const digest = staticHandler.tokenDigest.toString('hex');
        const duplicate = staticDigests.find(seen => seen.digest === digest);
        if (duplicate) {
          throw new Error(`${at}.options.token is the same token as ${duplicate.at}.options.token`);
        }
        staticDigests.push({ digest, at });
        handler = staticHandler;
        break;
      }
      case 'legacy':
        handler = readLegacyTokenHandler(itemOptions, at);
        break;
      case 'jwks':
        handler = readJwksTokenHandler(itemOptions, at, options.keySets);
        break;
      default:
        throw new Error(
          `Unknown type '${type}' in ${EXTERNAL_ACCESS_KEY}, expected one of ${TYPES.map(t => `'${t}'`).join(', ')}`,
        );
    }
    entries.push({ type, handler, accessRestrictions: readAccessRestrictions(item, at) });
  }

  const legacyKeys = config.getOptionalConfigArray('backend.auth.keys') ?? [];
  if (legacyKeys.length > 0) {
    options.logger.warn(
      `backend.auth.keys is deprecated: move the secrets to ${EXTERNAL_ACCESS_KEY} entries of type 'legacy'`,
    );
  }
  for (const [index, key] of legacyKeys.entries()) {
    const at = `backend.auth.keys[${index}]`;
    entries.push({
      type: 'legacy',
      handler: createLegacyTokenHandler(
        { secret: key.getString('secret'), subject: 'external:backstage-plugin' },
        `${at}.secret`,
      ),
    });
  }
  return entries;
}
