import type { TestBackend } from '@greenroom/backend-test-utils';
import { startTestBackend } from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import { proxyPlugin } from '../plugin';

export const TEST_TOKEN = 'proxy-test-token-0123456789abcdef';
export const AUTH = { authorization: `Bearer ${TEST_TOKEN}` };

/** A real backend with the proxy plugin, one static external-access token and `proxy` config. */
export function startProxyBackend(
  proxy: JsonObject,
  backend: JsonObject = {},
): Promise<TestBackend> {
  return startTestBackend({
    features: [proxyPlugin],
    config: {
      backend: {
        ...backend,
        auth: {
          externalAccess: [{ type: 'static', options: { token: TEST_TOKEN, subject: 'test' } }],
          ...((backend.auth as JsonObject | undefined) ?? {}),
        },
      },
      proxy,
    },
  });
}
