import type { Knex } from 'knex';

/** One schema change, written in code so a bundled backend needs no migrations directory. */
export interface DatabaseMigration {
  /** Unique and stable: recorded in the migrations table once applied. Never rename. */
  name: string;
  up(knex: Knex): Promise<void>;
  down?(knex: Knex): Promise<void>;
}

export interface RunMigrationsOptions {
  /** In the order they must run. */
  migrations: readonly DatabaseMigration[];
  /** Where applied migrations are recorded; one table per owner, so owners never see each other's. */
  tableName: string;
}

/**
 * Applies the migrations not applied yet (knex `migrate.latest` with an in-code source).
 * Several instances may start at once: on PostgreSQL they queue on an advisory lock, because
 * knex's own lock table can itself be created twice by racing first runs.
 */
export async function runMigrations(knex: Knex, options: RunMigrationsOptions): Promise<void> {
  const config = migratorConfig(options);
  await serialized(knex, options.tableName, migrator => migrator.migrate.latest(config));
}

/** Undoes the last batch applied by `runMigrations` (or every batch with `all`). */
export async function rollbackMigrations(
  knex: Knex,
  options: RunMigrationsOptions & { all?: boolean },
): Promise<void> {
  const config = migratorConfig(options);
  await serialized(knex, options.tableName, migrator =>
    migrator.migrate.rollback(config, options.all ?? false),
  );
}

function migratorConfig({ migrations, tableName }: RunMigrationsOptions): Knex.MigratorConfig {
  const seen = new Set<string>();
  for (const migration of migrations) {
    if (!migration.name) throw new Error(`A migration for '${tableName}' has no name`);
    if (seen.has(migration.name)) {
      throw new Error(`Duplicate migration name '${migration.name}' for '${tableName}'`);
    }
    seen.add(migration.name);
  }
  const source: Knex.MigrationSource<DatabaseMigration> = {
    getMigrations: async () => [...migrations],
    getMigrationName: migration => migration.name,
    getMigration: async migration => ({
      up: migration.up,
      down:
        migration.down ??
        (async () => {
          throw new Error(`Migration '${migration.name}' can not be rolled back: it has no down()`);
        }),
    }),
  };
  return { migrationSource: source, tableName };
}

async function serialized(
  knex: Knex,
  tableName: string,
  work: (migrator: Knex) => Promise<unknown>,
) {
  if (knex.client.driverName !== 'pg') {
    // SQLite: one connection per client, so runs in this process are already serialized.
    await work(knex);
    return;
  }
  await knex.transaction(async trx => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [
      `greenroom_migrations:${tableName}`,
    ]);
    await work(trx);
  });
}
