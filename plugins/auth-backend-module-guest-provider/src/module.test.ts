import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import {
  createTestLogger,
  startTestBackend,
  type CapturedLogLine,
  type FeatureInput,
  type TestBackend,
} from '@greenroom/backend-test-utils';
import { loadConfig, type JsonObject } from '@greenroom/config';
import { authPlugin } from '@greenroom/plugin-auth-backend';
import { afterEach, describe, expect, it } from 'vitest';
import { authModuleGuestProvider } from './module';

const APP_ORIGIN = 'http://localhost:3000';
const REFUSAL =
  "The guest provider cannot be used outside of a development environment unless 'auth.providers.guest.dangerouslyAllowOutsideDevelopment' is enabled";

let running: (TestBackend & { logs: CapturedLogLine[] }) | undefined;
const tempDirs: string[] = [];
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await Promise.all(tempDirs.splice(0).map(dir => rm(dir, { recursive: true, force: true })));
});

async function startWith(nodeEnv: string, config: JsonObject, extra: FeatureInput[] = []) {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    const logger = createTestLogger();
    const backend = await startTestBackend({
      features: [
        authPlugin,
        authModuleGuestProvider,
        createServiceFactory({ service: coreServices.rootLogger, deps: {}, factory: () => logger }),
        ...extra,
      ],
      config: { app: { baseUrl: APP_ORIGIN }, ...config },
    });
    running = { ...backend, logs: logger.lines };
    return running;
  } finally {
    process.env.NODE_ENV = previous;
  }
}

/** What the backend said about guest sign-in (request log lines aside). */
const guestLogLines = (logs: CapturedLogLine[]) =>
  logs.filter(line => line.meta.type !== 'incomingRequest' && /guest/i.test(line.message));

async function refresh(
  url: string,
  headers: Record<string, string> = { 'x-requested-with': 'XMLHttpRequest' },
) {
  return fetch(`${url}/api/auth/guest/refresh?env=development`, { method: 'POST', headers });
}

describe('guest provider', () => {
  it('in development, signs in as user:development/guest with the ClientAuthResponse shape', async () => {
    const backend = await startWith('development', { auth: { providers: { guest: {} } } });
    expect(await (await fetch(`${backend.url}/api/auth/providers`)).json()).toEqual({
      providers: [{ id: 'guest' }],
    });
    expect(guestLogLines(backend.logs).map(l => [l.level, l.message])).toEqual([
      [
        'info',
        'Guest sign-in enabled: NODE_ENV is development; everyone signs in as user:development/guest',
      ],
    ]);

    const response = await refresh(backend.url);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      profile: { displayName: 'Guest' },
      providerInfo: {},
      backstageIdentity: {
        token: expect.any(String),
        expiresInSeconds: 3600,
        identity: {
          type: 'user',
          userEntityRef: 'user:development/guest',
          ownershipEntityRefs: ['user:development/guest'],
        },
      },
    });
    // The auth plugin verifies the token with its published keys before answering.
    const userinfo = await fetch(`${backend.url}/api/auth/v1/userinfo`, {
      headers: { authorization: `Bearer ${body.backstageIdentity.token}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({
      sub: 'user:development/guest',
      ent: ['user:development/guest'],
    });
    const [header] = body.backstageIdentity.token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'ES256',
      kid: expect.any(String),
      typ: 'vnd.backstage.user',
    });

    const noHeader = await refresh(backend.url, {});
    expect(noHeader.status).toBe(401);
    expect((await noHeader.json()).error.message).toBe('Invalid X-Requested-With header');
  });

  it('popup flow: start redirects to handler/frame, which posts the session to the app origin', async () => {
    const backend = await startWith('development', {
      auth: {
        providers: {
          guest: {
            userEntityRef: 'user:default/visitor',
            ownershipEntityRefs: ['user:default/visitor', 'group:default/visitors'],
          },
        },
      },
    });
    const start = await fetch(
      `${backend.url}/api/auth/guest/start?env=development&origin=${encodeURIComponent(APP_ORIGIN)}`,
      { redirect: 'manual' },
    );
    expect(start.status).toBe(302);
    const location = start.headers.get('location')!;
    expect(location).toBe(
      `/api/auth/guest/handler/frame?env=development&origin=${encodeURIComponent(APP_ORIGIN)}`,
    );
    const frame = await fetch(`${backend.url}${location}`);
    expect(frame.headers.get('content-security-policy')).toMatch(
      /^script-src 'sha256-[A-Za-z0-9+/=]+'$/,
    );
    const html = await frame.text();
    const message = JSON.parse(/var message = (.*);\n/.exec(html)![1]);
    expect(message.type).toBe('authorization_response');
    expect(message.response.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/visitor',
      ownershipEntityRefs: ['user:default/visitor', 'group:default/visitors'],
    });
    expect(html).toContain(`var origin = "${APP_ORIGIN}"`);

    const evil = await fetch(
      `${backend.url}/api/auth/guest/handler/frame?origin=${encodeURIComponent('https://evil.example')}`,
    );
    const evilHtml = await evil.text();
    expect(evilHtml).toContain(`var origin = "${APP_ORIGIN}"`);
    expect(JSON.parse(/var message = (.*);\n/.exec(evilHtml)![1]).error).toEqual({
      name: 'NotAllowedError',
      message: "Origin 'https://evil.example' is not allowed",
    });
  });

  it('outside development it is refused: not listed, routes 404, one log line says why', async () => {
    const backend = await startWith('production', { auth: { providers: { guest: {} } } });
    expect(await (await fetch(`${backend.url}/api/auth/providers`)).json()).toEqual({
      providers: [],
    });
    for (const response of [
      await refresh(backend.url),
      await fetch(`${backend.url}/api/auth/guest/start?env=development`, { redirect: 'manual' }),
      await fetch(`${backend.url}/api/auth/guest/handler/frame`),
    ]) {
      expect(response.status).toBe(404);
      expect((await response.json()).error.message).toBe(REFUSAL);
    }
    expect(guestLogLines(backend.logs).map(l => [l.level, l.message])).toEqual([
      [
        'warn',
        'Guest sign-in disabled: NODE_ENV is production; it only runs in development, or with auth.providers.guest.dangerouslyAllowOutsideDevelopment: true',
      ],
    ]);
  });

  it('outside development with dangerouslyAllowOutsideDevelopment it works, with a warning', async () => {
    const backend = await startWith('production', {
      auth: { providers: { guest: { dangerouslyAllowOutsideDevelopment: true } } },
    });
    expect(await (await fetch(`${backend.url}/api/auth/providers`)).json()).toEqual({
      providers: [{ id: 'guest' }],
    });
    const response = await refresh(backend.url);
    expect(response.status).toBe(200);
    expect((await response.json()).backstageIdentity.identity.userEntityRef).toBe(
      'user:development/guest',
    );
    expect(guestLogLines(backend.logs).map(l => [l.level, l.message])).toEqual([
      [
        'warn',
        'Guest sign-in enabled although NODE_ENV is production (auth.providers.guest.dangerouslyAllowOutsideDevelopment): anyone who reaches the app signs in as user:development/guest',
      ],
    ]);
  });

  it('guest: null in a later config file removes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'greenroom-guest-'));
    tempDirs.push(dir);
    await writeFile(
      join(dir, 'app-config.yaml'),
      [
        'app: { baseUrl: "http://localhost:3000" }',
        'backend:',
        '  baseUrl: http://127.0.0.1',
        '  listen: { host: 127.0.0.1, port: 0 }',
        '  database: { client: better-sqlite3, connection: ":memory:" }',
        'auth:',
        '  providers:',
        '    guest: {}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app-config.production.yaml'),
      'auth:\n  providers:\n    guest: null\n',
    );
    const loaded = await loadConfig({
      cwd: dir,
      rootDir: dir,
      configFiles: ['app-config.yaml', 'app-config.production.yaml'],
      env: {},
    });
    const backend = await startWith('development', {}, [
      createServiceFactory({
        service: coreServices.rootConfig,
        deps: {},
        factory: () => loaded.config,
      }),
    ]);
    expect(await (await fetch(`${backend.url}/api/auth/providers`)).json()).toEqual({
      providers: [],
    });
    const response = await refresh(backend.url);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe(
      "No auth provider registered for 'guest': it is not configured at auth.providers.guest",
    );
    expect(guestLogLines(backend.logs)).toEqual([]);
  });

  it('refuses an invalid userEntityRef at startup, naming the key', async () => {
    await expect(
      startWith('development', { auth: { providers: { guest: { userEntityRef: 'guest' } } } }),
    ).rejects.toThrow(
      "Failed to initialize guest auth provider, Invalid entity ref at 'auth.providers.guest.userEntityRef'",
    );
  });
});
