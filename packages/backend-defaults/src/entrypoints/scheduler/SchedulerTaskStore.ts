import type { Knex } from 'knex';
import type { TaskSettings } from './validateSchedule';

/** One row per global task of the plugin, in the plugin's own database. */
export const TASKS_TABLE = 'greenroom_scheduler_tasks';

/** When a task should next run, as far as the database is concerned. */
export type NextRun =
  /** This long after the database's now (first registration, with the initial delay). */
  | { afterNowMs: number }
  /** This long after the start of the run that just ended (intervals). */
  | { afterStartMs: number }
  /** At this wall-clock time (cron). */
  | { atMs: number }
  /** Only when triggered. */
  | { never: true };

export interface TaskState {
  /** Milliseconds until the task may be claimed (0 or less: now); undefined when only a trigger will start it. */
  claimableInMs: number | undefined;
  running: boolean;
}

/**
 * The SQL behind global tasks. Times are epoch milliseconds from the database's clock, so
 * instances with skewed clocks still agree on who holds a lock and when it expires. A claim is
 * one conditional UPDATE: on PostgreSQL a concurrent claimer waits for the row lock, re-checks
 * the condition and finds the ticket taken; SQLite serializes writers.
 */
export class SchedulerTaskStore {
  readonly #knex: Knex;
  readonly #now: string;

  static async create(knex: Knex): Promise<SchedulerTaskStore> {
    await ensureTable(knex);
    return new SchedulerTaskStore(knex);
  }

  private constructor(knex: Knex) {
    this.#knex = knex;
    this.#now = isPostgres(knex)
      ? 'CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)'
      : "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
  }

  /**
   * Adds the task, or refreshes its settings when another instance (or an earlier start) added it.
   * A changed cadence restarts the schedule; an unchanged one keeps the stored next run.
   */
  async register(id: string, settings: TaskSettings, firstRun: NextRun): Promise<void> {
    const json = JSON.stringify(settings);
    await this.#knex(TASKS_TABLE)
      .insert({ id, settings_json: json, next_run_start_at: this.#nextRunValue(firstRun) })
      .onConflict('id')
      .ignore();
    const row = await this.#knex(TASKS_TABLE).where({ id }).first('settings_json');
    if (!row || row.settings_json === json) return;
    const stored = parseSettings(row.settings_json);
    await this.#knex(TASKS_TABLE)
      .where({ id })
      .update({
        settings_json: json,
        ...(stored?.cadence !== settings.cadence
          ? { next_run_start_at: this.#nextRunValue(firstRun) }
          : {}),
      });
  }

  async state(id: string): Promise<TaskState | undefined> {
    const row = await this.#knex(TASKS_TABLE)
      .where({ id })
      .first(
        this.#knex.raw(`next_run_start_at - ${this.#now} AS next_in`),
        this.#knex.raw(`current_run_expires_at - ${this.#now} AS expires_in`),
        'current_run_ticket',
      );
    if (!row) return undefined;
    const nextIn = row.next_in === null ? undefined : Number(row.next_in);
    const running = row.current_run_ticket !== null && Number(row.expires_in) >= 0;
    const claimableInMs =
      nextIn === undefined
        ? undefined
        : running
          ? Math.max(nextIn, Number(row.expires_in))
          : nextIn;
    return { claimableInMs, running };
  }

  /** Takes the task for one run when it is due and nobody holds an unexpired lock on it. */
  async tryClaim(id: string, ticket: string, timeoutMs: number): Promise<boolean> {
    const now = this.#now;
    const updated = await this.#knex(TASKS_TABLE)
      .where({ id })
      .whereRaw(`next_run_start_at <= ${now}`)
      .where(q => q.whereNull('current_run_ticket').orWhereRaw(`current_run_expires_at < ${now}`))
      .update({
        current_run_ticket: ticket,
        current_run_started_at: this.#knex.raw(now),
        current_run_expires_at: this.#knex.raw(`${now} + ?`, [Math.round(timeoutMs)]),
      });
    return updated === 1;
  }

  /** Ends our run; a no-op when the lock expired and someone else holds it now. */
  async release(id: string, ticket: string, nextRun: NextRun): Promise<void> {
    await this.#knex(TASKS_TABLE)
      .where({ id, current_run_ticket: ticket })
      .update({
        next_run_start_at: this.#nextRunValue(nextRun),
        current_run_ticket: null,
        current_run_started_at: null,
        current_run_expires_at: null,
      });
  }

  /** Makes the task due now, unless a run holds an unexpired lock. */
  async trigger(id: string): Promise<'triggered' | 'running' | 'missing'> {
    const now = this.#now;
    const updated = await this.#knex(TASKS_TABLE)
      .where({ id })
      .where(q => q.whereNull('current_run_ticket').orWhereRaw(`current_run_expires_at < ${now}`))
      .update({ next_run_start_at: this.#knex.raw(now) });
    if (updated === 1) return 'triggered';
    return (await this.#knex(TASKS_TABLE).where({ id }).first('id')) ? 'running' : 'missing';
  }

  #nextRunValue(nextRun: NextRun): Knex.Raw | number | null {
    if ('never' in nextRun) return null;
    if ('atMs' in nextRun) return Math.round(nextRun.atMs);
    if ('afterNowMs' in nextRun)
      return this.#knex.raw(`${this.#now} + ?`, [Math.round(nextRun.afterNowMs)]);
    // SET expressions read the row as it was, so this is the start of the run being released.
    return this.#knex.raw('current_run_started_at + ?', [Math.round(nextRun.afterStartMs)]);
  }
}

function isPostgres(knex: Knex): boolean {
  return knex.client.driverName === 'pg';
}

function parseSettings(json: string): Partial<TaskSettings> | undefined {
  try {
    return JSON.parse(json) as Partial<TaskSettings>;
  } catch {
    return undefined;
  }
}

/**
 * Creates the table on first use. Instances may start together: on PostgreSQL they queue on an
 * advisory lock so the second sees the first one's table instead of failing to create it again.
 */
async function ensureTable(knex: Knex): Promise<void> {
  const create = async (db: Knex | Knex.Transaction) => {
    if (await db.schema.hasTable(TASKS_TABLE)) return;
    try {
      await db.schema.createTable(TASKS_TABLE, table => {
        table.string('id', 255).primary();
        table.text('settings_json').notNullable();
        table.bigInteger('next_run_start_at').nullable();
        table.string('current_run_ticket', 255).nullable();
        table.bigInteger('current_run_started_at').nullable();
        table.bigInteger('current_run_expires_at').nullable();
      });
    } catch (error) {
      // Two clients on one SQLite file can both pass the check above.
      if (!(await db.schema.hasTable(TASKS_TABLE))) throw error;
    }
  };
  if (!isPostgres(knex)) {
    await create(knex);
    return;
  }
  await knex.transaction(async trx => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`greenroom_table:${TASKS_TABLE}`]);
    await create(trx);
  });
}
