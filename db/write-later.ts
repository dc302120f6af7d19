import type { Knex } from 'knex';

/**
 * Writes whose answer nobody reads, sent to SQLite together.
 *
 * A unit of work on SQLite pays for every statement with a trip through libuv's thread pool and back through the event
 * loop, and the one writer connection is held for all of them: measured on ACCEPT (issue 15), 12 statements at ~0.5 ms
 * each, of which SQLite's own work is a small part. Most of them are writes whose result the use case never reads — the
 * deadlines replaced, the statistics row versioned, the history entry appended, the counters moved. `writeLater` queues
 * such a statement on the transaction's connection instead of running it; the queue goes to SQLite as one script
 * (`sqlite3_exec`, one trip) right before the next statement that does answer something, or together with COMMIT.
 *
 * What stays the same: the statements run in the order they were issued, before anything issued after them (any other
 * statement on the connection sends the queue first), inside the same transaction; a statement that fails makes the
 * transaction fail, and a failure while sending the queue with COMMIT rolls it back, so nothing of it is kept. What
 * changes: a failing queued statement fails the next statement or the COMMIT rather than its own `await` — so only
 * statements whose errors no caller handles specially are queued.
 *
 * A script cannot carry bind parameters, so the queued statement's parameters are written into it as SQL literals, in a
 * form that cannot be read as anything but the value (`sqlLiteral`): text between single quotes with each quote doubled
 * (SQLite has no other escape in a string literal), blobs in hex, integers as node-sqlite3 binds them. A value with no
 * such form (a fraction, a NUL character, a Date) leaves the statement to run at once, as before.
 *
 * On PostgreSQL, and outside a transaction, `writeLater` runs the statement at once.
 */
export async function writeLater(trx: Knex, query: Knex.QueryBuilder | Knex.Raw): Promise<void> {
  const client = trx.client as { supportsWriteLater?: boolean; acquireConnection(): Promise<WriteLaterConnection> };
  if (!trx.isTransaction || !client.supportsWriteLater) {
    await query;
    return;
  }
  const { sql, bindings } = query.toSQL() as { sql: string; bindings: readonly unknown[] };
  const statement = inlineBindings(sql, bindings);
  if (statement === null) {
    await query;
    return;
  }
  const conn = await client.acquireConnection();
  conn.__zcLater ??= [];
  conn.__zcLater.push(statement);
}

/**
 * A write that must change exactly one row (a versioned UPDATE), queued like `writeLater` and followed in the script by
 * the guard (migration 20261202_0050_write_guard): when it changed no row, the script fails with an error `isStaleWrite`
 * knows, and the transaction with it. Run at once instead (PostgreSQL, outside a transaction, a value with no literal),
 * it answers the number of rows it changed, for the caller to judge.
 */
export async function writeLaterChangingOne(trx: Knex, query: Knex.QueryBuilder): Promise<number | 'queued'> {
  const client = trx.client as { supportsWriteLater?: boolean; acquireConnection(): Promise<WriteLaterConnection> };
  const { sql, bindings } = query.toSQL() as { sql: string; bindings: readonly unknown[] };
  const statement = trx.isTransaction && client.supportsWriteLater ? inlineBindings(sql, bindings) : null;
  if (statement === null) return Number(await query);
  const conn = await client.acquireConnection();
  conn.__zcLater ??= [];
  conn.__zcLater.push(statement, STALE_GUARD);
  return 'queued';
}

/** The guard's statement: `changes()` is the number of rows the statement before it changed. */
const STALE_GUARD = 'INSERT INTO write_guard (changed) SELECT changes()';

/** Whether an error is the guard's: a queued write that had to change one row changed none (the row moved). */
export function isStaleWrite(err: unknown): boolean {
  return err instanceof Error && err.message.includes('zc_stale_write');
}

/**
 * BEGIN IMMEDIATE, queued: it goes to SQLite with the transaction's first statement that answers something, or with the
 * rest of the script — a transaction of queued writes only is one trip, BEGIN to COMMIT. Anything queued on the
 * connection before it belonged to a transaction that ended without reaching SQLite, and is dropped.
 */
export function queueBegin(conn: WriteLaterConnection, sql: string): void {
  conn.__zcLater = [sql];
}

/** Whether the connection's queue still holds its transaction's BEGIN: SQLite has not seen the transaction yet. */
export function beginQueued(queued: readonly string[]): boolean {
  return /^BEGIN\b/i.test(queued[0] ?? '');
}

/** A SQLite connection with the statements queued on it. */
export interface WriteLaterConnection {
  exec(sql: string, cb: (err: Error | null) => void): void;
  __zcLater?: string[];
}

/** The statements queued on the connection, taken off it (empty when none). */
export function takeQueued(conn: WriteLaterConnection): string[] {
  const queued = conn.__zcLater ?? [];
  conn.__zcLater = undefined;
  return queued;
}

/** Runs SQL text of several statements in one trip (no parameters, no results). */
export function execScript(conn: WriteLaterConnection, sql: string): Promise<void> {
  return new Promise((resolve, reject) => conn.exec(sql, (err) => (err ? reject(err) : resolve())));
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * A value as a SQLite literal that stores exactly what node-sqlite3 binds for it, or null when there is no such literal.
 * node-sqlite3 binds a number that is a 32-bit integer as an INTEGER and every other number as a REAL; booleans as 1/0;
 * null and undefined as NULL; strings as TEXT; Buffers as BLOBs.
 */
export function sqlLiteral(v: unknown): string | null {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return null; // a fraction's decimal form might not read back as the same double
    if (v >= INT32_MIN && v <= INT32_MAX) return String(v === 0 ? 0 : v);
    // A REAL, as bound: an integer literal within 2^53 converts to exactly this double.
    return Number.isSafeInteger(v) ? `CAST(${v} AS REAL)` : null;
  }
  if (typeof v === 'string') {
    // sqlite3_exec reads the script as a C string: a NUL would end it.
    if (v.includes('\u0000')) return null;
    return `'${v.replaceAll("'", "''")}'`;
  }
  if (Buffer.isBuffer(v)) return `X'${v.toString('hex')}'`;
  return null;
}

/**
 * The statement with its `?` parameters replaced by literals, or null when one cannot be (see `sqlLiteral`) or the
 * count does not match. `?` inside quoted text, quoted identifiers and comments is not a parameter.
 */
export function inlineBindings(sql: string, bindings: readonly unknown[]): string | null {
  let out = '';
  let next = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i] as string;
    if (ch === "'" || ch === '"' || ch === '`') {
      // Quoted text or identifier: runs to the next unpaired closing quote (a doubled quote stands for itself).
      let j = i + 1;
      for (;;) {
        const k = sql.indexOf(ch, j);
        if (k < 0) return null;
        if (sql[k + 1] === ch) j = k + 2;
        else {
          j = k + 1;
          break;
        }
      }
      out += sql.slice(i, j);
      i = j;
    } else if (ch === '[') {
      const k = sql.indexOf(']', i);
      if (k < 0) return null;
      out += sql.slice(i, k + 1);
      i = k + 1;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const k = sql.indexOf('\n', i);
      const end = k < 0 ? sql.length : k;
      out += sql.slice(i, end);
      i = end;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const k = sql.indexOf('*/', i + 2);
      if (k < 0) return null;
      out += sql.slice(i, k + 2);
      i = k + 2;
    } else if (ch === '?') {
      // Numbered (?NNN) and named parameters are not written by knex; a statement with them is not queued.
      if (/[0-9A-Za-z_$:@]/.test(sql[i + 1] ?? '')) return null;
      if (next >= bindings.length) return null;
      const lit = sqlLiteral(bindings[next++]);
      if (lit === null) return null;
      out += lit;
      i++;
    } else if (ch === ':' || ch === '@' || ch === '$') {
      // SQLite's named parameters (:name, @name, $name) would be left unbound; `->>` and `::` casts are not SQLite's.
      if (/[A-Za-z_]/.test(sql[i + 1] ?? '') && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) return null;
      out += ch;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return next === bindings.length ? out : null;
}
