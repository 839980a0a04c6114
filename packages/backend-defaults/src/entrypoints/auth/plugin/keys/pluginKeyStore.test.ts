import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestBackend, type TestBackend } from '@greenroom/backend-test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestAuthPlugin } from '../../testing/createTestAuthPlugin';
import { createWhoAmIPlugin } from '../../testing/createWhoAmIPlugin';

// Plugin databases as files, so the test sees which plugin opened its database.
let dir: string;
let running: TestBackend | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'greenroom-keystore-'));
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function start() {
  const authPlugin = await createTestAuthPlugin();
  const loud = createWhoAmIPlugin('loud');
  const quiet = createWhoAmIPlugin('quiet');
  running = await startTestBackend({
    features: [authPlugin.plugin, loud.plugin, quiet.plugin],
    config: { backend: { database: { client: 'better-sqlite3', connection: { directory: dir } } } },
  });
  return { url: running.url, authPlugin, loud, quiet };
}

async function serviceToken(plugin: ReturnType<typeof createWhoAmIPlugin>, target: string) {
  const { auth } = plugin.services();
  return (
    await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: target,
    })
  ).token;
}

const fileOf = (pluginId: string) => join(dir, `${pluginId}.sqlite`);

describe('the plugin key store', () => {
  it('opens only the database of a plugin that issues tokens', async () => {
    const { url, authPlugin, loud } = await start();
    expect(existsSync(fileOf('loud'))).toBe(false);
    expect(existsSync(fileOf('quiet'))).toBe(false);

    // quiet verifies a service token from loud and a user token: neither needs quiet's database.
    const fromLoud = await fetch(`${url}/api/quiet/whoami`, {
      headers: { authorization: `Bearer ${await serviceToken(loud, 'quiet')}` },
    });
    expect(fromLoud.status).toBe(200);
    const fromUser = await fetch(`${url}/api/quiet/whoami`, {
      headers: { authorization: `Bearer ${await authPlugin.issueUserToken()}` },
    });
    expect(fromUser.status).toBe(200);

    expect(existsSync(fileOf('loud'))).toBe(true);
    expect(existsSync(fileOf('quiet'))).toBe(false);
  });

  it('keeps published keys across a restart, so tokens issued before it still verify', async () => {
    const first = await start();
    const token = await serviceToken(first.loud, 'quiet');
    await running!.stop();
    running = undefined;

    const second = await start();
    const res = await fetch(`${second.url}/api/quiet/whoami`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).principal).toEqual({ type: 'service', subject: 'plugin:loud' });
    // The restarted plugin signs with a new key; both are published.
    await serviceToken(second.loud, 'quiet');
    const { keys } = await (
      await fetch(`${second.url}/api/loud/.backstage/auth/v1/jwks.json`)
    ).json();
    expect(keys).toHaveLength(2);
  });
});
