import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  type DatabaseService,
  type SchedulerService,
} from '@greenroom/backend-plugin-api';
import { createTestLogger, type CapturedLogLine } from '@greenroom/backend-test-utils';
import { ConfigReader, type JsonObject } from '@greenroom/config';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSpecializedBackend } from '../../wiring/createSpecializedBackend';
import { databaseServiceFactory } from '../database';
import { lifecycleServiceFactory } from '../lifecycle';
import { loggerServiceFactory } from '../logger';
import { pluginMetadataServiceFactory } from '../pluginMetadata';
import { rootLifecycleServiceFactory } from '../rootLifecycle';
import { schedulerServiceFactory } from './schedulerServiceFactory';

let dir: string | undefined;

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A backend with the real database, scheduler and lifecycle factories. */
function backendWith(database: JsonObject | undefined, lines: CapturedLogLine[]) {
  return createSpecializedBackend({
    handleProcessSignals: false,
    defaultServiceFactories: [
      createServiceFactory({
        service: coreServices.rootConfig,
        deps: {},
        factory: () => new ConfigReader(database ? { backend: { database } } : {}),
      }),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => createTestLogger(lines),
      }),
      rootLifecycleServiceFactory,
      lifecycleServiceFactory,
      loggerServiceFactory,
      pluginMetadataServiceFactory,
      databaseServiceFactory,
      schedulerServiceFactory,
    ],
  });
}

describe('databaseServiceFactory and schedulerServiceFactory in a backend', () => {
  it('give each plugin its own lazily opened database and a scheduler, and close both on stop', async () => {
    dir = await mkdtemp(join(tmpdir(), 'greenroom-factories-'));
    const lines: CapturedLogLine[] = [];
    const backend = backendWith(
      { client: 'better-sqlite3', connection: { directory: dir } },
      lines,
    );
    const seen: { database?: DatabaseService; scheduler?: SchedulerService; aborted?: boolean } =
      {};
    let runs = 0;

    backend.add(
      createBackendPlugin({
        pluginId: 'jobs',
        register(reg) {
          reg.registerInit({
            deps: { database: coreServices.database, scheduler: coreServices.scheduler },
            async init({ database, scheduler }) {
              seen.database = database;
              await scheduler.scheduleTask({
                id: 'work',
                frequency: { milliseconds: 10 },
                timeout: { seconds: 30 },
                fn: signal => {
                  runs++;
                  return new Promise<void>(resolve =>
                    signal.addEventListener('abort', () => {
                      seen.aborted = true;
                      resolve();
                    }),
                  );
                },
              });
            },
          });
        },
      }),
    );
    backend.add(
      createBackendPlugin({
        pluginId: 'quiet',
        register(reg) {
          reg.registerInit({
            deps: { database: coreServices.database },
            async init() {},
          });
        },
      }),
    );

    await backend.start();
    await vi.waitFor(() => expect(runs).toBe(1));
    // The global task opened the jobs database; the quiet plugin never asked for a client.
    expect(await readdir(dir)).toContain('jobs.sqlite');
    expect(await readdir(dir)).not.toContain('quiet.sqlite');
    const knex = await seen.database!.getClient();

    await backend.stop();

    expect(seen.aborted).toBe(true);
    await expect(knex.raw('SELECT 1')).rejects.toThrow();
    await expect(seen.database!.getClient()).rejects.toThrow(
      "The database client of plugin 'jobs' was shut down",
    );
  });

  it('warns once, at startup, that the default in-memory database is not persisted', async () => {
    const lines: CapturedLogLine[] = [];
    const backend = backendWith(undefined, lines);
    for (const pluginId of ['one', 'two']) {
      backend.add(
        createBackendPlugin({
          pluginId,
          register(reg) {
            reg.registerInit({
              deps: { database: coreServices.database },
              async init({ database }) {
                await (await database.getClient()).raw('SELECT 1');
              },
            });
          },
        }),
      );
    }
    await backend.start();
    await backend.stop();
    expect(lines.filter(line => line.message.includes('NOT persisted'))).toHaveLength(1);
  });
});
