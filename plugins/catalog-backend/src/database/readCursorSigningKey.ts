import type { Knex } from 'knex';
import { TABLES } from './tables';

/** The key cursors are signed with; made once by the migrations, shared by every instance. */
export async function readCursorSigningKey(knex: Knex): Promise<Buffer> {
  const row = await knex(TABLES.secrets).where('name', 'cursor_signing_key').first('value');
  if (!row) throw new Error('The catalog cursor signing key is missing; did the migrations run?');
  return Buffer.from(row.value, 'base64');
}
