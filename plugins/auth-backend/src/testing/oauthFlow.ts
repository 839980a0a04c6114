import { expect } from 'vitest';
import { APP_ORIGIN, startAuthTestBackend, type AuthTestBackend } from './startAuthTestBackend';
import { TestBrowser } from '@greenroom/backend-test-utils';
import { readPopupMessage } from './readPopupMessage';
import {
  createTestIdentityProvider,
  testOAuthProviderModule,
  type TestIdentityProvider,
} from './testOAuthProviderModule';

/** The `test` provider in development, signing in as user:default/jdoe without a catalog. */
export const signInConfig = {
  auth: {
    providers: {
      test: {
        development: {
          email: 'jdoe@example.com',
          signIn: {
            resolvers: [
              {
                resolver: 'emailLocalPartMatchingUserEntityName',
                dangerouslyAllowSignInWithoutUserInCatalog: true,
              },
            ],
          },
        },
      },
    },
  },
};

/** A backend with the auth plugin and the `test` provider backed by `idp`. */
export async function startWithTestProvider(
  idp: TestIdentityProvider = createTestIdentityProvider(),
) {
  return startAuthTestBackend({
    features: [testOAuthProviderModule(idp)],
    config: signInConfig,
  });
}

/** Runs the popup flow in `browser`; returns the callback response. */
export async function popupSignIn(b: AuthTestBackend, browser: TestBrowser) {
  const started = await browser.fetch(
    `${b.authUrl}/test/start?env=development&origin=${encodeURIComponent(APP_ORIGIN)}`,
  );
  expect(started.status).toBe(302);
  // The test identity provider answers at once, so the Location is the callback itself.
  const callback = new URL(started.headers.get('location')!);
  callback.host = new URL(b.url).host;
  return browser.fetch(callback.toString());
}

/** The message the popup of a `test` provider sign-in posts (a response or an error). */
export async function popupMessage(
  b: AuthTestBackend,
  browser: TestBrowser = new TestBrowser(),
  providerId = 'test',
): Promise<Record<string, unknown>> {
  const started = await browser.fetch(`${b.authUrl}/${providerId}/start?env=development`);
  const callback = new URL(started.headers.get('location')!);
  callback.host = new URL(b.url).host;
  return readPopupMessage(await (await browser.fetch(callback.toString())).text());
}

/** Signs in with the `test` provider; returns the Greenroom user token. */
export async function signInToken(b: AuthTestBackend, browser?: TestBrowser): Promise<string> {
  const message = (await popupMessage(b, browser)) as {
    response: { backstageIdentity: { token: string } };
  };
  return message.response.backstageIdentity.token;
}
