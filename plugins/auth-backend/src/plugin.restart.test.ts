import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabases } from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { startAuthTestBackend } from './testing/startAuthTestBackend';
import { TestBrowser } from '@greenroom/backend-test-utils';
import { signInConfig } from './testing/oauthFlow';
import { readPopupMessage } from './testing/readPopupMessage';
import {
  createTestIdentityProvider,
  testOAuthProviderModule,
} from './testing/testOAuthProviderModule';

const databases = TestDatabases.create();
const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map(dir => rm(dir, { recursive: true, force: true })));
});

async function databaseConfig(id: 'SQLITE' | 'POSTGRES'): Promise<JsonObject> {
  if (id === 'POSTGRES') return databases.configFor('POSTGRES');
  const dir = await mkdtemp(join(tmpdir(), 'greenroom-auth-'));
  tempDirs.push(dir);
  return { client: 'better-sqlite3', connection: { directory: dir } };
}

describe.each(databases.eachSupportedId())('a restart on the same %s database', databaseId => {
  it('keeps the user signed in and keeps the old key published', async () => {
    const database = await databaseConfig(databaseId);
    const idp = createTestIdentityProvider();
    const start = () =>
      startAuthTestBackend({
        features: [testOAuthProviderModule(idp)],
        config: { ...signInConfig, backend: { database } },
      });

    const browser = new TestBrowser();
    const first = await start();
    const started = await browser.fetch(`${first.authUrl}/test/start?env=development`);
    const callback = new URL(started.headers.get('location')!);
    callback.host = new URL(first.url).host;
    const message = readPopupMessage(await (await browser.fetch(callback.toString())).text()) as {
      response: { backstageIdentity: { token: string } };
    };
    const firstToken = message.response.backstageIdentity.token;
    const handle = browser.cookie(new URL(first.url).host, 'test-refresh-token')!;
    await first.stop();

    const second = await start();
    try {
      // The new instance listens on another port: the browser carries its cookie over.
      const nextBrowser = new TestBrowser();
      nextBrowser.setCookie(new URL(second.url).host, 'test-refresh-token', handle);
      const refreshed = await nextBrowser.fetch(`${second.authUrl}/test/refresh?env=development`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      expect(refreshed.status).toBe(200);
      const body = await refreshed.json();
      expect(body.backstageIdentity.identity.userEntityRef).toBe('user:default/jdoe');
      const secondToken: string = body.backstageIdentity.token;
      // A new process signs with a new key; the previous key still verifies the old token.
      expect(decodeProtectedHeader(secondToken).kid).not.toBe(
        decodeProtectedHeader(firstToken).kid,
      );
      const jwks = createRemoteJWKSet(new URL(`${second.authUrl}/.well-known/jwks.json`));
      await expect(jwtVerify(firstToken, jwks)).resolves.toBeTruthy();
      await expect(jwtVerify(secondToken, jwks)).resolves.toBeTruthy();
      const userinfo = await fetch(`${second.authUrl}/v1/userinfo`, {
        headers: { authorization: `Bearer ${firstToken}` },
      });
      expect((await userinfo.json()).ent).toEqual(['user:default/jdoe']);
    } finally {
      await second.stop();
    }
  });
});
