import type { Knex } from 'knex';
import { INSERT_CHUNK } from './batch.ts';
import { planOnce } from './fixed-query.ts';

/**
 * PostgreSQL: a queued statement written two ways — `text`, with its values as literals, and `template`, the same SQL
 * with `$1`, `$2`, … where `args` (the same literals) go. The client sends it as `EXECUTE name(args)` of a statement the
 * connection prepared from `template` once it has seen the template before (db/knex.ts `scriptText`): PostgreSQL then
 * neither parses nor plans it again — planning the literal statements of an ACCEPT's COMMIT took ~0.6 ms of
 * PostgreSQL's ~2.6 ms per ACCEPT (pg_stat_statements, stop 43). Only statements whose every parameter takes its type
 * from a column (an INSERT's VALUES, an UPDATE's SET and WHERE equalities, a query builder's conditions) get a template.
 * As text (`String(q)`, `join`) it is its literal form.
 */
export class QueuedStatement {
  constructor(
    readonly text: string,
    readonly template: string,
    readonly args: readonly string[],
  ) {}
  toString(): string {
    return this.text;
  }
}
/** A queued statement: literal text, or (PostgreSQL) text with its template. */
export type Queued = string | QueuedStatement;

/** SQL built as literal text and as its `$n` template side by side (`QueuedStatement`). */
export class FormBuilder {
  text = '';
  template = '';
  args: string[] = [];
  sql(s: string): this {
    this.text += s;
    this.template += s;
    return this;
  }
  /** A parameter: `lit` in the text, `$n` in the template (`wrap` puts it inside an expression, `$` standing for it). */
  param(lit: string, wrap?: (x: string) => string): this {
    this.args.push(lit);
    const n = `$${this.args.length}`;
    this.text += wrap ? wrap(lit) : lit;
    this.template += wrap ? wrap(n) : n;
    return this;
  }
  done(): QueuedStatement {
    return new QueuedStatement(this.text, this.template, this.args);
  }
}

/**
 * Writes whose answer nobody reads, sent to the database together.
 *
 * A unit of work pays for every statement with a round trip, and the one writer connection (SQLite) or the case's row
 * lock (PostgreSQL) is held for all of them. On SQLite a trip goes through libuv's thread pool and back through the event
 * loop: measured on ACCEPT (issue 15), 12 statements at ~0.5 ms each, of which SQLite's own work is a small part. On
 * PostgreSQL each statement costs the Node process ~0.4 ms of CPU in knex and the driver. Most of them are writes whose
 * result the use case never reads — the deadlines replaced, the statistics row versioned, the history entry appended,
 * the counters moved. `writeLater` queues such a statement on the transaction's connection instead of running it; the
 * queue goes to the database as one script (SQLite's `sqlite3_exec`, PostgreSQL's simple query protocol) right before
 * the next statement that does answer something, or together with COMMIT. A transaction's BEGIN is queued the same way
 * (`queueBegin`). On PostgreSQL a next statement whose parameters are all numbers (`inlineNumbered`: a case locked and
 * read by id, the year's serial) goes in the same message as the queue, its answer the message's last: one trip.
 *
 * What stays the same: the statements run in the order they were issued, before anything issued after them (any other
 * statement on the connection sends the queue first), inside the same transaction; a statement that fails makes the
 * transaction fail, and a failure while sending the queue with COMMIT rolls it back, so nothing of it is kept. What
 * changes: a failing queued statement fails the next statement or the COMMIT rather than its own `await` — so only
 * statements whose errors no caller handles specially are queued — and it fails the whole transaction: on SQLite every
 * later statement is refused until ROLLBACK and a COMMIT rolls back (PostgreSQL aborts the transaction itself, and a
 * COMMIT it answers with ROLLBACK is an error), so a caller that catches the error cannot commit the rest. A query
 * issued beside another on one transaction waits for a script on its way; a write queued after its transaction ended
 * is refused, as knex refuses a query then. On PostgreSQL the client waits for a script as long as the server may take
 * over each of its statements (statement_timeout × statements, + 2 s).
 *
 * A script cannot carry bind parameters, so the queued statement's parameters are written into it as literals, in a
 * form that cannot be read as anything but the value: text between quotes with each quote (and on PostgreSQL each
 * backslash) doubled, integers as the driver binds them (`sqlLiteral`, `pgLiteral`). A value with no such form (on
 * SQLite a fraction or a NUL character; a Date, a Buffer on PostgreSQL) leaves the statement to run at once, as before.
 *
 * Outside a transaction `writeLater` runs the statement at once.
 */
export async function writeLater(trx: Knex, query: Knex.QueryBuilder | Knex.Raw, opts: { personal?: boolean } = {}): Promise<void> {
  // `personal`: the values may hold identity numbers, phones or addresses. PostgreSQL writes the whole text of a simple
  // query that fails to its server log (log_min_error_statement); bound, only the statement with $n goes there — so on
  // PostgreSQL such a statement is not written into a script. SQLite keeps no such log.
  const dialect = opts.personal && queueable(trx) === 'postgres' ? null : queueable(trx);
  const statement = dialect === 'postgres' ? builderForm(query) : dialect ? inlineQuery(query, dialect) : null;
  if (statement === null) {
    await query;
    return;
  }
  await enqueue(trx, statement);
}

/** Query-builder statements whose parameters all take their type from a column (`QueuedStatement`). */
const TYPED_METHODS = new Set(['insert', 'update', 'del', 'delete', 'first', 'select']);

/**
 * PostgreSQL: a knex statement's literal text with its template — knex's own `$n` form of it — when it comes from the
 * query builder (not raw SQL, whose parameters may have no type to take); its literal text alone otherwise.
 */
function builderForm(query: Knex.QueryBuilder | Knex.Raw): Queued | null {
  const compiled = query.toSQL() as Knex.Sql & { method?: string };
  const text = typeof compiled.sql === 'string' ? inlineBindings(compiled.sql, compiled.bindings ?? [], 'postgres') : null;
  if (text === null) return null;
  const method = (query as { _method?: string })._method;
  if (!method || !TYPED_METHODS.has(method) || typeof compiled.toNative !== 'function') return text;
  const native = compiled.toNative();
  const args: string[] = [];
  for (const b of native.bindings ?? []) {
    const lit = pgLiteral(b);
    if (lit === null) return text;
    args.push(lit);
  }
  return args.length ? new QueuedStatement(text, native.sql, args) : text;
}

/**
 * `writeLater` of SQL text with `?` parameters, written into the script without building a knex query first. Text
 * knex would rewrite (`??` identifiers, `\\?`) or a parameter that is not a plain value goes through `trx.raw`.
 */
export async function rawLater(trx: Knex, sql: string, bindings: readonly unknown[], opts: { personal?: boolean } = {}): Promise<void> {
  const dialect = opts.personal && queueable(trx) === 'postgres' ? null : queueable(trx);
  const plain =
    !sql.includes('??') && !sql.includes('\\?') && bindings.every((b) => b === null || typeof b !== 'object' || Buffer.isBuffer(b));
  // PostgreSQL: with its `$n` template too, so the statement is kept prepared (db/knex.ts) and not planned each time.
  const statement =
    !dialect || !plain
      ? null
      : dialect === 'postgres'
        ? (pgForm(sql, bindings) ?? inlineBindings(sql, bindings, dialect))
        : inlineBindings(sql, bindings, dialect);
  if (statement === null) await writeLater(trx, trx.raw(sql, bindings as Knex.RawBinding[]), opts);
  else await enqueue(trx, statement);
}

/**
 * SQL text with `?` parameters (no `?` inside its own literals or names) as a PostgreSQL statement: its literal text and
 * its `$n` template side by side; null when a value has no literal or the parameters do not match.
 */
export function pgForm(sql: string, bindings: readonly unknown[]): QueuedStatement | null {
  const parts = sql.split('?');
  if (parts.length !== bindings.length + 1) return null;
  const f = new FormBuilder().sql(parts[0] as string);
  for (let i = 0; i < bindings.length; i++) {
    const lit = pgLiteral(bindings[i]);
    if (lit === null) return null;
    f.param(lit).sql(parts[i + 1] as string);
  }
  return f.done();
}

/**
 * Rows inserted with `writeLater`, in statements of at most INSERT_CHUNK rows, each written straight into the script
 * as `INSERT INTO "table" (columns) VALUES (literals), …` — no query builder, no second pass over its text. The rows
 * must have the same columns; a chunk that does not, or holds a value with no literal (`sqlLiteral`, `pgLiteral`) or
 * left undefined (a column's default), goes through knex's insert as `writeLater` takes it.
 */
export async function insertLater(
  trx: Knex,
  table: string,
  rows: readonly Record<string, unknown>[],
  opts: { personal?: boolean } = {},
): Promise<void> {
  const dialect = opts.personal && queueable(trx) === 'postgres' ? null : queueable(trx);
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const statement = dialect === 'postgres' ? insertForm(table, chunk) : dialect ? insertStatement(table, chunk, dialect) : null;
    // Bound (personal values on PostgreSQL): an INSERT … VALUES, whose plan no value changes — kept prepared.
    if (statement === null) await writeLater(trx, planOnce(trx(table).insert(chunk)), opts);
    else await enqueue(trx, statement);
  }
}

/** `INSERT INTO "table" (…) VALUES (…), …` with literals, or null (see `insertLater`). */
export function insertStatement(table: string, rows: readonly Record<string, unknown>[], dialect: LiteralDialect): string | null {
  const first = rows[0];
  if (!first) return null;
  const cols = Object.keys(first);
  if (rows.some((r) => Object.keys(r).length !== cols.length)) return null;
  const values = valuesList(
    rows.map((r) => cols.map((c) => r[c])),
    dialect,
  );
  return values === null ? null : `INSERT INTO ${quoteIdentifier(table)} (${cols.map(quoteIdentifier).join(', ')}) VALUES ${values}`;
}

/** PostgreSQL: `insertStatement` with its template (`QueuedStatement`), or null. */
export function insertForm(table: string, rows: readonly Record<string, unknown>[]): QueuedStatement | null {
  const first = rows[0];
  if (!first) return null;
  const cols = Object.keys(first);
  if (rows.some((r) => Object.keys(r).length !== cols.length)) return null;
  const f = new FormBuilder().sql(`INSERT INTO ${quoteIdentifier(table)} (${cols.map(quoteIdentifier).join(', ')}) VALUES `);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Record<string, unknown>;
    f.sql(i ? ', (' : '(');
    for (let k = 0; k < cols.length; k++) {
      const v = r[cols[k] as string];
      const lit = v === undefined ? null : pgLiteral(v);
      if (lit === null) return null;
      if (k) f.sql(', ');
      f.param(lit);
    }
    f.sql(')');
  }
  return f.done();
}

/**
 * Rows of values as the literal list of a VALUES clause, `(…), (…)`, or null when a value has no literal
 * (`sqlLiteral`, `pgLiteral`) or is undefined (knex would leave its column to the default).
 */
export function valuesList(tuples: readonly (readonly unknown[])[], dialect: LiteralDialect): string | null {
  const literal = dialect === 'postgres' ? pgLiteral : sqlLiteral;
  const out: string[] = [];
  for (const t of tuples) {
    const values: string[] = [];
    for (const v of t) {
      const lit = v === undefined ? null : literal(v);
      if (lit === null) return null;
      values.push(lit);
    }
    out.push(`(${values.join(', ')})`);
  }
  return out.join(', ');
}

/**
 * `UPDATE "table" SET … WHERE` equalities on `where` (none null) and the given conditions, with literals, queued like
 * `writeLater`; when a value has no literal, through knex as `writeLater` takes it.
 */
export async function updateLater(trx: Knex, table: string, set: Record<string, unknown>, where: Record<string, unknown>): Promise<void> {
  const dialect = queueable(trx);
  const statement = dialect === 'postgres' ? updateForm(table, set, where) : dialect ? updateStatement(table, set, where, dialect) : null;
  if (statement === null) await writeLater(trx, trx(table).where(where).update(set));
  else await enqueue(trx, statement);
}

/**
 * `updateLater` of a write that must change exactly one row, followed by the guard (`writeLaterChangingOne`).
 * `conditions` are SQL text without parameters. Run at once instead (PostgreSQL, outside a transaction, a value with
 * no literal), it answers the number of rows it changed.
 */
export async function updateLaterChangingOne(
  trx: Knex,
  table: string,
  set: Record<string, unknown>,
  where: Record<string, unknown>,
  conditions: readonly string[] = [],
): Promise<number | 'queued'> {
  const statement = queueable(trx) === 'sqlite' ? updateStatement(table, set, where, 'sqlite', conditions) : null;
  if (statement === null) {
    const q = trx(table).where(where);
    for (const c of conditions) q.whereRaw(c);
    return Number(await q.update(set));
  }
  await enqueue(trx, statement, STALE_GUARD);
  return 'queued';
}

/**
 * `UPDATE "table" SET … WHERE …` with literals, or null when a value has none or is undefined. `setSql`: assignments
 * the caller wrote as SQL text without parameters (`"col" = expression`), after those of `set`.
 */
export function updateStatement(
  table: string,
  set: Record<string, unknown>,
  where: Record<string, unknown>,
  dialect: LiteralDialect,
  conditions: readonly string[] = [],
  setSql: readonly string[] = [],
): string | null {
  const literal = dialect === 'postgres' ? pgLiteral : sqlLiteral;
  const assign = (obj: Record<string, unknown>, forWhere: boolean): string[] | null => {
    const out: string[] = [];
    for (const [c, v] of Object.entries(obj)) {
      if (v === undefined || (forWhere && v === null)) return null;
      const lit = literal(v);
      if (lit === null) return null;
      out.push(`${quoteIdentifier(c)} = ${lit}`);
    }
    return out;
  };
  const own = assign(set, false);
  const sets = own && [...own, ...setSql];
  const eq = assign(where, true);
  if (!sets?.length || !eq?.length) return null;
  const cond = [...eq, ...conditions.map((c) => `(${c})`)].join(' AND ');
  return `UPDATE ${quoteIdentifier(table)} SET ${sets.join(', ')} WHERE ${cond}`;
}

/**
 * PostgreSQL: `updateStatement` with its template (`QueuedStatement`), or null. `setExpr`: assignments whose value is an
 * expression around one parameter — `[column, literal, wrap]`, the parameter standing where `wrap` puts its argument —
 * after those of `set`; `setSql`: assignments of SQL text without parameters, last.
 */
export function updateForm(
  table: string,
  set: Record<string, unknown>,
  where: Record<string, unknown>,
  setExpr: readonly [string, string, (x: string) => string][] = [],
  setSql: readonly string[] = [],
): QueuedStatement | null {
  const f = new FormBuilder().sql(`UPDATE ${quoteIdentifier(table)} SET `);
  let first = true;
  const sep = (joint: string) => {
    if (!first) f.sql(joint);
    first = false;
  };
  for (const [c, v] of Object.entries(set)) {
    const lit = v === undefined ? null : pgLiteral(v);
    if (lit === null) return null;
    sep(', ');
    f.sql(`${quoteIdentifier(c)} = `).param(lit);
  }
  for (const [c, lit, wrap] of setExpr) {
    sep(', ');
    f.sql(`${quoteIdentifier(c)} = `).param(lit, wrap);
  }
  for (const x of setSql) {
    sep(', ');
    f.sql(x);
  }
  if (first) return null;
  f.sql(' WHERE ');
  first = true;
  for (const [c, v] of Object.entries(where)) {
    const lit = v === undefined || v === null ? null : pgLiteral(v);
    if (lit === null) return null;
    sep(' AND ');
    f.sql(`${quoteIdentifier(c)} = `).param(lit);
  }
  if (first) return null;
  return f.done();
}

/** A table or column name in double quotes (both dialects), inner quotes doubled. */
const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * A write that must change exactly one row (a versioned UPDATE), queued like `writeLater` and followed in the script by
 * the guard (migration 20261202_0050_write_guard): when it changed no row, the script fails with an error `isStaleWrite`
 * knows, and the transaction with it. Run at once instead (PostgreSQL, outside a transaction, a value with no literal),
 * it answers the number of rows it changed, for the caller to judge.
 */
export async function writeLaterChangingOne(trx: Knex, query: Knex.QueryBuilder | Knex.Raw): Promise<number | 'queued'> {
  // The guard is SQLite's; PostgreSQL answers a write's row count on a round trip the lock needs anyway.
  const statement = queueable(trx) === 'sqlite' ? inlineQuery(query, 'sqlite') : null;
  if (statement === null) return Number(await query);
  await enqueue(trx, statement, STALE_GUARD);
  return 'queued';
}

/** Whether writes on `trx` are queued (a transaction on a client that queues): `queueStatement` may be used. */
export function canQueue(trx: Knex): boolean {
  return queueable(trx) !== null;
}

/**
 * Queues SQL text the caller wrote with literals of `trx`'s dialect (`sqlLiteral`, `pgLiteral`) only — no parameters,
 * no value that is not one of those literals. Only where `canQueue` says so.
 */
export async function queueStatement(trx: Knex, statement: Queued): Promise<void> {
  if (!canQueue(trx)) throw new Error('queueStatement outside a transaction that queues');
  await enqueue(trx, statement);
}

/** Whether a guarded write on `trx` is queued (SQLite, in a transaction): its failure then comes at COMMIT. */
export function canQueueGuarded(trx: Knex): boolean {
  return queueable(trx) === 'sqlite';
}

/** Which literals a client's queued statements are written with; none outside a transaction or on another client. */
export type LiteralDialect = 'sqlite' | 'postgres';
interface WriteLaterClient {
  supportsWriteLater?: LiteralDialect;
  acquireConnection(): Promise<WriteLaterConnection>;
}
const queueable = (trx: Knex): LiteralDialect | null => (trx.isTransaction && (trx.client as WriteLaterClient).supportsWriteLater) || null;

function inlineQuery(query: Knex.QueryBuilder | Knex.Raw, dialect: LiteralDialect): string | null {
  const { sql, bindings } = query.toSQL() as { sql: unknown; bindings: readonly unknown[] };
  return typeof sql === 'string' ? inlineBindings(sql, bindings ?? [], dialect) : null;
}

async function enqueue(trx: Knex, ...statements: Queued[]): Promise<void> {
  // Like a query on a transaction that has ended (knex refuses those): a write queued after COMMIT or ROLLBACK would be
  // left on the pooled connection for whoever uses it next.
  const ended = () => (trx as Knex.Transaction).isCompleted?.() === true;
  if (ended())
    throw new Error(
      `Transaction query already complete, run with DEBUG=knex:tx for more info (${String(statements[0] ?? '').slice(0, 40)})`,
    );
  const conn = await (trx.client as WriteLaterClient).acquireConnection();
  if (ended())
    throw new Error(
      `Transaction query already complete, run with DEBUG=knex:tx for more info (${String(statements[0] ?? '').slice(0, 40)})`,
    );
  conn.__zcLater ??= [];
  conn.__zcLater.push(...statements);
}

/**
 * A condition the write was decided on, checked when the queued writes reach SQLite, with the writer's lock held: `check`
 * answers one row whose one column is 1 while the condition holds. When it does not, the script fails with the error
 * `isStaleWrite` knows and the transaction with it. Only on SQLite, inside a transaction: answers whether it was queued
 * (a caller on PostgreSQL reads under its locks instead).
 */
export async function expectLater(trx: Knex, check: Knex.QueryBuilder | Knex.Raw): Promise<boolean> {
  const statement = queueable(trx) === 'sqlite' ? inlineQuery(check, 'sqlite') : null;
  if (statement === null) return false;
  await enqueue(trx, `INSERT INTO write_guard (changed) ${statement}`);
  return true;
}

/**
 * SQLite, in a transaction whose writes can be queued: the last id each table (AUTOINCREMENT) has handed out, for the
 * caller to insert `counts[table]` rows with the ids that follow — written with the rest of the transaction (one trip
 * instead of an INSERT … RETURNING per table). The last ids are this connection's hints (`committedHint`: what its own
 * last commit left) or, without them, read on the writer connection before the transaction's queued BEGIN — every
 * earlier write of this process has committed, and none can start meanwhile. Either way a guard is queued that checks,
 * with the write lock held, that no id was taken since; a write that finds one taken (another process, or another
 * kind of insert of this one) fails at COMMIT as stale (`isStaleWrite`) and keeps nothing. Ids stay what
 * AUTOINCREMENT would have given: never one handed out before, even of a row since deleted. Answers null elsewhere
 * (the caller inserts and reads the ids back).
 */
export async function reserveIds(trx: Knex, counts: Readonly<Record<string, number>>): Promise<Record<string, number> | null> {
  const tables = Object.keys(counts);
  if (queueable(trx) !== 'sqlite' || !tables.length) return null;
  const last: Record<string, number> = {};
  for (const t of tables) {
    const hint = await committedHint(trx, `ids:${t}`);
    if (hint === undefined) break;
    last[t] = hint;
  }
  if (Object.keys(last).length !== tables.length) {
    const rows = (await trx('sqlite_sequence').whereIn('name', tables).select('name', 'seq').options({ beforeBegin: true })) as {
      name: string;
      seq: number;
    }[];
    for (const t of tables) last[t] = 0;
    for (const r of rows) last[r.name] = Number(r.seq);
  }
  const check = tables.map(() => 'coalesce((select seq from sqlite_sequence where name = ?), 0) = ?').join(' and ');
  if (
    !(await expectLater(
      trx,
      trx.raw(
        `select ${check}`,
        tables.flatMap((t) => [t, last[t] ?? 0]),
      ),
    ))
  )
    return null;
  for (const t of tables) await noteOnCommit(trx, `ids:${t}`, (last[t] ?? 0) + (counts[t] ?? 0));
  return last;
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
  conn.__zcTaps = undefined;
  conn.__zcFailed = undefined;
  conn.__zcPendingHints = undefined;
  conn.__zcHintsOffTx = undefined;
}

/**
 * What this connection's own commits last wrote to a counter (SQLite's one writer connection): a hint, never a
 * source of truth. A guarded write taken from it (ACCEPT's serial, db/stores/cases.ts `reserveSerial`) is checked
 * against the database at COMMIT, so a hint that another process made stale fails that write, which is decided again
 * after a read; a crash loses nothing. The value is noted when the write is queued (`noteOnCommit`) and becomes the
 * hint only when its COMMIT succeeds (`settleHints`); a failure, a ROLLBACK or a new BEGIN drops what is pending, and
 * a failed COMMIT or ROLLBACK drops every hint of the connection — two close together, and it trusts none for a few
 * seconds. Answers undefined outside a SQLite transaction.
 */
export async function committedHint(trx: Knex, key: string): Promise<number | undefined> {
  if (queueable(trx) !== 'sqlite') return undefined;
  const conn = await (trx.client as WriteLaterClient).acquireConnection();
  // Once SQLite has the transaction (its BEGIN sent, the write lock held) a read inside it is exact: no hint then —
  // a write there (one decided inside the writer's transaction) is not decided again when a guard fails.
  if (!beginQueued(conn.__zcLater ?? [])) return undefined;
  // After a rollback to a savepoint nothing noted is known to stand: the transaction reads.
  if (conn.__zcHintsOffTx) return undefined;
  // What an earlier write of this same transaction noted comes first: its rows are queued ahead of the caller's.
  const pending = conn.__zcPendingHints?.get(key);
  if (pending !== undefined) return pending;
  if ((conn.__zcHintsOffUntil ?? 0) > Date.now()) return undefined;
  return conn.__zcHints?.get(key);
}

/** The value a write of this transaction leaves at `key` when it commits (see `committedHint`). */
export async function noteOnCommit(trx: Knex, key: string, value: number): Promise<void> {
  if (queueable(trx) !== 'sqlite') return;
  const conn = await (trx.client as WriteLaterClient).acquireConnection();
  conn.__zcPendingHints ??= new Map();
  conn.__zcPendingHints.set(key, value);
}

/**
 * After a transaction-ending statement on the connection: a COMMIT that succeeded makes what its writes noted the
 * connection's hints; anything else that ended the transaction (or failed to) drops them.
 */
export function settleHints(conn: WriteLaterConnection, head: string, ok: boolean): void {
  const pending = conn.__zcPendingHints;
  conn.__zcPendingHints = undefined;
  if (/^ROLLBACK\s+TO\b/.test(head)) {
    // Back to a savepoint: what was noted before it still stands, what after it does not — which is which is not
    // kept, so the rest of the transaction reads, and the connection's hints are dropped.
    conn.__zcHints = undefined;
    conn.__zcHintsOffTx = true;
    return;
  }
  conn.__zcHintsOffTx = undefined;
  if (ok && head.startsWith('COMMIT')) {
    if (pending) {
      conn.__zcHints ??= new Map();
      for (const [k, v] of pending) conn.__zcHints.set(k, v);
    }
  } else if (!ok) hintsFailed(conn);
}

/**
 * A transaction of the connection failed — a queued script (a guard found a hint stale, say), or its COMMIT or ROLLBACK:
 * its hints are dropped. Two such failures close together mean someone else writes beside this connection (another
 * process): it then reads instead of trusting hints for a while, or every other write of each would fail once.
 */
export function hintsFailed(conn: WriteLaterConnection): void {
  conn.__zcHints = undefined;
  conn.__zcPendingHints = undefined;
  const now = Date.now();
  if (now - (conn.__zcLastFailure ?? Number.NEGATIVE_INFINITY) < HINTS_OFF_MS) conn.__zcHintsOffUntil = now + HINTS_OFF_MS;
  conn.__zcLastFailure = now;
}

/**
 * A statement run at once on the connection (not queued): an INSERT into a table whose last id is a hint
 * (`reserveIds`, key `ids:<table>`) moves that table's sequence by a value the hint does not know, so the hint — and
 * what this transaction noted of it — is dropped; the next write reads. (Queued inserts of those tables come from
 * `reserveIds`' own callers, which note what they leave.)
 */
export function statementRan(conn: WriteLaterConnection, sql: string): void {
  if (!conn.__zcHints && !conn.__zcPendingHints) return;
  const m = /^\s*insert\s+(?:or\s+\w+\s+)?into\s+[`"]?([A-Za-z_][A-Za-z0-9_]*)/i.exec(sql);
  if (!m) return;
  conn.__zcHints?.delete(`ids:${m[1]}`);
  conn.__zcPendingHints?.delete(`ids:${m[1]}`);
}

/** How long a connection reads instead of trusting its hints after two failed transactions that close together. */
const HINTS_OFF_MS = 5_000;

/** Whether the connection's queue still holds its transaction's BEGIN: SQLite has not seen the transaction yet. */
export function beginQueued(queued: readonly Queued[]): boolean {
  return /^BEGIN\b/i.test(String(queued[0] ?? ''));
}

/** A connection with the statements queued on it. */
export interface WriteLaterConnection {
  /** SQLite's (node-sqlite3); PostgreSQL scripts go through the client's own query path. */
  exec?(sql: string, cb: (err: Error | null) => void): void;
  __zcLater?: Queued[];
  /** The script on its way to the database, if any. */
  __zcSending?: Promise<unknown>;
  /** SQLite: the error of a queued write that failed, refusing the rest of its transaction. */
  __zcFailed?: unknown;
  /** SQLite: what this connection's commits last wrote to a counter, and what the open transaction will (`committedHint`). */
  __zcHints?: Map<string, number>;
  __zcPendingHints?: Map<string, number>;
  __zcHintsOffUntil?: number;
  __zcLastFailure?: number;
  __zcHintsOffTx?: boolean;
  /** PostgreSQL: callers waiting for a value a queued statement answers, by its column (`queueAnswering`). */
  __zcTaps?: Map<string, (value: string) => void>;
}

/**
 * PostgreSQL, in a transaction whose writes are queued: a statement queued like `writeLater` whose one-row answer the
 * caller wants — `statement` answers it in a column of its own (`column`, a name no other statement answers), and
 * `onAnswer` gets that value as text when the queue reaches the database: with the transaction's next statement, or
 * with COMMIT (a value taken there, such as the year's next serial, is then taken in the transaction's last message,
 * and the row it locks is locked for that message only). The statement holds literals only (`pgLiteral`). Answers
 * false where nothing is queued (SQLite, outside a transaction): the caller takes the value another way.
 * Until the queue is sent the value is not known: `answersNow` sends it when the caller needs the value earlier.
 */
export async function queueAnswering(trx: Knex, statement: Queued, column: string, onAnswer: (value: string) => void): Promise<boolean> {
  if (queueable(trx) !== 'postgres') return false;
  await enqueue(trx, statement);
  const conn = await (trx.client as WriteLaterClient).acquireConnection();
  conn.__zcTaps ??= new Map();
  conn.__zcTaps.set(column, onAnswer);
  return true;
}

/** Sends the transaction's queue now when a value queued with `queueAnswering` is still awaited (one message). */
export async function answersNow(trx: Knex): Promise<void> {
  if (queueable(trx) !== 'postgres') return;
  const conn = await (trx.client as WriteLaterClient).acquireConnection();
  if (conn.__zcTaps?.size) await trx.raw('select 1');
}

/**
 * After a script reached PostgreSQL: the values its statements answered for `queueAnswering` go to their callers.
 * `answer` is node-pg's result of the script — one result, or one per statement.
 */
export function deliverAnswers(conn: WriteLaterConnection, answer: unknown): void {
  const taps = conn.__zcTaps;
  if (!taps?.size) return;
  for (const result of Array.isArray(answer) ? answer : [answer]) {
    const r = result as { fields?: { name: string }[]; rows?: Record<string, unknown>[] } | undefined;
    for (const f of r?.fields ?? []) {
      const tap = taps.get(f.name);
      if (!tap) continue;
      taps.delete(f.name);
      const v = r?.rows?.[0]?.[f.name];
      if (v !== undefined && v !== null) tap(String(v));
    }
  }
}

/**
 * Sends a script (SQLite: `sqlite3_exec`; or `send`), noting it on the connection so that a query issued meanwhile on
 * the same transaction waits for it (`scriptsSent`) instead of overtaking it.
 */
export async function sendScript(conn: WriteLaterConnection, sql: string, send?: () => Promise<unknown>): Promise<void> {
  const sending = send ? send() : execScript(conn, sql);
  conn.__zcSending = sending;
  try {
    await sending;
  } finally {
    if (conn.__zcSending === sending) conn.__zcSending = undefined;
  }
}

/** Waits for the script on its way on the connection, if any (its error is its sender's). */
export async function scriptsSent(conn: WriteLaterConnection): Promise<void> {
  while (conn.__zcSending) await conn.__zcSending.catch(() => undefined);
}

/** The statements queued on the connection, taken off it (empty when none). */
export function takeQueued(conn: WriteLaterConnection): Queued[] {
  const queued = conn.__zcLater ?? [];
  conn.__zcLater = undefined;
  return queued;
}

/** Runs SQL text of several statements in one trip (no parameters, no results). */
export function execScript(conn: WriteLaterConnection, sql: string): Promise<void> {
  return new Promise((resolve, reject) =>
    (conn.exec as NonNullable<WriteLaterConnection['exec']>)(sql, (err) => (err ? reject(err) : resolve())),
  );
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
    // A negative number in parentheses: after a minus in the statement (`x -?`) a bare `-5` would start a comment.
    if (v >= INT32_MIN && v <= INT32_MAX) return v < 0 ? `(${v})` : String(v === 0 ? 0 : v);
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
 * A value as a PostgreSQL literal that the server reads as it reads the bound value, or null when there is none. node-pg
 * sends a parameter as text of unknown type — `String(v)` for numbers and booleans — which the server types from its
 * context; a quoted constant is text of unknown type too, typed the same way. An escape string (E'…', backslashes and
 * quotes doubled) means the same whatever `standard_conforming_strings` says.
 */
export function pgLiteral(v: unknown): string | null {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean' || typeof v === 'bigint') return `'${String(v)}'`;
  if (typeof v === 'number') return Number.isFinite(v) ? `'${String(v)}'` : null;
  if (typeof v === 'string') {
    if (v.includes('\u0000')) return null; // not text PostgreSQL stores; bound, it fails as it would
    return `E'${v.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  }
  return null; // Buffers go binary, Dates through pg's own formatting, arrays as PostgreSQL arrays: bound as they are
}

/**
 * The statement with its `?` parameters replaced by literals, or null when one cannot be (see `sqlLiteral`,
 * `pgLiteral`) or the count does not match. `?` inside quoted text, quoted identifiers and comments is not a parameter.
 * On PostgreSQL a statement with a backslash or a `$` outside quoted text (escape strings, dollar quoting, `$1`) is
 * not rewritten.
 */
export function inlineBindings(sql: string, bindings: readonly unknown[], dialect: LiteralDialect = 'sqlite'): string | null {
  const literal = dialect === 'postgres' ? pgLiteral : sqlLiteral;
  if (dialect === 'postgres' && /[\\$]/.test(sql)) return null;
  let out = '';
  let next = 0;
  let i = 0;
  // Runs of characters that start nothing are copied whole (one slice, not one append per character).
  const special = dialect === 'postgres' ? /['"`[\-/?]/g : /['"`[\-/?:@$]/g;
  while (i < sql.length) {
    special.lastIndex = i;
    const found = special.exec(sql);
    const at = found ? found.index : sql.length;
    if (at > i) {
      out += sql.slice(i, at);
      i = at;
      if (i >= sql.length) break;
    }
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
      // Numbered (?NNN) and named parameters are not written by knex; a statement with them is not queued. A cast
      // (`?::json`) is PostgreSQL's.
      const after = sql[i + 1] ?? '';
      if (/[0-9A-Za-z_$@]/.test(after) || (after === ':' && (dialect !== 'postgres' || sql[i + 2] !== ':'))) return null;
      if (next >= bindings.length) return null;
      const lit = literal(bindings[next++]);
      if (lit === null) return null;
      out += lit;
      i++;
    } else if (dialect === 'sqlite' && (ch === ':' || ch === '@' || ch === '$')) {
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

/**
 * A PostgreSQL statement as the driver is handed it (`$1`, `$2`, … in order) with its parameters written in as literals,
 * when every parameter is a number, a boolean or null — values that carry nothing personal into the text of a simple
 * query, which PostgreSQL may write to its log when it fails — or null. Text with a backslash or a `$` that is not a
 * parameter (escape strings, dollar quoting) is not rewritten; `$` inside quoted text or a comment is not a parameter.
 */
export function inlineNumbered(sql: string, bindings: readonly unknown[]): string | null {
  for (const b of bindings) if (!(b === null || typeof b === 'number' || typeof b === 'boolean' || typeof b === 'bigint')) return null;
  if (sql.includes('\\')) return null;
  let out = '';
  let next = 1;
  let i = 0;
  const special = /['"\-/$]/g;
  while (i < sql.length) {
    special.lastIndex = i;
    const found = special.exec(sql);
    if (!found) {
      out += sql.slice(i);
      break;
    }
    out += sql.slice(i, found.index);
    i = found.index;
    const ch = sql[i] as string;
    let end = i + 1;
    if (ch === "'" || ch === '"') {
      // Quoted text or identifier (a doubled quote is two quoted runs side by side: the same text).
      const k = sql.indexOf(ch, i + 1);
      if (k < 0) return null;
      end = k + 1;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const k = sql.indexOf('\n', i);
      end = k < 0 ? sql.length : k;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const k = sql.indexOf('*/', i + 2);
      if (k < 0) return null;
      end = k + 2;
    } else if (ch === '$') {
      const m = /^\$([0-9]+)/.exec(sql.slice(i, i + 12));
      if (!m || Number(m[1]) !== next || /[0-9A-Za-z_]/.test(sql[i - 1] ?? '')) return null;
      const lit = pgLiteral(bindings[next - 1]);
      if (lit === null) return null;
      out += lit;
      next++;
      i += m[0].length;
      continue;
    }
    out += sql.slice(i, end);
    i = end;
  }
  return next - 1 === bindings.length ? out : null;
}
