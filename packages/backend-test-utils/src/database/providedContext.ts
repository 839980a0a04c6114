/** The key under which the global setup hands the test PostgreSQL server's URL to test files. */
export const POSTGRES_URL_KEY = 'greenroomTestPostgresUrl';

/** Set to use an already running server instead of starting one (e.g. a CI service container). */
export const POSTGRES_URL_ENV = 'GREENROOM_TEST_PG_URL';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://…/postgres` of the run's server, or null when PostgreSQL is not available. */
    greenroomTestPostgresUrl: string | null;
  }
}
