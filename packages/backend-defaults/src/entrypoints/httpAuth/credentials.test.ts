import { startTestBackend, type TestBackend } from '@greenroom/backend-test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestAuthPlugin } from '../auth/testing/createTestAuthPlugin';
import { createWhoAmIPlugin } from '../auth/testing/createWhoAmIPlugin';

let running: TestBackend | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** Plugin `svc` whose public routes check credentials themselves, as plugins with own policies do. */
async function start() {
  const authPlugin = await createTestAuthPlugin();
  const svc = createWhoAmIPlugin('svc', {
    policies: [{ path: '/open', allow: 'unauthenticated' }],
    extend(router, { httpAuth }) {
      router.get('/open/users-only', async (req, res) => {
        const { principal } = await httpAuth.credentials(req, { allow: ['user'] });
        res.json({ principal });
      });
      router.get('/open/services-only', async (req, res) => {
        const { principal } = await httpAuth.credentials(req, { allow: ['service'] });
        res.json({ principal });
      });
      router.get('/open/anyone', async (req, res) => {
        const { principal } = await httpAuth.credentials(req, {
          allow: ['user', 'service', 'none'],
        });
        res.json({ principal });
      });
      router.get('/open/twice', async (req, res) => {
        const first = await httpAuth.credentials(req);
        const second = await httpAuth.credentials(req, { allow: ['user', 'service'] });
        const limited = await httpAuth.credentials(req, { allowLimitedAccess: true });
        res.json({ cached: first === second, perAccessLevel: first !== limited });
      });
    },
  });
  running = await startTestBackend({ features: [authPlugin.plugin, svc.plugin] });
  const { auth } = svc.services();
  const serviceToken = (
    await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'svc',
    })
  ).token;
  return { url: `${running.url}/api/svc`, authPlugin, serviceToken };
}

const get = (url: string, authorization?: string) =>
  fetch(url, { headers: authorization ? { authorization } : {} });

describe('httpAuth.credentials', () => {
  it('answers 403 for a principal type the route does not allow', async () => {
    const { url, authPlugin, serviceToken } = await start();
    const userToken = await authPlugin.issueUserToken();

    const userAtServices = await get(`${url}/open/services-only`, `Bearer ${userToken}`);
    expect(userAtServices.status).toBe(403);
    expect((await userAtServices.json()).error).toEqual({
      name: 'NotAllowedError',
      message: "This endpoint does not allow 'user' credentials",
    });
    const serviceAtUsers = await get(`${url}/open/users-only`, `Bearer ${serviceToken}`);
    expect(serviceAtUsers.status).toBe(403);
    expect((await serviceAtUsers.json()).error.message).toBe(
      "This endpoint does not allow 'service' credentials",
    );
    const noneAtUsers = await get(`${url}/open/users-only`);
    expect(noneAtUsers.status).toBe(401);
    expect((await noneAtUsers.json()).error.message).toBe('Missing credentials');
  });

  it('returns the none principal without a token when none is allowed', async () => {
    const { url, serviceToken } = await start();
    expect((await (await get(`${url}/open/anyone`)).json()).principal).toEqual({ type: 'none' });
    expect(
      (await (await get(`${url}/open/anyone`, `Bearer ${serviceToken}`)).json()).principal,
    ).toEqual({
      type: 'service',
      subject: 'plugin:svc',
    });
  });

  it('reads the Bearer scheme case-insensitively, and refuses a bad token even where none is allowed', async () => {
    const { url, serviceToken } = await start();
    for (const header of [`bearer ${serviceToken}`, `BEARER   ${serviceToken}`]) {
      const res = await get(`${url}/open/anyone`, header);
      expect((await res.json()).principal).toEqual({ type: 'service', subject: 'plugin:svc' });
    }
    expect((await get(`${url}/open/anyone`, 'Bearer not-a-token')).status).toBe(401);
  });

  it('authenticates a request once per access level', async () => {
    const { url, serviceToken } = await start();
    const res = await get(`${url}/open/twice`, `Bearer ${serviceToken}`);
    expect(await res.json()).toEqual({ cached: true, perAccessLevel: true });
  });
});
