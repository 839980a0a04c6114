import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  createServiceRef,
} from '@greenroom/backend-plugin-api';
import { ConflictError, InputError, NotAllowedError } from '@greenroom/errors';
import { Router } from 'express';
import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from './startTestBackend';

// The framework end to end: real default services, a real HTTP server, real SQLite.
let running: TestBackend | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const clockRef = createServiceRef<{ now(): string }>({ id: 'test.clock', scope: 'root' });

function notesPlugin(events: string[], release?: Promise<void>) {
  return createBackendPlugin({
    pluginId: 'notes',
    register(reg) {
      reg.registerInit({
        deps: {
          http: coreServices.httpRouter,
          database: coreServices.database,
          lifecycle: coreServices.lifecycle,
          logger: coreServices.logger,
        },
        async init({ http, database, lifecycle }) {
          const db: Knex = await database.getClient();
          await db.schema.createTable('notes', table => {
            table.increments('id');
            table.string('text').notNullable();
          });
          const router = Router();
          router.use((_req, _res, next) => next());
          router.get('/notes', async (_req, res) => {
            res.json(await db('notes').select('text'));
          });
          router.post('/notes/:text', async (req, res) => {
            if (req.params.text.length > 10) throw new InputError('Note is too long');
            await db('notes').insert({ text: req.params.text });
            res.status(201).json({ ok: true });
          });
          router.get('/conflict', () => {
            throw new ConflictError('Already there');
          });
          router.get('/forbidden', () => {
            throw new NotAllowedError('Not yours');
          });
          router.get('/slow', async (_req, res) => {
            events.push('slow request started');
            await release;
            res.json(await db('notes').count({ n: '*' }).first());
            events.push('slow request answered');
          });
          http.use(router);
          // These tests are about wiring, not credentials (the auth services have their own).
          http.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
          lifecycle.addShutdownHook(() => void events.push('notes shutdown hook'));
        },
      });
    },
  });
}

describe('startTestBackend with the default services', () => {
  it('mounts each plugin at /api/<pluginId> with its own database', async () => {
    const events: string[] = [];
    const otherPlugin = createBackendPlugin({
      pluginId: 'other',
      register(reg) {
        reg.registerInit({
          deps: { http: coreServices.httpRouter, database: coreServices.database, clock: clockRef },
          async init({ http, database, clock }) {
            const db = await database.getClient();
            const tables = await db.raw(
              "select name from sqlite_master where type='table' and name='notes'",
            );
            http.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
            http.use(
              Router().get(
                '/info',
                (_req, res) =>
                  void res.json({ sawNotesTable: tables.length > 0, now: clock.now() }),
              ),
            );
          },
        });
      },
    });
    running = await startTestBackend({
      features: [
        notesPlugin(events),
        otherPlugin,
        createServiceFactory({
          service: clockRef,
          deps: {},
          factory: () => ({ now: () => 'frozen' }),
        }),
      ],
    });
    expect((await fetch(`${running.url}/api/notes/notes/hello`, { method: 'POST' })).status).toBe(
      201,
    );
    expect(await (await fetch(`${running.url}/api/notes/notes`)).json()).toEqual([
      { text: 'hello' },
    ]);
    // The other plugin's database is its own: the notes table is not there.
    expect(await (await fetch(`${running.url}/api/other/info`)).json()).toEqual({
      sawNotesTable: false,
      now: 'frozen',
    });
  });

  it("renders plugin errors as Backstage's error JSON with the right status", async () => {
    running = await startTestBackend({ features: [notesPlugin([])] });
    const cases: Array<[string, string, number, string]> = [
      ['POST', '/api/notes/notes/far-too-long-for-a-note', 400, 'InputError'],
      ['GET', '/api/notes/forbidden', 403, 'NotAllowedError'],
      ['GET', '/api/notes/conflict', 409, 'ConflictError'],
      ['GET', '/api/notes/nothing-here', 404, 'NotFoundError'],
      ['GET', '/api/unknown-plugin/x', 404, 'NotFoundError'],
    ];
    for (const [method, path, status, name] of cases) {
      const response = await fetch(`${running.url}${path}`, { method });
      expect(response.status, path).toBe(status);
      const body = await response.json();
      expect(body.error.name, path).toBe(name);
      expect(body.request).toEqual({ method, url: path });
      expect(body.response).toEqual({ statusCode: status });
    }
  });

  it('drains an in-flight request before running shutdown hooks and closing the database', async () => {
    const events: string[] = [];
    let release!: () => void;
    const released = new Promise<void>(resolve => (release = resolve));
    running = await startTestBackend({ features: [notesPlugin(events, released)] });
    const url = running.url;
    const inFlight = fetch(`${url}/api/notes/slow`);
    await expect.poll(() => events.includes('slow request started')).toBe(true);

    const stopped = running.stop();
    running = undefined;
    await expect
      .poll(
        async () =>
          (await fetch(`${url}/.backstage/health/v1/readiness`).catch(() => undefined))?.status ??
          'closed',
      )
      .not.toBe(200);
    expect(events).not.toContain('notes shutdown hook');
    release();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ n: 0 });
    await stopped;
    expect(events).toEqual([
      'slow request started',
      'slow request answered',
      'notes shutdown hook',
    ]);
    await expect(fetch(`${url}/.backstage/health/v1/liveness`)).rejects.toThrow();
  });
});
