import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { Knex } from 'knex';

/** A plugin's database, validated from config but not opened yet. */
export interface PreparedDatabase {
  /** Where the data lives, safe to log: never a password or connection string. */
  description: string;
  /** Creates what is missing (directory, database, schema) and returns the client; knex's own messages go to `logger`. */
  open(logger?: LoggerService): Promise<Knex>;
}
