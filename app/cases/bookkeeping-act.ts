import type { Deps } from '../deps.ts';
import { conflict } from '../errors.ts';
import type { Actor } from '../policy.ts';
import type { Transact, UnitOfWork } from '../unit-of-work.ts';

/** What a bookkeeping act was prepared from: the case as read outside any lock. */
export interface PreparedAct {
  caseVersion: number;
  state: string;
}

export interface BookkeepingAct<P extends PreparedAct, R> {
  caseId: number;
  actor: Actor;
  /** One of db/stores/cases.ts BOOKKEEPING_EVENTS. */
  type: 'GENERATE_DOCUMENT' | 'GENERATE_COURT_PACKAGE';
  /**
   * Reads the case and builds what the act stores (a PDF, a signed package) outside any transaction: that takes tens
   * of milliseconds and must not hold the case row. `attempt` is 0, then 1 when the case moved in between.
   */
  prepare(attempt: number): Promise<P>;
  /** Inserts the act's rows under the case lock; answers the history entry's payload and `after`, and the result. */
  store(uow: UnitOfWork, prepared: P): Promise<{ payload: Record<string, unknown>; after: unknown; result: R }>;
}

/** Thrown inside the unit of work to roll it back when the case moved after the act was prepared. */
class CaseMoved extends Error {}

/**
 * A bookkeeping act on a case (generating a document or a court package): prepared from a read, then stored with its
 * history entry in one unit of work. Inside it, the case row is locked FIRST — the rows inserted next reference the
 * case, a foreign key takes a KEY SHARE lock on the case row, and appendEvent's row lock upgrading that next to a
 * second generation of the same case is a deadlock on PostgreSQL. Under the lock, the version read in `prepare` is
 * compared with the case's: an event committed in between (a postponed hearing) would leave a stored document naming
 * the old facts, so the act is prepared once more from the new record; a second move answers 409.
 */
export async function recordBookkeepingAct<P extends PreparedAct, R>(
  deps: Pick<Deps, 'stores'>,
  transact: Transact,
  act: BookkeepingAct<P, R>,
): Promise<R> {
  const { cases } = deps.stores;
  for (let attempt = 0; attempt < 2; attempt++) {
    const prepared = await act.prepare(attempt);
    try {
      return await transact(async (uow) => {
        const version = await cases.lockedVersion(uow.trx, act.caseId);
        if (version !== prepared.caseVersion) throw new CaseMoved();
        const { payload, after, result } = await act.store(uow, prepared);
        // A bookkeeping entry: no state change, not a procedural date (db/stores/cases.ts BOOKKEEPING_EVENTS).
        await cases.appendEvent(uow.trx, {
          caseId: act.caseId,
          type: act.type,
          occurredOn: uow.today,
          recordedAt: uow.now,
          actorId: act.actor.id,
          actorRole: act.actor.role,
          actorName: act.actor.displayName,
          payload,
          stateBefore: prepared.state,
          stateAfter: prepared.state,
          before: null,
          after,
        });
        return result;
      });
    } catch (e) {
      if (!(e instanceof CaseMoved)) throw e;
    }
  }
  throw conflict('案件在生成期间接连被修改，请稍后重新生成', { rule: 'case-moved-during-generation' });
}
