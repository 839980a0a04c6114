import { TestDatabases } from '@greenroom/backend-test-utils';
import knexFactory, { type Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { SchedulerTaskStore, TASKS_TABLE } from './SchedulerTaskStore';
import type { TaskSettings } from './validateSchedule';

const databases = TestDatabases.create();
const settings: TaskSettings = { version: 2, cadence: 'PT10M', timeoutAfterDuration: 'PT1M' };

async function row(knex: Knex, id: string) {
  const found = await knex(TASKS_TABLE).where({ id }).first();
  return {
    ticket: found.current_run_ticket as string | null,
    nextRun: found.next_run_start_at === null ? null : Number(found.next_run_start_at),
    startedAt: found.current_run_started_at === null ? null : Number(found.current_run_started_at),
    expiresAt: found.current_run_expires_at === null ? null : Number(found.current_run_expires_at),
  };
}

describe.each(databases.eachSupportedId())('SchedulerTaskStore on %s', databaseId => {
  it('claims a due task once, refuses a second claim while the lock holds, and allows it once expired', async () => {
    const knex = await databases.init(databaseId);
    const store = await SchedulerTaskStore.create(knex);
    await store.register('t', settings, { afterNowMs: 0 });

    const before = Date.now();
    expect(await store.tryClaim('t', 'first', 60_000)).toBe(true);
    const claimed = await row(knex, 't');
    expect(claimed.ticket).toBe('first');
    expect(claimed.expiresAt! - claimed.startedAt!).toBe(60_000);
    expect(Math.abs(claimed.startedAt! - before)).toBeLessThan(5_000);
    expect(await store.state('t')).toMatchObject({ running: true });

    expect(await store.tryClaim('t', 'second', 60_000)).toBe(false);

    await knex(TASKS_TABLE)
      .where({ id: 't' })
      .update({ current_run_expires_at: Date.now() - 5_000 });
    expect((await store.state('t'))?.running).toBe(false);
    expect(await store.tryClaim('t', 'second', 60_000)).toBe(true);

    // The first holder comes back late: its release must not free the new holder's lock.
    await store.release('t', 'first', { afterStartMs: 1 });
    expect((await row(knex, 't')).ticket).toBe('second');

    const { startedAt } = await row(knex, 't');
    await store.release('t', 'second', { afterStartMs: 600_000 });
    expect(await row(knex, 't')).toEqual({
      ticket: null,
      nextRun: startedAt! + 600_000,
      startedAt: null,
      expiresAt: null,
    });
    expect(await store.tryClaim('t', 'third', 60_000)).toBe(false);
    expect((await store.state('t'))?.claimableInMs).toBeGreaterThan(500_000);
  });

  it('does not claim a task before its next run or one that only runs when triggered', async () => {
    const knex = await databases.init(databaseId);
    const store = await SchedulerTaskStore.create(knex);
    await store.register('later', settings, { afterNowMs: 60_000 });
    await store.register('manual', { ...settings, cadence: 'manual' }, { never: true });

    expect(await store.tryClaim('later', 'x', 1_000)).toBe(false);
    expect(await store.tryClaim('manual', 'x', 1_000)).toBe(false);
    expect(await store.state('manual')).toEqual({ claimableInMs: undefined, running: false });
    expect(await store.state('missing')).toBeUndefined();

    expect(await store.trigger('manual')).toBe('triggered');
    expect(await store.tryClaim('manual', 'x', 1_000)).toBe(true);
    expect(await store.trigger('manual')).toBe('running');
    expect(await store.trigger('missing')).toBe('missing');
  });

  it('keeps the next run on re-registration with the same cadence and resets it when the cadence changes', async () => {
    const knex = await databases.init(databaseId);
    const store = await SchedulerTaskStore.create(knex);
    await store.register('t', settings, { atMs: 4_000_000_000_000 });
    await store.register(
      't',
      { ...settings, timeoutAfterDuration: 'PT2M' },
      { atMs: 5_000_000_000_000 },
    );
    expect((await row(knex, 't')).nextRun).toBe(4_000_000_000_000);
    expect(
      JSON.parse((await knex(TASKS_TABLE).where({ id: 't' }).first()).settings_json)
        .timeoutAfterDuration,
    ).toBe('PT2M');

    await store.register('t', { ...settings, cadence: 'PT1H' }, { atMs: 5_000_000_000_000 });
    expect((await row(knex, 't')).nextRun).toBe(5_000_000_000_000);
  });

  it('creates its table once even when two clients start at the same time', async () => {
    const knex = await databases.init(databaseId);
    const stores = await Promise.all([
      SchedulerTaskStore.create(knex),
      SchedulerTaskStore.create(knex),
    ]);
    await stores[0].register('t', settings, { afterNowMs: 0 });
    expect(await stores[1].state('t')).toMatchObject({ running: false });
  });
});

describe.runIf(databases.supports('POSTGRES'))(
  'SchedulerTaskStore claims racing on POSTGRES',
  () => {
    it('gives a due task to exactly one of many simultaneous claimers on two clients', async () => {
      const first = await databases.init('POSTGRES');
      const second = knexFactory({ client: 'pg', connection: first.client.config.connection });
      try {
        const [storeA, storeB] = await Promise.all([
          SchedulerTaskStore.create(first),
          SchedulerTaskStore.create(second),
        ]);
        await storeA.register('hot', settings, { afterNowMs: 0 });
        const claims = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? storeA : storeB).tryClaim('hot', `ticket-${i}`, 60_000),
          ),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        const winner = claims.indexOf(true);
        expect((await row(first, 'hot')).ticket).toBe(`ticket-${winner}`);
      } finally {
        await second.destroy();
      }
    });
  },
);
