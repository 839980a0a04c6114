import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigReader } from '@greenroom/config';
import { base64url } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createCredentials } from '../auth/credentials';
import { HostDiscovery } from '../discovery/HostDiscovery';
import { DefaultUserInfoService } from './DefaultUserInfoService';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => new Promise(resolve => s.close(resolve))));
});

/** A stand-in auth plugin `/v1/userinfo` on 127.0.0.1, found through discovery.endpoints. */
async function startUserInfo(answer: (authorization: string | undefined) => [number, string]) {
  const requests: Array<string | undefined> = [];
  const server = createServer((req, res) => {
    requests.push(req.headers.authorization);
    if (req.url !== '/api/auth/v1/userinfo') {
      res.writeHead(404).end();
      return;
    }
    const [status, body] = answer(req.headers.authorization);
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const discovery = HostDiscovery.fromConfig(
    new ConfigReader({
      backend: { baseUrl: 'http://localhost:7007', listen: { port: 7007 } },
      discovery: { endpoints: [{ target: `${base}/api/{{pluginId}}`, plugins: ['auth'] }] },
    }),
  );
  return { service: new DefaultUserInfoService({ discovery }), requests };
}

/** An (unverified) token with the given claims: verification is authenticate's job, not this service's. */
function token(claims: object) {
  return `${base64url.encode('{"alg":"ES256"}')}.${base64url.encode(JSON.stringify(claims))}.sig`;
}

function userCredentials(userEntityRef: string, claims: object) {
  return createCredentials(
    { type: 'user', userEntityRef },
    { token: token({ sub: userEntityRef, ...claims }), expiresAt: new Date(Date.now() + 60_000) },
  );
}

describe('DefaultUserInfoService', () => {
  it("takes ownership from a full token's ent claim without asking the auth plugin", async () => {
    const { service, requests } = await startUserInfo(() => [500, '{}']);
    const info = await service.getUserInfo(
      userCredentials('user:default/gail', { ent: ['user:default/gail', 'group:default/a'] }),
    );
    expect(info).toEqual({
      userEntityRef: 'user:default/gail',
      ownershipEntityRefs: ['user:default/gail', 'group:default/a'],
    });
    expect(requests).toEqual([]);
  });

  it("asks the auth plugin with the user's own token when the token has no ent, once per token", async () => {
    const { service, requests } = await startUserInfo(() => [
      200,
      JSON.stringify({ claims: { sub: 'user:default/hal', ent: ['group:default/b'] } }),
    ]);
    const credentials = userCredentials('user:default/hal', {});
    for (let i = 0; i < 3; i++) {
      expect(await service.getUserInfo(credentials)).toEqual({
        userEntityRef: 'user:default/hal',
        ownershipEntityRefs: ['group:default/b'],
      });
    }
    expect(requests).toEqual([`Bearer ${token({ sub: 'user:default/hal' })}`]);
  });

  it.each([
    [401, '{}', 'The auth plugin refused the user token when asked for user info'],
    [404, '{}', 'The auth plugin has no user info for this user'],
    [500, '{}', /^The auth plugin answered 500 when asked for user info at http/],
    [200, '{"claims":{"ent":"group:default/x"}}', 'claims.ent must be a list of entity refs'],
    [200, 'not json', 'claims.ent must be a list of entity refs'],
  ])(
    'fails clearly when the auth plugin answers %i %s, and asks again next time',
    async (status, body, message) => {
      const { service, requests } = await startUserInfo(() => [status, body]);
      const credentials = userCredentials('user:default/ivy', {});
      await expect(service.getUserInfo(credentials)).rejects.toThrow(message);
      await expect(service.getUserInfo(credentials)).rejects.toThrow(message);
      expect(requests).toHaveLength(2);
    },
  );

  it('only serves user credentials that came from the auth service', async () => {
    const { service } = await startUserInfo(() => [500, '{}']);
    await expect(
      service.getUserInfo(createCredentials({ type: 'service', subject: 'plugin:x' })),
    ).rejects.toThrow('getUserInfo only supports user credentials');
    await expect(
      service.getUserInfo({
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'user', userEntityRef: 'user:default/forged' },
      }),
    ).rejects.toThrow('These user credentials carry no token');
  });
});
