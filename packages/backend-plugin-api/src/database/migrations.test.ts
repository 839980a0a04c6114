import { TestDatabases } from '@greenroom/backend-test-utils';
import knexFactory from 'knex';
import { describe, expect, it } from 'vitest';
import { rollbackMigrations, runMigrations, type DatabaseMigration } from './migrations';

const databases = TestDatabases.create();

const migrations: DatabaseMigration[] = [
  {
    name: '20240101_create_widgets',
    up: async knex => {
      await knex.schema.createTable('widgets', table => {
        table.string('id').primary();
      });
    },
    down: async knex => {
      await knex.schema.dropTable('widgets');
    },
  },
  {
    name: '20240102_add_widget_color',
    up: async knex => {
      await knex.schema.alterTable('widgets', table => {
        table.string('color');
      });
    },
    down: async knex => {
      await knex.schema.alterTable('widgets', table => {
        table.dropColumn('color');
      });
    },
  },
];

describe.each(databases.eachSupportedId())('runMigrations on %s', databaseId => {
  it('applies every migration once, in order, and records them', async () => {
    const knex = await databases.init(databaseId);
    await runMigrations(knex, { migrations, tableName: 'test_migrations' });
    await runMigrations(knex, { migrations, tableName: 'test_migrations' });

    await knex('widgets').insert({ id: 'w1', color: 'red' });
    expect(await knex('widgets').select('id', 'color')).toEqual([{ id: 'w1', color: 'red' }]);
    const recorded = await knex('test_migrations').orderBy('id').pluck('name');
    expect(recorded).toEqual(['20240101_create_widgets', '20240102_add_widget_color']);
  });

  it('applies only the migrations added since the last run', async () => {
    const knex = await databases.init(databaseId);
    await runMigrations(knex, { migrations: migrations.slice(0, 1), tableName: 'test_migrations' });
    expect(await knex.schema.hasColumn('widgets', 'color')).toBe(false);

    await runMigrations(knex, { migrations, tableName: 'test_migrations' });
    expect(await knex.schema.hasColumn('widgets', 'color')).toBe(true);
    expect(await knex('test_migrations').pluck('batch')).toEqual([1, 2]);
  });

  it('keeps owners apart: two tables of applied migrations on one database', async () => {
    const knex = await databases.init(databaseId);
    await runMigrations(knex, { migrations, tableName: 'first_owner_migrations' });
    const other: DatabaseMigration[] = [
      {
        name: '001_create_gadgets',
        up: async db => db.schema.createTable('gadgets', t => t.string('id')),
      },
    ];
    await runMigrations(knex, { migrations: other, tableName: 'second_owner_migrations' });
    expect(await knex.schema.hasTable('gadgets')).toBe(true);
    expect(await knex('second_owner_migrations').pluck('name')).toEqual(['001_create_gadgets']);
  });

  it('rolls back the last batch with down()', async () => {
    const knex = await databases.init(databaseId);
    await runMigrations(knex, { migrations: migrations.slice(0, 1), tableName: 'test_migrations' });
    await runMigrations(knex, { migrations, tableName: 'test_migrations' });

    await rollbackMigrations(knex, { migrations, tableName: 'test_migrations' });
    expect(await knex.schema.hasColumn('widgets', 'color')).toBe(false);
    expect(await knex.schema.hasTable('widgets')).toBe(true);

    await rollbackMigrations(knex, { migrations, tableName: 'test_migrations', all: true });
    expect(await knex.schema.hasTable('widgets')).toBe(false);
    expect(await knex('test_migrations').count({ n: '*' })).toEqual([
      { n: databaseId === 'POSTGRES' ? '0' : 0 },
    ]);
  });

  it('refuses to roll back a migration without down()', async () => {
    const knex = await databases.init(databaseId);
    const irreversible: DatabaseMigration[] = [
      {
        name: '001_create_logs',
        up: async db => db.schema.createTable('logs', t => t.string('id')),
      },
    ];
    await runMigrations(knex, { migrations: irreversible, tableName: 'test_migrations' });
    await expect(
      rollbackMigrations(knex, { migrations: irreversible, tableName: 'test_migrations' }),
    ).rejects.toThrow("Migration '001_create_logs' can not be rolled back: it has no down()");
    expect(await knex.schema.hasTable('logs')).toBe(true);
  });

  it('leaves nothing half-applied when a migration fails, and says which', async () => {
    const knex = await databases.init(databaseId);
    const failing: DatabaseMigration[] = [
      migrations[0],
      {
        name: '002_broken',
        up: async db => {
          await db.raw('SELECT * FROM no_such_table');
        },
      },
    ];
    await expect(
      runMigrations(knex, { migrations: failing, tableName: 'test_migrations' }),
    ).rejects.toThrow(/no_such_table/);
    // Both migrations ran in one transaction, so the first one's table is gone again.
    expect(await knex.schema.hasTable('widgets')).toBe(false);
  });

  it('rejects duplicate and missing migration names before touching the database', async () => {
    const knex = await databases.init(databaseId);
    await expect(
      runMigrations(knex, {
        migrations: [migrations[0], migrations[0]],
        tableName: 'test_migrations',
      }),
    ).rejects.toThrow("Duplicate migration name '20240101_create_widgets' for 'test_migrations'");
    await expect(
      runMigrations(knex, {
        migrations: [{ name: '', up: async () => {} }],
        tableName: 'test_migrations',
      }),
    ).rejects.toThrow("A migration for 'test_migrations' has no name");
    expect(await knex.schema.hasTable('test_migrations')).toBe(false);
  });
});

describe.runIf(databases.supports('POSTGRES'))(
  'runMigrations on POSTGRES with two instances',
  () => {
    it('lets two instances starting at once both succeed, applying each migration once', async () => {
      const first = await databases.init('POSTGRES');
      // A second, independent client on the same database: what a second backend instance is.
      const second = knexFactory({ client: 'pg', connection: first.client.config.connection });
      try {
        let applied = 0;
        const counted: DatabaseMigration[] = [
          {
            name: '001_create_counted',
            up: async db => {
              applied += 1;
              await db.schema.createTable('counted', t => t.string('id'));
            },
          },
        ];
        await Promise.all([
          runMigrations(first, { migrations: counted, tableName: 'race_migrations' }),
          runMigrations(second, { migrations: counted, tableName: 'race_migrations' }),
        ]);
        expect(applied).toBe(1);
        expect(await first('race_migrations').pluck('name')).toEqual(['001_create_counted']);
        expect(await first('race_migrations_lock').count({ n: '*' })).toEqual([{ n: '1' }]);
      } finally {
        await second.destroy();
      }
    });
  },
);
