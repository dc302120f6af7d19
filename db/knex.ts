import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { migrationSource } from './migrations/index.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  /** Writes (and reads inside a write's transaction). */
  knex: Knex;
  /** Reads outside a write: queries that do not need to see an uncommitted write of their own. */
  reader: Knex;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * `sqlite:<file>` (embedded default; the file and its folder are created) or `postgres://…`.
 * SQLite: WAL journal, foreign keys on, a busy timeout, and a single connection so that every
 * transaction is serialized (the case-number allocator relies on it; PostgreSQL relies on row locks).
 */
export function openDatabase(url: string): Database {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const knex = knexFactory({
      client: 'pg',
      connection: url,
      // Error messages carry the SQL with placeholders, never the bound values (identity numbers, names).
      compileSqlOnError: false,
      pool: { min: 0, max: 10 },
    });
    return { knex, reader: knex, dialect: 'postgres', close: () => knex.destroy() };
  }
  if (!url.startsWith('sqlite:')) {
    throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got "${url}"`);
  }
  const filename = url.slice('sqlite:'.length);
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  const knex = knexFactory({
    client: 'sqlite3',
    connection: { filename },
    compileSqlOnError: false,
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: SqliteConn, done: (err: Error | null, conn: SqliteConn) => void) => {
        conn.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;', (err) =>
          done(err, conn),
        );
      },
    },
  });
  return { knex, reader: knex, dialect: 'sqlite', close: () => knex.destroy() };
}

interface SqliteConn {
  exec(sql: string, cb: (err: Error | null) => void): void;
}

export async function migrateLatest(db: Database): Promise<void> {
  await db.knex.migrate.latest({ migrationSource });
}

export async function migrateRollbackAll(db: Database): Promise<void> {
  await db.knex.migrate.rollback({ migrationSource }, true);
}

/** True when the error is a unique-constraint violation on either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; message?: string };
  return e?.code === '23505' || (e?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(e.message ?? ''));
}
