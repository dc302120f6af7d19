import os from 'node:os';
import type { Knex } from 'knex';
import { type BrokenRow, verifyHistory } from '../../db/history-chain.ts';
import { withAdvisoryLock } from '../../db/knex.ts';
import { deadlineRow } from '../../db/stores/deadlines.ts';
import { computeDeadlines, type Deadline } from '../../workflows/deadlines.ts';
import { caseSnapshot, loadCase, projectStats } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';
import { reflagCase } from '../procedure/answer-flag.ts';
import { inTransaction } from '../unit-of-work.ts';
import { recordAlerts } from './alerts.ts';

/** The alerts' thresholds (app/time/alerts.ts, which records them for the sweep and for each write). */
export { AWARD_ALERTS } from './alerts.ts';

export interface SweepResult {
  cases: number;
  deadlinesChanged: number;
  alertsRecorded: number;
  overdue: number;
}

/**
 * The deadline sweep: recomputes the deadlines of every case not yet archived that still has a deadline not met, for
 * `today` (statuses move with time; a newly loaded calendar year fills unknown dates), keeps the statistics in step, and
 * records award-clock alerts once each; s61 D: also every case with a session still to be held, whose hearing
 * calendar flag (`before_answer_period_ends`) it judges again for `today` (app/procedure/answer-flag.ts) — derived data,
 * written only when it changes, no new version and no history entry, as the deadlines. Each case in its own unit of
 * work, the case row locked and re-read inside it, so it is safe next to any other writer in any process. Deadlines and statistics are written only when they change,
 * so running it twice on the same day writes nothing the second time. `stop()` is asked between cases (shutdown).
 * `afterId` resumes after a case already done; `onStart` learns the cases to do; `onCase` runs inside each case's
 * transaction (a cursor written with the case's deadlines: app/time/recompute.ts).
 */
export async function sweepDeadlines(
  deps: Deps,
  today: string,
  opts: {
    stop?: () => boolean;
    afterId?: number;
    /**
     * legal57b M3: a calendar year loaded (again) — also every case, open or closed, with a deadline due in that year or
     * later (db/stores/housekeeping.ts casesDueFromYear), not only those with one unmet or provisional.
     */
    calendarYear?: number;
    onStart?: (ids: number[]) => Promise<void>;
    /** `deadlines`: the stored list before and the list written, when they differ. */
    onCase?: (
      trx: Knex,
      caseId: number,
      changed: boolean,
      c: { state: string; deadlines?: { before: Deadline[]; after: Deadline[] } },
    ) => Promise<void>;
  } = {},
): Promise<SweepResult> {
  const { db, stores } = deps;
  const open = await stores.housekeeping.casesToSweep(db.reader, opts.afterId ?? 0);
  const ids =
    opts.calendarYear === undefined
      ? open
      : [...new Set([...open, ...(await stores.housekeeping.casesDueFromYear(db.reader, opts.calendarYear, opts.afterId ?? 0))])].sort(
          (x, y) => x - y,
        );
  const result: SweepResult = { cases: ids.length, deadlinesChanged: 0, alertsRecorded: 0, overdue: 0 };
  await opts.onStart?.(ids);
  for (const id of ids) {
    if (opts.stop?.()) break;
    await inTransaction(deps, async (uow) => {
      const c = await loadCase(deps, uow.trx, id, { forUpdate: true });
      const ctx = caseSnapshot(c).context;
      const cal = await deps.calendar.get(uow.trx);
      const after = computeDeadlines(ctx, cal, deps.periods, today);
      const stored = await stores.deadlines.forCase(uow.trx, id);
      const rows = (list: typeof after) => JSON.stringify(list.map((d) => deadlineRow(id, d)));
      const changed = rows(stored) !== rows(after);
      if (changed) {
        await stores.deadlines.replace(uow.trx, id, after);
        result.deadlinesChanged++;
      }
      // A newly loaded calendar year can give an award clock its due date: keep the statistics in step (a no-op when
      // no statistical fact changed).
      await projectStats(deps, uow.trx, c, ctx, after, uow.now);
      // s61 D: the hearing calendar's answer-period flag judged again on this day (LDMAL Art. 30): while a respondent
      // stays unserved the earliest end of its period moves later day by day, and a loaded year moves the period ends.
      if (ctx.hearing) await reflagCase(deps, uow.trx, id, ctx, after, today, cal);
      result.overdue += after.filter((d) => d.status === 'overdue').length;
      result.alertsRecorded += await recordAlerts(deps, uow.trx, id, after, today, uow.now);
      await opts.onCase?.(uow.trx, id, changed, { state: c.state, ...(changed ? { deadlines: { before: stored, after } } : {}) });
    });
  }
  return result;
}

export interface DailySweepResult extends SweepResult {
  day: string;
  purgedTokens: number;
  purgedIdempotency: number;
  chain: { ok: boolean; caseEvents: number; auditRows: number; broken: BrokenRow[]; anchor: string };
}

/** Identifies this process in `sweep_runs` and `service_heartbeats`. */
export const instanceName = () => `${os.hostname()}:${process.pid}`.slice(0, 100);

/**
 * The daily sweep: deadlines and alerts, purging expired tokens and old idempotency records, and a verification of the
 * tamper-evident record (a broken chain is logged as an error naming the first broken row and kept in `sweep_runs`).
 *
 * One leader: on PostgreSQL it runs under an advisory lock, whichever process gets it; the others skip (`wait: false`)
 * or wait (`wait: true`, the CLI). A day already swept is skipped unless `force` (the CLI always sweeps; it is
 * idempotent). Returns null when skipped.
 */
export async function runDailySweep(
  deps: Deps,
  opts: { today?: string; force?: boolean; wait?: boolean; stop?: () => boolean } = {},
): Promise<DailySweepResult | null> {
  const { db, stores, clock, logger, config } = deps;
  const day = opts.today ?? clock.today();
  const hk = stores.housekeeping;
  const r = await withAdvisoryLock(
    db,
    'dailySweep',
    async (lease) => {
      if (!opts.force && (await hk.sweepDone(db.knex, day))) return null;
      await hk.sweepStarted(db.knex, day, instanceName(), clock.now().toISOString());
      // A sweep whose lock went with its session stops at the next case: another process may hold it by now.
      const sweep = await sweepDeadlines(deps, day, { stop: () => opts.stop?.() === true || lease.lost() });
      if (opts.stop?.()) return null;
      lease.assertHeld();
      const now = clock.now();
      const purgedTokens = await hk.purgeTokens(db.knex, now.toISOString());
      const purgedIdempotency = await hk.purgeIdempotency(
        db.knex,
        new Date(now.getTime() - config.idempotencyRetentionHours * 3_600_000).toISOString(),
      );
      await hk.purgeHeartbeats(db.knex, new Date(now.getTime() - 7 * 86_400_000).toISOString());
      const chain = await verifyHistory(db.reader);
      if (!chain.ok) logger.error({ broken: chain.broken }, 'history chain broken: the record was altered outside the application');
      await hk.sweepFinished(db.knex, {
        day,
        finishedAt: clock.now().toISOString(),
        cases: sweep.cases,
        deadlinesChanged: sweep.deadlinesChanged,
        alertsRecorded: sweep.alertsRecorded,
        purgedTokens,
        purgedIdempotency,
        chainOk: chain.ok,
        chainBroken: chain.ok ? null : chain.broken,
        chainAnchor: chain.anchor,
      });
      return {
        day,
        ...sweep,
        purgedTokens,
        purgedIdempotency,
        chain: { ok: chain.ok, caseEvents: chain.caseEvents, auditRows: chain.auditRows, broken: chain.broken, anchor: chain.anchor },
      };
    },
    { wait: opts.wait ?? false },
  );
  return r.acquired ? r.value : null;
}
