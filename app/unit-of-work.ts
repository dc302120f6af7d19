import type { Knex } from 'knex';
import { flushCommitQueue, openCommitQueue } from '../db/commit-queue.ts';
import { isRetryableStatement } from '../db/knex.ts';
import { cstDate } from './clock.ts';
import type { Deps } from './deps.ts';

/**
 * One transaction and the instant it runs at. Every write use case takes one: the HTTP layer opens it (and stores
 * the idempotency record in it), a CLI or a seeder opens its own — several use cases may share one unit of work
 * (a seeder writes hundreds of cases per transaction). Everything a write changes — the case, its deadlines, its
 * statistics projection and its audit row — commits or rolls back together.
 */
export interface UnitOfWork {
  trx: Knex.Transaction;
  /** The instant of the write (ISO 8601), stamped on every row it records. */
  now: string;
  /** Today in China Standard Time: the default `occurredOn` and the day deadlines are judged on. */
  today: string;
}

export async function inTransaction<T>(deps: Pick<Deps, 'db' | 'clock'>, fn: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const at = deps.clock.now();
  return again(() =>
    deps.db.knex.transaction(async (trx) => {
      // Work on rows every write shares (statistics counters) runs last, just before COMMIT (db/knex.ts atCommit).
      openCommitQueue(trx);
      const result = await fn({ trx, now: at.toISOString(), today: cstDate(at) });
      await flushCommitQueue(trx);
      return result;
    }),
  );
}

/**
 * Runs a transaction again — from the start, at the same instant — when it failed having done nothing that running it
 * again would not resolve: on PostgreSQL, a kept prepared statement refused because another process's migration changed
 * the schema under it (db/knex.ts isRetryableStatement; the connections then prepare anew). Twice at most.
 */
async function again<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= 2 || !isRetryableStatement(err)) throw err;
    }
  }
}

/**
 * One transaction for many writes, each at its own instant: `at(instant)` is the unit of work of one write (a seeder
 * replaying years of history calls the use cases case after case, act after act, and commits every few hundred cases).
 * Everything the writes change commits or rolls back together; counters shared by the writes are moved once, at the end.
 */
export async function inBulkTransaction<T>(deps: Pick<Deps, 'db'>, fn: (at: (instant: string) => UnitOfWork) => Promise<T>): Promise<T> {
  return again(() =>
    deps.db.knex.transaction(async (trx) => {
      openCommitQueue(trx);
      const result = await fn((instant) => ({ trx, now: instant, today: cstDate(new Date(instant)) }));
      await flushCommitQueue(trx);
      return result;
    }),
  );
}

/**
 * Opens a unit of work for a use case that does part of its work outside the transaction (rendering a PDF, say):
 * the use case calls it once, for the part that writes (a bookkeeping act calls it once more after rolling back the
 * first, when the case moved while it rendered: app/cases/bookkeeping-act.ts). The HTTP layer passes one that also
 * stores the idempotency record in the transaction that commits; a CLI passes `(fn) => inTransaction(deps, fn)`.
 */
export type Transact = <T>(fn: (uow: UnitOfWork) => Promise<T>) => Promise<T>;
