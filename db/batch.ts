import type { Knex } from 'knex';

/**
 * Rows per INSERT statement. knex writes a multi-row insert on SQLite as one compound SELECT, and SQLite allows at most
 * 500 terms in one (SQLITE_MAX_COMPOUND_SELECT): a collective case with 500 applicants failed to register. 100 rows
 * also keep PostgreSQL's 65,535 bind parameters far away.
 */
export const INSERT_CHUNK = 100;

/** Inserts rows in chunks, in order; with `returning`, answers the returned rows in the same order. */
export async function insertChunked<R = Record<string, unknown>>(
  trx: Knex,
  table: string,
  rows: Record<string, unknown>[],
  returning?: string,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const q = trx(table).insert(rows.slice(i, i + INSERT_CHUNK));
    if (returning) out.push(...((await q.returning(returning)) as R[]));
    else await q;
  }
  return out;
}

/**
 * Runs independent statements (or short chains of them) of one transaction. On SQLite they are handed to node-sqlite3
 * together, whose thread pool runs them back to back on the connection instead of each waiting for its own trip back
 * through the event loop — the one writer connection every write of the process queues for is held that much less.
 * On PostgreSQL they run one after another in the order given, as before: every writer takes its row locks in one
 * order, so two writers never deadlock. All of them are waited for before an error is thrown, so a ROLLBACK never
 * overtakes a statement still queued (which would then run, and commit, outside the transaction). Each piece of work
 * must not depend on another's result or order.
 */
export async function runTogether(trx: Knex, ...work: (() => Promise<unknown>)[]): Promise<void> {
  if (trx.client.config.client !== 'sqlite3') {
    for (const w of work) await w();
    return;
  }
  const settled = await Promise.allSettled(work.map((w) => Promise.resolve().then(w)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}
