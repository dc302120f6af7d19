import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { PLAN_ONCE } from './fixed-query.ts';
import { migrateToLatest, migrationSource } from './migrations/index.ts';
import {
  beginQueued,
  deliverAnswers,
  execScript,
  hintsFailed,
  inlineNumbered,
  type LiteralDialect,
  pgLiteral,
  type Queued,
  QueuedStatement,
  queueBegin,
  scriptsSent,
  sendScript,
  settleHints,
  statementRan,
  takeQueued,
  type WriteLaterConnection,
} from './write-later.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  /** Writes (and reads inside a write's transaction). */
  knex: Knex;
  /** Reads outside a write: queries that do not need to see an uncommitted write of their own. */
  reader: Knex;
  dialect: Dialect;
  /** `sqlite:` file (absolute) when the database is a file; null for PostgreSQL and `:memory:`. */
  sqliteFile: string | null;
  close(): Promise<void>;
}

/** Time limits, so that a database that is gone, frozen or busy answers an error instead of hanging a request. */
export interface DatabaseOptions {
  /** PostgreSQL `statement_timeout`; the client also gives up on a silent server this much (+2 s) later. 0 = none. */
  statementTimeoutMs: number;
  /** PostgreSQL `lock_timeout`: how long a statement waits for a row or table lock. 0 = none. */
  lockTimeoutMs: number;
  /** SQLite `busy_timeout`: how long a write waits for another process's write lock before SQLITE_BUSY. */
  busyTimeoutMs: number;
  /** How long a query waits for a pooled connection (and a new PostgreSQL connection may take to open). */
  acquireTimeoutMs: number;
  /** PostgreSQL pool size per process. */
  poolMax: number;
  /** SQLite: read-only connections serving reads next to the single writer (WAL lets them read while it writes). */
  sqliteReaders: number;
  /** PostgreSQL: statements kept prepared per connection (`prepareRepeated`); 0 sends every statement unnamed. */
  pgPreparedPerConnection: number;
  /** Shown in pg_stat_activity. */
  applicationName: string;
}

export const DEFAULT_DATABASE_OPTIONS: DatabaseOptions = {
  statementTimeoutMs: 15_000,
  lockTimeoutMs: 5_000,
  busyTimeoutMs: 5_000,
  acquireTimeoutMs: 10_000,
  poolMax: 10,
  sqliteReaders: 2,
  pgPreparedPerConnection: 64,
  applicationName: 'zhongcai',
};

// knex's dialect classes, subclassed below (knex has no export map: the deep paths are stable since 0.95).
const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: knex's internal classes are untyped
type AnyClass = new (...args: any[]) => any;
const SqliteClient: AnyClass = require('knex/lib/dialects/sqlite3/index.js');
const SqliteTransaction: AnyClass = require('knex/lib/dialects/sqlite3/execution/sqlite-transaction.js');
const PgClient: AnyClass = require('knex/lib/dialects/postgres/index.js');
const PgTransaction: AnyClass = require('knex/lib/dialects/postgres/execution/pg-transaction.js');

/**
 * SQLite write transactions start with `BEGIN IMMEDIATE`: the write lock is taken at BEGIN, where the busy timeout
 * applies, instead of when a deferred `BEGIN` upgrades on its first write — an upgrade that finds another process
 * writing fails at once with SQLITE_BUSY, busy timeout or not (https://sqlite.org/lang_transaction.html).
 */
class ImmediateTransaction extends SqliteTransaction {
  begin(conn: WriteLaterConnection) {
    // Sent with the transaction's first statement (db/write-later.ts queueBegin).
    queueBegin(conn, 'BEGIN IMMEDIATE');
    return Promise.resolve();
  }
}
/**
 * node-sqlite3 prepares, runs and finalizes a statement per query: two trips through libuv's thread pool and back
 * through the event loop, each waiting behind whatever JavaScript the loop is running. Under load that wait, not
 * SQLite, sets the pace of the one writer connection. This client keeps each connection's prepared statements (by SQL
 * text, the most recent `STATEMENT_CACHE_SIZE`) so a query is one trip. node-sqlite3 resets a statement and rebinds
 * before every step, runs `all` to the end and `run` only for INSERT/UPDATE/DELETE (knex's choice), so a statement that
 * succeeded is never left active. One that failed may be: SQLITE_BUSY leaves it running, to be retried, still holding
 * its connection's snapshot or write transaction (a later COMMIT would answer "SQL statements in progress") — so a
 * failed statement leaves the cache and is finalized before its error is answered, as node-sqlite3's own `db.run`
 * does. Statements are finalized before the connection closes.
 */
const STATEMENT_CACHE_SIZE = 200;
interface CachedStatement {
  all(params: unknown[], cb: (this: unknown, err: Error | null, rows: unknown) => void): void;
  run(params: unknown[], cb: (this: unknown, err: Error | null) => void): void;
  finalize(cb?: () => void): void;
}
interface CachingSqliteConn {
  prepare(sql: string, cb: (err: Error | null) => void): CachedStatement;
  close(cb: (err: Error | null) => void): void;
  __zcStatements?: Map<string, Promise<CachedStatement>>;
}
interface KnexQueryObject {
  sql?: string;
  /** knex's `.timeout(ms)`. */
  timeout?: number;
  /** The builder's `.options()`: `beforeBegin` (db/write-later.ts) on SQLite, the query config on PostgreSQL. */
  options?: Record<string, unknown>;
  method?: string;
  returning?: unknown;
  bindings?: unknown[];
  response?: unknown;
  context?: unknown;
}

/**
 * The SQL text split around the placeholders that are a `LIMIT`'s count, and those placeholders' binding positions;
 * null when there is none. Remembered per text (the texts are the application's, a bounded set).
 */
interface LimitPlaceholders {
  parts: string[];
  positions: number[];
}
const limitPlaceholders = new Map<string, LimitPlaceholders | null>();
const LIMIT_TEXTS_REMEMBERED = 2_000;

function findLimitPlaceholders(sql: string): LimitPlaceholders | null {
  const parts: string[] = [];
  const positions: number[] = [];
  let binding = 0;
  let from = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`') {
      // A quoted literal or identifier (a doubled quote inside it is an escaped one): no placeholder in it.
      const end = sql.indexOf(c, i + 1);
      if (end < 0) return null;
      i = end;
      continue;
    }
    // A comment could hide a quote or a placeholder: such a text is left as it is.
    if ((c === '-' && sql[i + 1] === '-') || (c === '/' && sql[i + 1] === '*')) return null;
    if (c !== '?') continue;
    if (/\blimit\s*$/i.test(sql.slice(Math.max(0, i - 12), i))) {
      parts.push(sql.slice(from, i));
      positions.push(binding);
      from = i + 1;
    }
    binding++;
  }
  if (!positions.length) return null;
  parts.push(sql.slice(from));
  return { parts, positions };
}

/**
 * The LIMIT counts written into the text: small ones and round page sizes up to 200 — at most 32 texts per query, so a
 * client choosing every page size from 1 to 200 cannot crowd the kept statements out (the others stay bound).
 */
function inlinedCount(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && (v <= 10 || (v <= 200 && (v % 10 === 0 || v === 25)));
}

/**
 * SQLite (3.47 and later) plans a `LIMIT ?` for the value bound to it and marks the statement expired whenever that
 * binding is set again, so a kept statement with a bound LIMIT — every knex `.first()` — is parsed and planned anew on
 * every run (a `perf` count of sqlite3Reprepare: one per run; the case load is the largest statement we have). A
 * LIMIT's count is written into the text instead when it is one of few (`inlinedCount`: 1, the usual page sizes), so
 * the kept statement stays planned. An OFFSET stays bound: it does not expire a statement.
 */
export function inlineLimits(sql: string, bindings: readonly unknown[]): { sql: string; bindings: unknown[] } | null {
  if (!/limit\s*\?/i.test(sql)) return null;
  let found = limitPlaceholders.get(sql);
  if (found === undefined) {
    found = findLimitPlaceholders(sql);
    if (limitPlaceholders.size >= LIMIT_TEXTS_REMEMBERED) limitPlaceholders.clear();
    limitPlaceholders.set(sql, found);
  }
  if (!found) return null;
  for (const p of found.positions) {
    const v = bindings[p];
    if (typeof v !== 'number' || !inlinedCount(v)) return null;
  }
  let text = found.parts[0] ?? '';
  for (let k = 0; k < found.positions.length; k++) text += String(bindings[found.positions[k] as number]) + found.parts[k + 1];
  const skip = new Set(found.positions);
  return { sql: text, bindings: bindings.filter((_, i) => !skip.has(i)) };
}

function cachedStatement(conn: CachingSqliteConn, sql: string): Promise<CachedStatement> {
  let cache = conn.__zcStatements;
  if (!cache) {
    cache = new Map();
    conn.__zcStatements = cache;
  }
  const hit = cache.get(sql);
  if (hit) {
    // Most recently used last: a Map iterates in insertion order, so the first key is the one to evict.
    cache.delete(sql);
    cache.set(sql, hit);
    return hit;
  }
  const prepared = new Promise<CachedStatement>((resolve, reject) => {
    const st = conn.prepare(sql, (err) => {
      if (err) {
        if (cache.get(sql) === prepared) cache.delete(sql);
        reject(err);
      } else resolve(st);
    });
  });
  cache.set(sql, prepared);
  if (cache.size > STATEMENT_CACHE_SIZE) {
    const [oldest, evicted] = cache.entries().next().value as [string, Promise<CachedStatement>];
    cache.delete(oldest);
    // finalize is queued behind any run still pending on that statement; with a callback, because node-sqlite3
    // emits an 'error' event nobody listens to (an uncaught exception) when a statement without one is finalized twice.
    evicted.then(
      (st) => st.finalize(() => undefined),
      () => undefined,
    );
  }
  return prepared;
}

async function finalizeStatements(conn: CachingSqliteConn): Promise<void> {
  const cache = conn.__zcStatements;
  if (!cache) return;
  conn.__zcStatements = undefined;
  const statements = await Promise.allSettled(cache.values());
  await Promise.all(
    statements.map((r) => (r.status === 'fulfilled' ? new Promise<void>((res) => r.value.finalize(() => res())) : undefined)),
  );
}

class SqliteCachingClient extends SqliteClient {
  /** Statements may be queued on a transaction's connection and sent together (db/write-later.ts). */
  get supportsWriteLater(): LiteralDialect {
    return 'sqlite';
  }
  async _query(connection: CachingSqliteConn & WriteLaterConnection, obj: KnexQueryObject) {
    if (!obj.sql) throw new Error('The query is empty');
    // The end of a transaction settles the counter hints its writes noted (db/write-later.ts committedHint).
    const ends = /^\s*(COMMIT|ROLLBACK(?:\s+TO)?)\b/i.exec(obj.sql)?.[1]?.toUpperCase();
    const q = obj as KnexQueryObject & { sql: string };
    if (ends === undefined) return this._send(connection, q);
    try {
      const r = await this._send(connection, q);
      settleHints(connection, ends, true);
      return r;
    } catch (err) {
      settleHints(connection, ends, false);
      throw err;
    }
  }
  private async _send(connection: CachingSqliteConn & WriteLaterConnection, obj: KnexQueryObject & { sql: string }) {
    // A script still on its way (a query issued beside another on one transaction) goes first: nothing overtakes it.
    await scriptsSent(connection);
    const head = obj.sql.trimStart().toUpperCase();
    const failed = connection.__zcFailed;
    if (failed !== undefined) {
      // A queued write failed: the transaction fails as a whole — every statement after it is refused until ROLLBACK,
      // and a COMMIT rolls back — even if a caller caught the error and went on (PostgreSQL aborts the transaction the
      // same way).
      takeQueued(connection);
      if (!/^ROLLBACK\s*;?\s*$/.test(head)) {
        if (head.startsWith('COMMIT')) {
          connection.__zcFailed = undefined;
          await execScript(connection, 'ROLLBACK').catch(() => undefined);
        }
        throw failed;
      }
      connection.__zcFailed = undefined;
    }
    let queued = takeQueued(connection);
    if (beginQueued(queued) && obj.options?.beforeBegin === true) {
      // A read asked for before the transaction's queued BEGIN (`beforeBegin`): it runs on its own (SQLite's autocommit
      // read of the last committed state) and the BEGIN, with anything queued after it, stays queued.
      connection.__zcLater = queued;
      queued = [];
    }
    if (queued.length) {
      const answered = () => {
        obj.response = [];
        return obj;
      };
      if (head.startsWith('COMMIT')) {
        // A transaction SQLite has not seen (BEGIN still queued) and nothing else: nothing to send.
        if (queued.length === 1 && beginQueued(queued)) return answered();
        // The queue and COMMIT in one trip; a failure anywhere in it rolls the whole transaction back.
        try {
          await sendScript(connection, `${queued.join(';\n')};\n${obj.sql}`);
        } catch (err) {
          await execScript(connection, 'ROLLBACK').catch(() => undefined);
          throw err;
        }
        return answered();
      }
      // ROLLBACK drops the queue — and is not sent when SQLite never saw the BEGIN. ROLLBACK TO SAVEPOINT drops what was
      // queued after the savepoint (setting it sent the queue before it).
      if (head.startsWith('ROLLBACK')) {
        if (beginQueued(queued)) return answered();
      } else {
        try {
          await sendScript(connection, queued.join(';\n'));
        } catch (err) {
          connection.__zcFailed = err;
          hintsFailed(connection);
          throw err;
        }
      }
    }
    if (/^\s*ROLLBACK\s*;?\s*$/i.test(obj.sql)) {
      // A script that failed at its BEGIN (another process held the lock past the busy timeout), or SQLite rolling back
      // by itself after an I/O error, leaves no transaction to roll back: that is not a second error hiding the first.
      try {
        await execScript(connection, obj.sql);
      } catch (err) {
        if (!/no transaction is active/.test((err as Error)?.message ?? '')) throw err;
      }
      obj.response = [];
      return obj;
    }
    const callMethod =
      obj.method === 'insert' || obj.method === 'update'
        ? obj.returning
          ? 'all'
          : 'run'
        : obj.method === 'counter' || obj.method === 'del'
          ? 'run'
          : 'all';
    const inlined = inlineLimits(obj.sql, obj.bindings ?? []);
    const sql = inlined?.sql ?? obj.sql;
    const bindings = inlined?.bindings ?? obj.bindings ?? [];
    statementRan(connection, sql);
    const entry = cachedStatement(connection, sql);
    const st = await entry;
    return new Promise((resolve, reject) => {
      const failed = (err: unknown) => {
        if (connection.__zcStatements?.get(sql) === entry) connection.__zcStatements.delete(sql);
        // Queued behind any other run of the statement; the error is answered once it is finalized.
        st.finalize(() => reject(err));
      };
      const done = function (this: unknown, err: Error | null, response?: unknown) {
        if (err) return failed(err);
        obj.response = response;
        // knex reads lastID / changes from the statement the callback is called on.
        obj.context = this;
        resolve(obj);
      };
      try {
        if (callMethod === 'all') st.all(bindings, done);
        else st.run(bindings, done);
      } catch (err) {
        failed(err); // a binding of a type SQLite cannot take
      }
    });
  }
  async destroyRawConnection(connection: CachingSqliteConn) {
    await finalizeStatements(connection);
    await new Promise<void>((resolve, reject) => connection.close((err) => (err ? reject(err) : resolve())));
  }
}

class SqliteImmediateClient extends SqliteCachingClient {
  transaction(...args: unknown[]) {
    return new ImmediateTransaction(this, ...args);
  }
}

/**
 * A PostgreSQL connection whose query timed out on the client side (a frozen server never answers) is thrown away:
 * its unanswered query still occupies it, and a later ROLLBACK dropped from its queue could leave the next user of
 * the connection inside the timed-out transaction.
 */
class PgDisposingClient extends PgClient {
  /** Statements may be queued on a transaction's connection and sent together (db/write-later.ts). */
  get supportsWriteLater(): LiteralDialect {
    return 'postgres';
  }
  transaction(...args: unknown[]) {
    return new QueuedBeginPgTransaction(this, ...args);
  }
  async _query(connection: PgConnection & WriteLaterConnection, obj: KnexQueryObject) {
    if (!obj.sql) throw new Error('The query is empty');
    takePlanOnce(obj);
    await scriptsSent(connection);
    const sql = obj.sql.trimStart().toUpperCase();
    // The transaction's first statement, to go with its queued BEGIN, as EXECUTE of a kept statement — prepared (when
    // it is to be) before the queue is taken: outside the transaction, which has not reached PostgreSQL yet.
    const first = beginQueued(connection.__zcLater ?? []);
    // Its literal form, found once (undefined: not the transaction's first statement; null: it cannot go with literals).
    const firstOwn = first ? (plainStatement(sql, obj) ? inlineNumbered(obj.sql, obj.bindings ?? []) : null) : undefined;
    const executed = firstOwn ? await this.executeForm(connection, obj) : null;
    // A BEGIN starts a transaction of its own: anything still queued belonged to one that ended without COMMIT or
    // ROLLBACK reaching the connection, and is dropped.
    const taken = takeQueued(connection);
    const queued = sql.startsWith('BEGIN') ? [] : taken;
    const failed = connection.__zcFailed;
    // A value awaited from a queued statement (`queueAnswering`) belongs to the transaction that ends here (at COMMIT,
    // once the script that answers it has been sent, below).
    if (/^ROLLBACK\s*;?\s*$/.test(sql) || (sql.startsWith('COMMIT') && failed !== undefined)) connection.__zcTaps = undefined;
    if (sql.startsWith('BEGIN') || /^ROLLBACK\s*;?\s*$/.test(sql)) connection.__zcFailed = undefined;
    else if (failed !== undefined && sql.startsWith('COMMIT')) {
      // PostgreSQL aborted the transaction at a queued write that failed; a COMMIT would answer ROLLBACK as if it were
      // an answer: the failure is the transaction's.
      connection.__zcFailed = undefined;
      await this.sendQuery(connection, { sql: 'ROLLBACK', bindings: [] }).catch(() => undefined);
      throw failed;
    }
    if (queued.length && beginQueued(queued) && (sql.startsWith('COMMIT') || /^ROLLBACK\s*;?\s*$/.test(sql))) {
      // The transaction never reached PostgreSQL (its BEGIN still queued): a COMMIT with nothing else queued, or a
      // ROLLBACK, has nothing to send. Whatever else was queued goes with the COMMIT below.
      if (queued.length === 1 || !sql.startsWith('COMMIT')) {
        obj.response = { command: sql.startsWith('COMMIT') ? 'COMMIT' : 'ROLLBACK', rows: [], rowCount: 0 };
        return obj;
      }
    }
    if (queued.length) {
      // A script without parameters goes by the simple query protocol, which takes several statements in one message.
      // PostgreSQL times each statement of it (statement_timeout); the client gives the whole message as many times
      // that, so it never gives up on a script the server is still allowed to finish (a COMMIT it would then not know of).
      const script = async (text: string, statements: number): Promise<unknown> => {
        const perStatement = Number(connection.connectionParameters?.query_timeout ?? 0);
        const options = perStatement > 0 ? { query_timeout: (perStatement - 2_000) * statements + 2_000 } : undefined;
        let answer: unknown;
        await sendScript(connection, text, async () => {
          answer = (await this.sendQuery(connection, { sql: text, bindings: [], ...(options ? { options } : {}) })).response;
        });
        deliverAnswers(connection, answer);
        return answer;
      };
      if (sql.startsWith('COMMIT')) {
        // The queue and COMMIT in one round trip; a failure anywhere in it rolls the whole transaction back.
        const form = this.scriptText(connection, queued);
        try {
          await script(`${form.text};\n${obj.sql}`, queued.length + 1);
          keepPrepared(connection, form.fresh);
        } catch (err) {
          preparedInFailedScript(connection, form.fresh, err);
          await this.sendQuery(connection, { sql: 'ROLLBACK', bindings: [] }).catch(() => undefined);
          throw err;
        } finally {
          connection.__zcTaps = undefined;
        }
        obj.response = { command: 'COMMIT', rows: [], rowCount: 0 };
        return obj;
      }
      // A statement whose parameters are numbers only (a case's row locked and read by id, the year's serial taken)
      // goes in the same message as the queue, written with its literals (db/write-later.ts inlineNumbered): one round
      // trip instead of two. Its answer is the message's last.
      // Not a statement with options of its own, nor one timed on its own (knex's `.timeout()` would cancel the whole
      // message, the queued writes with it).
      const own = firstOwn !== undefined ? firstOwn : plainStatement(sql, obj) ? inlineNumbered(obj.sql, obj.bindings ?? []) : null;
      if (own !== null) {
        // The EXECUTE form stands only while the queue still holds the BEGIN (another statement of the transaction
        // may have taken the queue while the PREPARE was on its way).
        const text = executed !== null && beginQueued(queued) ? executed : own;
        const form = this.scriptText(connection, queued);
        let answer: unknown;
        try {
          answer = await script(`${form.text};\n${text}`, queued.length + 1);
          keepPrepared(connection, form.fresh);
        } catch (err) {
          preparedInFailedScript(connection, form.fresh, err);
          connection.__zcFailed = err;
          // The schema changed under the kept statement: the transaction's first message failed as a whole, nothing
          // of it was done, and its unit of work runs again (from the start: nothing before it reached the database).
          if (text !== own && isStalePrepared(err)) {
            staleSchema(connection, err);
            throw retryable(err);
          }
          throw err;
        }
        obj.response = Array.isArray(answer) ? answer.at(-1) : answer;
        return obj;
      }
      // ROLLBACK drops the queue; ROLLBACK TO SAVEPOINT drops what was queued after the savepoint.
      if (!sql.startsWith('ROLLBACK')) {
        const form = this.scriptText(connection, queued);
        try {
          await script(form.text, queued.length);
          keepPrepared(connection, form.fresh);
        } catch (err) {
          preparedInFailedScript(connection, form.fresh, err);
          connection.__zcFailed = err;
          throw err;
        }
      }
    }
    const answer = await this.sendQuery(connection, obj);
    // COMMIT in a transaction PostgreSQL aborted (a statement failed and its caller went on) rolls back and says so only
    // in its command tag: a write answered as stored that is not.
    const tag = (answer as { response?: { command?: string } })?.response?.command;
    if (sql.startsWith('COMMIT') && tag === 'ROLLBACK') throw new Error('COMMIT rolled back: a statement of the transaction had failed');
    return answer;
  }
  async sendQuery(connection: PgConnection, obj: KnexQueryObject) {
    // Statements outside a transaction only: a write's statements with parameters vary in shape and selectivity (the
    // duplicate check of a registration, kept with a generic plan chosen while the tables were small, took 47 ms a run
    // against 0.2 ms planned for its values — measured on issue 15). The case load that begins a write is kept, as
    // EXECUTE (`executeForm`): a lookup by id, one plan for every id. A statement whose plan cannot depend on its values
    // (db/fixed-query.ts `planOnce`: the registration's inserts, the applicant lookup) is kept inside one too.
    const named = prepareRepeated(connection, obj, this.transacting && !(obj as PlanOnce)[PLAN_ONCE_MARK] ? 0 : this.preparedLimit());
    try {
      return await super._query(connection, obj);
    } catch (err) {
      if ((err as Error)?.message === 'Query read timeout') {
        connection.__knex__disposed = err;
        connection.connection?.stream?.destroy();
      }
      if (named && isStalePrepared(err)) {
        // The schema changed under a prepared statement (a column added to a table it reads with `*`, by a migration of
        // another process): the statement did nothing. The connection, with its prepared statements, is dropped when
        // it is next taken from the pool, and every connection of the process prepares anew (`staleSchema`). The
        // statement runs again unprepared.
        staleSchema(connection, err);
        // Inside a transaction the failure aborted it: its unit of work runs again (app/unit-of-work.ts).
        if (this.transacting) throw retryable(err);
        obj.options = {};
        return await super._query(connection, obj);
      }
      throw err;
    }
  }
  /**
   * The queued statements as one script: a statement queued with its template (db/write-later.ts `QueuedStatement`) as
   * `EXECUTE` of the statement the connection prepared from it, so PostgreSQL neither parses nor plans it again — the
   * second time the connection sees the template it is prepared in the script itself, right before its first EXECUTE
   * (inside the transaction, which a PREPARE does not disturb; `fresh`, kept once the script has run: `keepPrepared`).
   * Within `preparedLimit`, counted with the statements `prepareRepeated` and `executeForm` keep, whose names it shares.
   * Everything else goes as its literal text.
   */
  scriptText(connection: PgConnection, queued: readonly Queued[]): { text: string; fresh: [string, string][] } {
    const limit = this.preparedLimit();
    const fresh: [string, string][] = [];
    const parts: string[] = [];
    const kept = limit > 0 ? keptOn(connection) : null;
    for (const q of queued) {
      if (!(q instanceof QueuedStatement) || kept === null || Number.isNaN(kept.epoch) || q.template.length > PREPARED_TEXT_MAX) {
        parts.push(String(q));
        continue;
      }
      let name = kept.executed.get(q.template) ?? fresh.find(([t]) => t === q.template)?.[1];
      if (name === undefined && !UNPREPARABLE.has(q.template)) {
        if (!kept.seen.has(q.template) || kept.named.size + kept.executed.size + fresh.length >= limit) {
          if (kept.seen.size >= SEEN_PER_CONNECTION) kept.seen.clear();
          kept.seen.add(q.template);
        } else {
          name = `zcx${preparedEpoch}_${createHash('sha1').update(q.template).digest('hex')}`;
          fresh.push([q.template, name]);
          parts.push(`PREPARE ${name} AS ${q.template}`);
        }
      }
      parts.push(name ? `EXECUTE ${name}(${q.args.join(', ')})` : q.text);
    }
    return { text: parts.join(';\n'), fresh };
  }
  /** Statements kept prepared per connection (`prepareRepeated`); 0: none. */
  preparedLimit(): number {
    return Number(this.config?.zcPreparedPerConnection ?? 0);
  }
  /**
   * A statement with number parameters only, sent in one message with the queue (a simple query, which takes no
   * parameters): as `EXECUTE` of a statement prepared on the connection, once the connection has seen its text twice —
   * PostgreSQL neither parses nor (with a generic plan) plans the case load of every write again (issue 15: planning
   * was 0.6 ms of the 0.9 ms it cost per ACCEPT). The statement is prepared by a message of its own, once per connection
   * (PREPARE is not undone by a rollback). Only for a statement `inlineNumbered` can write with literals (the caller
   * has asked). Null: send it with its literals.
   */
  async executeForm(connection: PgConnection, obj: KnexQueryObject): Promise<string | null> {
    const sql = obj.sql ?? '';
    const bindings = obj.bindings ?? [];
    const limit = this.preparedLimit();
    if (limit <= 0 || !bindings.length || sql.length > PREPARED_TEXT_MAX || bindings.length > PREPARED_BINDINGS_MAX) return null;
    const kept = keptOn(connection);
    let name = kept.executed.get(sql);
    if (name === undefined) {
      if (!kept.seen.has(sql) || kept.named.size + kept.executed.size >= limit) {
        if (kept.seen.size >= SEEN_PER_CONNECTION) kept.seen.clear();
        kept.seen.add(sql);
        return null;
      }
      kept.seen.delete(sql);
      const fresh = `zcx${preparedEpoch}_${createHash('sha1').update(sql).digest('hex')}`;
      try {
        // Outside any transaction (the caller's BEGIN is still queued): a PREPARE that fails aborts nothing.
        await this.sendQuery(connection, { sql: `PREPARE ${fresh} AS ${sql}`, bindings: [] });
      } catch (err) {
        // The connection is gone (a read timeout): the statement fails the way it would have.
        if (connection.__knex__disposed) throw err;
        // A text PostgreSQL cannot prepare on its own (a parameter whose type only its value tells) goes with literals.
        kept.executed.set(sql, '');
        return null;
      }
      name = fresh;
      kept.executed.set(sql, name);
    }
    if (name === '') return null;
    const args = bindings.map((b) => pgLiteral(b));
    if (args.some((a) => a === null)) return null;
    return args.length ? `EXECUTE ${name}(${args.join(', ')})` : `EXECUTE ${name}`;
  }
}

/**
 * Bumped when PostgreSQL refuses a kept statement because the schema changed under it: every connection of the process
 * then forgets what it kept and prepares under new names (a name PostgreSQL still holds cannot be prepared again).
 * Performance only — a process that never sees the refusal keeps its statements, and PostgreSQL re-plans them itself.
 */
let preparedEpoch = 0;

/**
 * What a connection keeps prepared (its statements, named or run by EXECUTE, count together against the limit). A
 * connection that kept statements before the process's epoch moved on is dropped after this use — the statements it
 * holds on the server go with it — and prepares nothing meanwhile.
 */
function keptOn(connection: PgConnection): NonNullable<PgConnection['__zcKept']> {
  const kept = connection.__zcKept;
  if (kept && kept.epoch !== preparedEpoch) {
    connection.__knex__disposed ??= new Error('prepared statements of a schema that changed');
    kept.named.clear();
    kept.executed.clear();
    kept.seen.clear();
    kept.epoch = Number.NaN;
    return kept;
  }
  connection.__zcKept ??= { epoch: preparedEpoch, named: new Map(), executed: new Map(), seen: new Set() };
  return connection.__zcKept;
}

/** A kept statement refused: the connection goes, and — once per change, not per refusal — every other one with it. */
function staleSchema(connection: PgConnection, err: unknown): void {
  connection.__knex__disposed = err;
  if (connection.__zcKept?.epoch === preparedEpoch) preparedEpoch++;
}

/** A statement sent as it is (no rollback or savepoint, no options or timeout of its own). */
function plainStatement(upper: string, obj: KnexQueryObject): boolean {
  return !/^(ROLLBACK|SAVEPOINT|RELEASE)/.test(upper) && Object.keys(obj.options ?? {}).length === 0 && !obj.timeout;
}

const RETRYABLE = Symbol('zc.retryable');
function retryable(err: unknown): unknown {
  if (err && typeof err === 'object') (err as { [RETRYABLE]?: boolean })[RETRYABLE] = true;
  return err;
}
/**
 * A failure that did nothing and that running the whole unit of work again resolves: a kept statement PostgreSQL refused
 * because the schema changed under it (the connection is dropped, every connection prepares anew). Asked by
 * app/unit-of-work.ts, which runs the transaction again.
 */
export function isRetryableStatement(err: unknown): boolean {
  return Boolean(err && typeof err === 'object' && (err as { [RETRYABLE]?: boolean })[RETRYABLE]);
}

/**
 * Statements PostgreSQL keeps parsed on a connection (named prepared statements), at most `limit` per connection
 * (DB_PG_PREPARED_PER_CONNECTION, default 64; 0 turns it off — e.g. behind a pooler in transaction mode that does not
 * carry prepared statements from one client to the next).
 *
 * A statement sent with parameters (the extended protocol) is parsed and planned by PostgreSQL every time it comes
 * unnamed: for the case read, the list page and the session lookup that is most of the server's work (measured on
 * issue 15, parse + plan ≈ 1.5 ms against 0.1 ms to run the list page). Sent under a name, it is parsed once per
 * connection, and after five runs PostgreSQL may keep a generic plan when that costs no more than planning each run.
 * A statement's text is named the second time the connection sees it, so one-off texts take no room; a long text
 * (an IN list of many ids) is never named. The names are a digest of the text (node-pg refuses a name reused for
 * another text), and hold no value: the values stay bound.
 *
 * Only statements outside a transaction — the reads. A statement that fails because the schema changed under it can
 * then always run again unprepared: inside a transaction the failure would fail the transaction (a write after a
 * rolling deploy's migration), which no retry here could undo. (A transaction's first statement is kept the other way,
 * `executeForm`: its failure fails only that first message, and the unit of work runs again.)
 */
function prepareRepeated(connection: PgConnection, obj: KnexQueryObject, limit: number): boolean {
  const sql = obj.sql;
  if (limit <= 0 || !sql || !obj.bindings?.length || Object.keys(obj.options ?? {}).length > 0) return false;
  if (sql.length > PREPARED_TEXT_MAX || obj.bindings.length > PREPARED_BINDINGS_MAX) return false;
  const kept = keptOn(connection);
  const prepared = kept.named;
  let name = prepared.get(sql);
  if (name === undefined) {
    const seen = kept.seen;
    if (!seen.has(sql) || prepared.size + kept.executed.size >= limit) {
      if (seen.size >= SEEN_PER_CONNECTION) seen.clear();
      seen.add(sql);
      return false;
    }
    seen.delete(sql);
    name = `zc${preparedEpoch}_${createHash('sha1').update(sql).digest('hex')}`;
    prepared.set(sql, name);
  }
  obj.options = { name };
  return true;
}
const PLAN_ONCE_MARK = Symbol('zc.planOnce');
type PlanOnce = KnexQueryObject & { [PLAN_ONCE_MARK]?: true };
/**
 * `planOnce` (db/fixed-query.ts) asked for the statement to be kept prepared inside a transaction: noted on the query
 * object and taken out of its options — which go to node-pg as the query config, and whose emptiness marks a statement
 * that may be sent with the transaction's queue (`plainStatement`).
 */
function takePlanOnce(obj: KnexQueryObject): void {
  if (obj.options?.[PLAN_ONCE] !== true) return;
  const { [PLAN_ONCE]: _, ...rest } = obj.options;
  obj.options = rest;
  (obj as PlanOnce)[PLAN_ONCE_MARK] = true;
}
/** Texts seen once, remembered per connection until this many (then forgotten together). */
const SEEN_PER_CONNECTION = 256;
/** Longer texts, or more parameters, are not kept (IN lists of many ids: one-off, and large). */
const PREPARED_TEXT_MAX = 8_000;
const PREPARED_BINDINGS_MAX = 100;

/**
 * PostgreSQL refusing a prepared statement after a schema change (known by the server routine, which is not translated
 * the way the message is under a Chinese `lc_messages`), or one the session no longer has.
 */
function isStalePrepared(err: unknown): boolean {
  const e = err as { code?: string; routine?: string; message?: string };
  if (e?.code === '26000') return true;
  return e?.code === '0A000' && (e.routine === 'RevalidateCachedQuery' || /cached plan must not change result type/.test(e.message ?? ''));
}

/** A script that prepared statements (`scriptText`) ran: the connection keeps them. */
function keepPrepared(connection: PgConnection, fresh: readonly [string, string][]): void {
  if (!fresh.length) return;
  const kept = keptOn(connection);
  if (Number.isNaN(kept.epoch)) return;
  for (const [template, name] of fresh) {
    kept.seen.delete(template);
    kept.executed.set(template, name);
  }
}

/**
 * A script that was to prepare statements failed: whether its PREPAREs ran is not known, so the connection goes after
 * this use (its prepared statements with it; `fresh` is not kept). A failure PostgreSQL gives only to a statement it
 * cannot prepare — a parameter whose type nothing tells — marks those templates never to be prepared in this process,
 * and the unit of work runs again (the transaction rolled back as a whole; app/unit-of-work.ts); so does a schema
 * changed under a kept statement (`isStalePrepared`).
 */
function preparedInFailedScript(connection: PgConnection, fresh: readonly [string, string][], err: unknown): void {
  if (isStalePrepared(err)) {
    staleSchema(connection, err);
    retryable(err);
    return;
  }
  if (!fresh.length) return;
  connection.__knex__disposed ??= err instanceof Error ? err : new Error('a script that prepared statements failed');
  if (UNPREPARABLE_CODES.has(String((err as { code?: string })?.code))) {
    if (UNPREPARABLE.size > 1_000) UNPREPARABLE.clear();
    for (const [template] of fresh) UNPREPARABLE.add(template);
    retryable(err);
  }
}
/** Templates PostgreSQL would not prepare (performance only: they go as literal text). */
const UNPREPARABLE = new Set<string>();
/**
 * indeterminate_datatype, ambiguous_parameter: errors only a parameter without a type gives — a literal statement of the
 * same script cannot raise them, so a script failing with one failed at its PREPARE (reviewer, stop 43).
 */
const UNPREPARABLE_CODES = new Set(['42P18', '42P08']);
/**
 * A PostgreSQL transaction whose BEGIN is queued (db/write-later.ts queueBegin): it goes with the transaction's first
 * statement when that one can share a message (`inlineNumbered`), else on its own right before it; a transaction that
 * ends before anything was sent sends nothing. An isolation level or read-only mode is begun at once, as knex does.
 */
class QueuedBeginPgTransaction extends PgTransaction {
  begin(conn: WriteLaterConnection) {
    if (this.isolationLevel || this.readOnly) return super.begin(conn);
    queueBegin(conn, PG_BEGIN);
    return Promise.resolve();
  }
}

/**
 * A write transaction's BEGIN on PostgreSQL, with the plan mode of the statements it runs prepared (`executeForm`,
 * `scriptText`: the case row locked and loaded by id, the queued inserts and updates): the plan made once (a generic
 * plan), as those statements are kept prepared for. Left to its default (`auto`) PostgreSQL planned the ACCEPT's case
 * load again at most executions — a custom plan, ~0.6 ms of planning for ~0.4 ms of work (issue 15, stop 64,
 * pg_stat_statements: 1,370 plans for 2,442 executions; with the generic plan 10 for 3,372, 0.2 ms of work). `SET
 * LOCAL` ends with the transaction; the reads kept prepared outside transactions (`prepareRepeated`: a list page's
 * limit and filters) keep the default. In the same message as BEGIN: no round trip of its own. (PostgreSQL ≥ 12.)
 */
const PG_BEGIN = 'BEGIN; SET LOCAL plan_cache_mode = force_generic_plan';
interface PgConnection {
  __knex__disposed?: unknown;
  /**
   * What this connection keeps prepared, as of the process's `preparedEpoch`: statement texts by their names, sent
   * with parameters (`prepareRepeated`) or run by EXECUTE in a simple query (`executeForm`; '' for a text that could
   * not be prepared), and the texts seen once (by either: a text read outside a transaction and then loaded by a write
   * counts as seen twice). `epoch` NaN: the connection is to be dropped, and keeps nothing more.
   */
  __zcKept?: { epoch: number; named: Map<string, string>; executed: Map<string, string>; seen: Set<string> };
  /** The error of a queued write that failed (PostgreSQL aborted its transaction). */
  __zcFailed?: unknown;
  /** node-pg's client settings: `query_timeout` is the client-side limit of one query (statement timeout + 2 s). */
  connectionParameters?: { query_timeout?: number };
  connection?: { stream?: { destroy(): void } };
}

/** The SQLite file a DATABASE_URL names (absolute), or null for PostgreSQL and `:memory:`. */
export function sqliteFileOf(url: string): string | null {
  if (!url.startsWith('sqlite:')) return null;
  const f = url.slice('sqlite:'.length);
  return f === ':memory:' ? null : path.resolve(f);
}

/**
 * knex's own warnings ("Connection Error: …", "Acquire connection error: …") come once per failed connection attempt:
 * during an outage, hundreds a second. At most 10 lines a minute, then one line counting the rest.
 */
function knexLog(): Knex.Config['log'] {
  let windowStart = Number.NEGATIVE_INFINITY;
  let used = 0;
  let suppressed = 0;
  const write = (level: string) => (message: unknown) => {
    const now = Date.now();
    if (now - windowStart >= 60_000) {
      if (suppressed) process.stderr.write(`knex: ${suppressed} more warnings suppressed in the last minute\n`);
      windowStart = now;
      used = 0;
      suppressed = 0;
    }
    if (used++ < 10) process.stderr.write(`knex ${level}: ${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
    else suppressed++;
  };
  return { warn: write('warn'), error: write('error'), deprecate: write('deprecate'), debug: () => undefined };
}

/**
 * `sqlite:<file>` (embedded default; the file and its folder are created) or `postgres://…`.
 * SQLite: WAL journal, foreign keys on, a busy timeout, `BEGIN IMMEDIATE` for transactions, and a single connection
 * so that every transaction of the process is serialized (the case-number allocator relies on it; PostgreSQL relies on
 * row locks). PostgreSQL: statement and lock timeouts, a client-side read timeout, a bounded pool.
 */
export function openDatabase(url: string, options: Partial<DatabaseOptions> = {}): Database {
  const o = { ...DEFAULT_DATABASE_OPTIONS, ...options };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const connection: Record<string, unknown> = {
      connectionString: url,
      application_name: o.applicationName,
      keepAlive: true,
      connectionTimeoutMillis: Math.min(o.acquireTimeoutMs, 5_000),
      // A transaction left open by a process that froze or lost its way is ended by the server, releasing its locks.
      idle_in_transaction_session_timeout: o.statementTimeoutMs ? Math.max(60_000, o.statementTimeoutMs * 2) : 0,
    };
    if (o.statementTimeoutMs) {
      connection.statement_timeout = o.statementTimeoutMs;
      connection.query_timeout = o.statementTimeoutMs + 2_000;
    }
    if (o.lockTimeoutMs) connection.lock_timeout = o.lockTimeoutMs;
    const config: Knex.Config = {
      client: PgDisposingClient as unknown as Knex.Config['client'],
      connection,
      // Read by PgDisposingClient as `this.config.zcPreparedPerConnection` (knex copies the config's keys).
      ...{ zcPreparedPerConnection: o.pgPreparedPerConnection },
      // Error messages carry the SQL with placeholders, never the bound values (identity numbers, names).
      compileSqlOnError: false,
      // Nothing acknowledged is lost: a commit is answered only once PostgreSQL has written it to its log. A server
      // run with synchronous_commit=off (a throwaway or tuned instance) would answer first and lose the last
      // commits if it crashed (outside reliability tester: an acknowledged event gone after `pg_ctl stop -m
      // immediate`). Raised to `on` for this process's connections only when it is off; a stricter setting stays.
      pool: {
        min: 0,
        max: o.poolMax,
        afterCreate: (
          conn: { query(sql: string, cb: (err: Error | null) => void): void; end(): unknown },
          done: (err: Error | null, c: unknown) => void,
        ) =>
          conn.query(`select set_config('synchronous_commit', 'on', false) where current_setting('synchronous_commit') = 'off'`, (err) => {
            // A connection that could not be set is closed, not left open beside the pool.
            if (err) conn.end();
            done(err, conn);
          }),
      },
      acquireConnectionTimeout: o.acquireTimeoutMs,
      log: knexLog(),
    };
    const knex = knexFactory(config);
    // Code (and released migrations) ask `client.config.client === 'pg'`; the class above is knex's pg client.
    knex.client.config.client = 'pg';
    return { knex, reader: knex, dialect: 'postgres', sqliteFile: null, close: () => knex.destroy() };
  }
  if (!url.startsWith('sqlite:')) {
    throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got "${url}"`);
  }
  const filename = url.slice('sqlite:'.length);
  if (filename !== ':memory:') createPrivately(filename);
  const busy = Math.max(0, Math.trunc(o.busyTimeoutMs));
  const knex = knexFactory({
    client: SqliteImmediateClient as unknown as Knex.Config['client'],
    connection: { filename },
    compileSqlOnError: false,
    useNullAsDefault: true,
    acquireConnectionTimeout: o.acquireTimeoutMs,
    log: knexLog(),
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: SqliteConn, done: (err: Error | null, conn: SqliteConn) => void) => {
        conn.exec(
          `PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${busy}; PRAGMA synchronous = NORMAL;`,
          (err) => done(err, conn),
        );
      },
    },
  });
  knex.client.config.client = 'sqlite3';
  // Reads outside a write go to their own connections: in WAL mode a reader sees the last committed state and neither
  // waits for the writer nor makes it wait, so a case read never queues behind a registration. `query_only` makes a
  // write through them fail loudly. A `:memory:` database is private to its one connection: it reads through it.
  const readers = Math.max(0, Math.trunc(o.sqliteReaders));
  const reader =
    filename === ':memory:' || readers === 0
      ? knex
      : knexFactory({
          client: SqliteCachingClient as unknown as Knex.Config['client'],
          connection: { filename },
          compileSqlOnError: false,
          useNullAsDefault: true,
          acquireConnectionTimeout: o.acquireTimeoutMs,
          log: knexLog(),
          pool: {
            min: 0,
            max: readers,
            afterCreate: (conn: SqliteConn, done: (err: Error | null, conn: SqliteConn) => void) => {
              conn.exec(`PRAGMA busy_timeout = ${busy}; PRAGMA query_only = ON;`, (err) => done(err, conn));
            },
          },
        });
  if (reader !== knex) reader.client.config.client = 'sqlite3';
  return {
    knex,
    reader,
    dialect: 'sqlite',
    sqliteFile: filename === ':memory:' ? null : path.resolve(filename),
    close: async () => {
      if (reader !== knex) await reader.destroy();
      await knex.destroy();
    },
  };
}

interface SqliteConn {
  exec(sql: string, cb: (err: Error | null) => void): void;
}

/**
 * Advisory locks (PostgreSQL) of this application: one namespace, one number per purpose. Session locks are taken on a
 * dedicated connection and held while `fn` runs; a process that dies releases them with its connection.
 */
export const ADVISORY_LOCKS = {
  startup: 1,
  dailySweep: 2,
  auditLog: 3,
  calendarRecompute: 4,
  statCounters: 5,
  statReprojection: 6,
  answerFlagReflag: 7,
} as const;
const LOCK_NAMESPACE = 0x7a63; // "zc"

/**
 * Runs `fn` while holding the named advisory lock. `wait: false` → returns `{acquired: false}` at once when another
 * session holds it; `wait: true` → waits (polling, so no statement timeout applies) up to `maxWaitMs`.
 * SQLite has no other process to exclude (single-process by design): `fn` simply runs.
 */
/**
 * What a holder of an advisory lock can ask while it works: whether the lock is still its own. A session lock goes with
 * its connection: when PostgreSQL ends that session (pg_terminate_backend, a restart, a network cut the driver sees),
 * another process may take the lock at once, so work done on other connections must stop — two daily sweeps ran side by
 * side for 13 s when it did not (reliability tester s41, M1).
 */
export interface LockLease {
  /** True once the lock's connection has failed or ended. */
  lost(): boolean;
  /** Throws when the lock is lost: before a step that must not run twice at once. */
  assertHeld(): void;
}

export class LockLostError extends Error {
  constructor(lock: string) {
    super(`the ${lock} advisory lock was lost with its database session; the work stopped and is left to the next holder`);
  }
}

const HELD: LockLease = { lost: () => false, assertHeld: () => {} };

export async function withAdvisoryLock<T>(
  db: Database,
  lock: keyof typeof ADVISORY_LOCKS,
  fn: (lease: LockLease) => Promise<T>,
  opts: { wait: boolean; maxWaitMs?: number } = { wait: true },
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  if (db.dialect !== 'postgres') return { acquired: true, value: await fn(HELD) };
  const client = db.knex.client;
  const conn = (await client.acquireConnection()) as import('node:events').EventEmitter;
  let lost = false;
  const onLost = () => {
    lost = true;
  };
  conn.on('error', onLost);
  conn.on('end', onLost);
  const lease: LockLease = {
    lost: () => lost,
    assertHeld: () => {
      if (lost) throw new LockLostError(lock);
    },
  };
  try {
    const key = ADVISORY_LOCKS[lock];
    const deadline = Date.now() + (opts.maxWaitMs ?? 10 * 60_000);
    for (;;) {
      const r = await db.knex.raw('select pg_try_advisory_lock(?, ?) as ok', [LOCK_NAMESPACE, key]).connection(conn);
      if (r.rows[0].ok) break;
      if (!opts.wait) return { acquired: false };
      if (Date.now() > deadline) throw new Error(`timed out waiting for the ${lock} lock`);
      await new Promise((res) => setTimeout(res, 100 + Math.random() * 150));
    }
    try {
      return { acquired: true, value: await fn(lease) };
    } finally {
      if (!lost)
        await db.knex
          .raw('select pg_advisory_unlock(?, ?)', [LOCK_NAMESPACE, key])
          .connection(conn)
          .catch(() => undefined);
    }
  } finally {
    conn.off('error', onLost);
    conn.off('end', onLost);
    await client.releaseConnection(conn);
  }
}

/** A transaction-scoped advisory lock (PostgreSQL): held until the caller's transaction ends. No-op on SQLite. */
export async function advisoryXactLock(trx: Knex, lock: keyof typeof ADVISORY_LOCKS): Promise<void> {
  if (trx.client.config.client !== 'pg') return;
  await trx.raw('select pg_advisory_xact_lock(?, ?)', [LOCK_NAMESPACE, ADVISORY_LOCKS[lock]]);
}

/** `advisoryXactLock` without waiting: false when another transaction holds it (SQLite: always true). */
export async function tryAdvisoryXactLock(trx: Knex, lock: keyof typeof ADVISORY_LOCKS): Promise<boolean> {
  if (trx.client.config.client !== 'pg') return true;
  const r = await trx.raw('select pg_try_advisory_xact_lock(?, ?) as ok', [LOCK_NAMESPACE, ADVISORY_LOCKS[lock]]);
  return r.rows[0]?.ok === true;
}

/**
 * Runs the migrations. On PostgreSQL under the startup advisory lock, so that N processes started together on an empty
 * database migrate once (knex's own lock table does not cover creating that table).
 */
export async function migrateLatest(db: Database): Promise<void> {
  if (db.dialect === 'postgres') await assertPostgresSupported(db);
  await withAdvisoryLock(db, 'startup', () => migrateToLatest(db.knex));
}

/**
 * What the PostgreSQL database must be: UTF8 (the parties' names, the documents' text — and an ACCEPT's history entry is
 * numbered with a private-use character where its serial goes, db/stores/cases.ts `SERIAL_MARK`) and PostgreSQL 12 or
 * later (11: `sha256`, with which that entry's hash is computed; 12: `plan_cache_mode`, which the duplicate check's
 * candidates read sets for itself, db/stores/cases.ts — reviewer s59 B). Refused at startup with what to do, not at the first
 * acceptance.
 */
export async function assertPostgresSupported(db: Database): Promise<void> {
  const r = await db.knex.raw(
    "select current_setting('server_encoding') as encoding, current_setting('server_version_num')::integer as version",
  );
  const row = (r as { rows: { encoding: string; version: number }[] }).rows[0];
  if (row?.encoding !== 'UTF8')
    throw new Error(`The PostgreSQL database uses encoding ${row?.encoding}; Zhongcai needs UTF8 (createdb -E UTF8 -T template0 …)`);
  if (Number(row.version) < 120000) throw new Error(`PostgreSQL ${row.version} is too old; Zhongcai needs PostgreSQL 12 or later`);
}

export async function migrateRollbackAll(db: Database): Promise<void> {
  await db.knex.migrate.rollback({ migrationSource }, true);
}

/** True when the error is a unique-constraint violation on either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; message?: string };
  return e?.code === '23505' || (e?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(e.message ?? ''));
}

/** What kind of database fault an error is — each answers 503 — or null for anything else. */
export type DatabaseFault = 'unavailable' | 'busy' | 'timeout' | 'full' | 'read_only';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'ENETUNREACH',
]);

/**
 * Classifies a driver error (pg SQLSTATE, node network codes, SQLite result codes, knex pool timeouts). The one place
 * that knows what "the database is unavailable, busy or full" looks like on each driver.
 */
export function classifyDatabaseError(err: unknown): DatabaseFault | null {
  const e = err as { code?: unknown; name?: string; message?: string } | null;
  if (!e || typeof e !== 'object') return null;
  const code = typeof e.code === 'string' ? e.code : '';
  const msg = e.message ?? '';
  if (e.name === 'KnexTimeoutError') return 'busy'; // every pooled connection stayed busy (or a new one never opened)
  if (NETWORK_CODES.has(code)) return 'unavailable';
  // SQLite result codes (node-sqlite3 puts the name in `code`).
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'busy';
  if (code === 'SQLITE_FULL') return 'full';
  // A database that answers but takes no writes (a file or folder made read-only, a standby after a failover, the
  // database set default_transaction_read_only): said as such, not as one that cannot be reached (reliability tester).
  if (code === 'SQLITE_READONLY') return 'read_only';
  if (['SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_NOMEM', 'SQLITE_PROTOCOL'].includes(code)) return 'unavailable';
  // PostgreSQL SQLSTATE.
  if (/^[0-9A-Z]{5}$/.test(code)) {
    if (code === '53100') return 'full'; // disk_full
    if (code.startsWith('53')) return 'busy'; // insufficient resources: memory, connections, limits
    if (code === '25006') return 'read_only'; // read_only_sql_transaction
    if (code.startsWith('08') || ['57P01', '57P02', '57P03', '58030'].includes(code)) return 'unavailable';
    if (code === '57014') return 'timeout'; // statement_timeout (query_canceled)
    if (code === '55P03' || code === '40001' || code === '40P01') return 'busy'; // lock timeout, serialization, deadlock
    return null;
  }
  // Driver messages without a code; knex prefixes the statement ("ROLLBACK - Connection terminated unexpectedly").
  const driver =
    /(?:^|- )(Connection terminated|Query read timeout|timeout expired$|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|Unable to acquire a connection|Knex: Timeout acquiring a connection)/.exec(
      msg,
    );
  if (driver) return driver[1] === 'Query read timeout' ? 'timeout' : driver[1]?.startsWith('Knex') ? 'busy' : 'unavailable';
  return null;
}

export class ServerAlreadyRunningError extends Error {}

/**
 * A database file of a fresh install, made readable by its owner only before SQLite opens it (outside tester s45 L5:
 * data/ was 0755 and the database 0644, every local user could read the cases): a missing folder is made 0700 (as
 * app/court-package/keys.ts makes the key's), a missing file 0600 — SQLite gives its -wal and -shm files the mode of
 * the database file. What exists is left as it is (an operator's choice).
 */
export function createPrivately(file: string): void {
  const abs = path.resolve(file);
  fs.mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(abs, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/**
 * Holds an exclusive lock on `<file>-server.lock` for the life of the process: a second server on the same SQLite file
 * is refused at start. The lock is the operating system's (SQLite's file locking): it goes when the process goes, even
 * after kill -9, so there is no stale lock to clean up.
 */
export async function holdSqliteServerLock(file: string): Promise<{ release(): Promise<void> }> {
  const sqlite3 = require('sqlite3') as typeof import('sqlite3');
  const lockFile = `${file}-server.lock`;
  // A fresh install has no folder for the database yet (data/ is not in the repository): made here, as openDatabase does.
  createPrivately(lockFile);
  const conn = await new Promise<import('sqlite3').Database>((resolve, reject) => {
    const d = new sqlite3.Database(lockFile, (err) => (err ? reject(err) : resolve(d)));
  });
  const exec = (sql: string) => new Promise<void>((resolve, reject) => conn.exec(sql, (err) => (err ? reject(err) : resolve())));
  try {
    await exec('PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;');
  } catch (err) {
    await new Promise((res) => conn.close(res));
    if ((err as { code?: string }).code === 'SQLITE_BUSY')
      throw new ServerAlreadyRunningError(
        `another Zhongcai server is already running on ${file} (it holds ${lockFile}).\n` +
          `SQLite is single-process by design: stop that server first, or move to PostgreSQL to run several processes (README "Running several processes").\n` +
          `The deadline sweep CLI (npm run deadlines:sweep) and npm run backup may run next to it.`,
      );
    throw err;
  }
  return {
    release: () =>
      new Promise<void>((res) => {
        conn.exec('ROLLBACK', () => conn.close(() => res()));
      }),
  };
}
