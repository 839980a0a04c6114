import { createHash, randomUUID } from 'node:crypto';
import { ConflictError } from '@greenroom/errors';
import type { Knex } from 'knex';

/** A location registered through the API, as Backstage's `Location`. */
export interface RegisteredLocation {
  id: string;
  type: 'file' | 'url';
  target: string;
}

export interface LocationStore {
  list(): Promise<RegisteredLocation[]>;
  get(id: string): Promise<RegisteredLocation | undefined>;
  /** The location with this exact `type:target`, if registered. */
  byKey(type: string, target: string): Promise<RegisteredLocation | undefined>;
  /** Throws ConflictError when the same type and target is already registered. */
  add(location: Omit<RegisteredLocation, 'id'>): Promise<RegisteredLocation>;
  /** The updated location, undefined when there is none with this id; ConflictError as add. */
  update(
    id: string,
    location: Omit<RegisteredLocation, 'id'>,
  ): Promise<RegisteredLocation | undefined>;
  /** Whether a row was removed. */
  remove(id: string): Promise<boolean>;
}

const TABLE = 'locations';

interface Row {
  id: string;
  type: string;
  target: string;
}

const keyHash = (type: string, target: string) =>
  createHash('sha256').update(`${type}:${target}`).digest('hex');

const toLocation = (row: Row): RegisteredLocation => ({
  id: row.id,
  type: row.type === 'url' ? 'url' : 'file',
  target: row.target,
});

/** The `locations` table (migration 0003). */
export function createLocationStore(knex: Knex): LocationStore {
  const byKey = async (type: string, target: string) => {
    const row: Row | undefined = await knex(TABLE)
      .where({ key_hash: keyHash(type, target) })
      .first('id', 'type', 'target');
    return row && toLocation(row);
  };
  return {
    async list() {
      const rows: Row[] = await knex(TABLE).select('id', 'type', 'target').orderBy('created_at');
      return rows.map(toLocation);
    },
    async get(id) {
      const row: Row | undefined = await knex(TABLE).where({ id }).first('id', 'type', 'target');
      return row && toLocation(row);
    },
    byKey,
    async add({ type, target }) {
      const location = { id: randomUUID(), type, target };
      // Insert-or-nothing makes concurrent duplicate registrations a clean 409 on both databases.
      const inserted = await knex(TABLE)
        .insert({ ...location, key_hash: keyHash(type, target), created_at: Date.now() })
        .onConflict('key_hash')
        .ignore()
        .returning('id');
      if (inserted.length === 0) {
        throw new ConflictError(`Location ${type}:${target} already exists`);
      }
      return location;
    },
    async update(id, { type, target }) {
      const other = await byKey(type, target);
      if (other && other.id !== id) {
        throw new ConflictError(`Location ${type}:${target} already exists`);
      }
      const updated = await knex(TABLE)
        .where({ id })
        .update({ type, target, key_hash: keyHash(type, target) });
      return updated > 0 ? { id, type, target } : undefined;
    },
    async remove(id) {
      return (await knex(TABLE).where({ id }).delete()) > 0;
    },
  };
}
