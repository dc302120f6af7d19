import type { Knex } from 'knex';
import { DEADLINE_STATUSES } from '../../workflows/deadlines.ts';
import { CODE_VERSION } from '../migrations/index.ts';

export interface SweepRun {
  day: string;
  holder: string;
  startedAt: string;
  finishedAt: string | null;
  cases: number | null;
  deadlinesChanged: number | null;
  alertsRecorded: number | null;
  purgedTokens: number | null;
  purgedIdempotency: number | null;
  chainOk: boolean | null;
  chainBroken: unknown;
  chainAnchor: string | null;
}

/** Purging what must not be kept, the record of daily sweeps, and the readiness heartbeat of each process. */
export function createHousekeepingStore() {
  return {
    /**
     * The cases the daily sweep refreshes, by id: not archived, with a deadline that can still move (not yet met) or
     * a provisional date (api.md v1.1: a loaded year makes it exact). A closed case whose deadlines are all met has
     * nothing to refresh, and at a province's scale those are almost all cases.
     */
    /**
     * The cases a sweep refreshes, after case `afterId` (a resumed calendar recomputation): only cases with a deadline
     * that can still move (not yet met) — at a province's scale closed cases are almost all — and every case with a
     * provisional date (api.md v1.1), met or not, so that a loaded year makes it exact. s61 D: and every case with a
     * session still to be held, whose answer-period flag can change with the day (app/procedure/answer-flag.ts).
     */
    async casesToSweep(k: Knex, afterId = 0): Promise<number[]> {
      const rows = await k('cases')
        .whereNot('state', 'archived')
        .where('id', '>', afterId)
        .where((w) =>
          w
            .whereIn(
              'id',
              k('case_deadlines')
                .where((d) => d.whereNotIn('status', ['met', 'met_late', 'elapsed', 'ended', 'missed']).orWhere('provisional', true))
                .select('case_id'),
            )
            .orWhereIn('id', k('hearings').where('status', 'scheduled').select('case_id')),
        )
        .select('id')
        .orderBy('id');
      return rows.map((r) => Number(r.id));
    },
    /**
     * legal57b M3: the cases — open or closed, not archived — with a deadline due on or after 1 January of `year`, met
     * or not, after case `afterId`: a calendar year loaded (again) can move them (their periods count days of that
     * year, or were carried into it; one due before the year counts none of its days), and with them a closed case's
     * met / met_late and the statistics' closed-late flag. `case_deadlines (status, due_on)` read as one range on
     * `due_on` per status, not a scan of every case. Reviewer s57 B M1: an archived file is left as filed, as the daily
     * sweep leaves it (`casesToSweep`) — no history entry, alert or recomputation is added to a record closed for good.
     */
    async casesDueFromYear(k: Knex, year: number, afterId = 0): Promise<number[]> {
      const rows = await k('case_deadlines as d')
        .join('cases as c', 'c.id', 'd.case_id')
        .whereIn('d.status', DEADLINE_STATUSES)
        .where('d.due_on', '>=', `${year}-01-01`)
        .where('d.case_id', '>', afterId)
        .whereNot('c.state', 'archived')
        .distinct('d.case_id')
        .orderBy('d.case_id');
      return rows.map((r) => Number(r.case_id));
    },
    /** Bearer tokens past their expiry (a revoked token expires too). */
    async purgeTokens(k: Knex, now: string): Promise<number> {
      return k('tokens').where('expires_at', '<', now).delete();
    },
    /** Idempotency records older than `before`: their stored answers hold identity numbers. */
    async purgeIdempotency(k: Knex, before: string): Promise<number> {
      return k('idempotency_keys').where('created_at', '<', before).delete();
    },
    async purgeHeartbeats(k: Knex, before: string): Promise<number> {
      return k('service_heartbeats').where('seen_at', '<', before).delete();
    },
    /** One small committed write: proves the database reachable and writable for this process. */
    async heartbeat(k: Knex, instance: string, startedAt: string, now: string): Promise<void> {
      await k('service_heartbeats')
        .insert({ instance, started_at: startedAt, seen_at: now, code_version: CODE_VERSION })
        .onConflict('instance')
        .merge({ seen_at: now, started_at: startedAt, code_version: CODE_VERSION });
    },
    /** Every process's last readiness write, latest first, with the code it runs (null: a version before 0057). */
    async heartbeats(k: Knex): Promise<{ instance: string; startedAt: string; seenAt: string; codeVersion: string | null }[]> {
      const rows = await k('service_heartbeats')
        .orderBy('seen_at', 'desc')
        .limit(100)
        .select('instance', 'started_at', 'seen_at', 'code_version');
      return rows.map((r) => ({ instance: r.instance, startedAt: r.started_at, seenAt: r.seen_at, codeVersion: r.code_version ?? null }));
    },
    /**
     * The processes seen since `since` whose heartbeat says they run other code than this one (an earlier version
     * writes none): a rolling start not finished yet.
     */
    async otherVersionsSeen(k: Knex, since: string, self: string): Promise<string[]> {
      const rows = await k('service_heartbeats')
        .where('seen_at', '>', since)
        .whereNot('instance', self)
        .where((q) => q.whereNull('code_version').orWhereNot('code_version', CODE_VERSION))
        .select('instance');
      return rows.map((r) => r.instance);
    },
    async sweepDone(k: Knex, day: string): Promise<boolean> {
      return Boolean(await k('sweep_runs').where({ day }).whereNotNull('finished_at').first('day'));
    },
    /**
     * One row per day holds the day's runs together (sec51 L4: a forced sweep after the scheduled one replaced its
     * row, and the status showed 0 alerts where the first run had recorded 2031): a later run of the day keeps the
     * day's first start and, once finished, adds its counts to the day's (`sweepFinished`; the cases looked at: the largest run's). A day whose run finished
     * stays done while another runs.
     */
    async sweepStarted(k: Knex, day: string, holder: string, now: string): Promise<void> {
      await k('sweep_runs').insert({ day, holder, started_at: now, finished_at: null }).onConflict('day').merge({ holder });
    },
    /**
     * The run's counts added to the day's — but `cases`, the largest run's (sec53 L4); the chain's state is the latest
     * run's (it verifies the whole record).
     */
    async sweepFinished(k: Knex, r: Omit<SweepRun, 'holder' | 'startedAt'>): Promise<void> {
      const plus = (column: string, n: number | null) => k.raw('coalesce(??, 0) + ?', [column, n ?? 0]);
      await k('sweep_runs')
        .where({ day: r.day })
        .update({
          finished_at: r.finishedAt,
          // sec53 L4: the cases a sweep looked at are the same cases each run: the day's figure is the largest run's, not
          // a sum (two runs over 812 cases read 1624). Deadlines changed, alerts and purges are done once each: summed.
          cases: k.raw('CASE WHEN coalesce(??, 0) > ? THEN ?? ELSE ? END', ['cases', r.cases ?? 0, 'cases', r.cases ?? 0]),
          deadlines_changed: plus('deadlines_changed', r.deadlinesChanged),
          alerts_recorded: plus('alerts_recorded', r.alertsRecorded),
          purged_tokens: plus('purged_tokens', r.purgedTokens),
          purged_idempotency: plus('purged_idempotency', r.purgedIdempotency),
          chain_ok: r.chainOk,
          chain_broken: r.chainBroken === null || r.chainBroken === undefined ? null : JSON.stringify(r.chainBroken),
          chain_anchor: r.chainAnchor,
        });
    },
    async lastSweep(k: Knex): Promise<SweepRun | undefined> {
      const r = await k('sweep_runs').whereNotNull('finished_at').orderBy('day', 'desc').first();
      if (!r) return undefined;
      const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
      return {
        day: r.day,
        holder: r.holder,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        cases: n(r.cases),
        deadlinesChanged: n(r.deadlines_changed),
        alertsRecorded: n(r.alerts_recorded),
        purgedTokens: n(r.purged_tokens),
        purgedIdempotency: n(r.purged_idempotency),
        chainOk: r.chain_ok === null ? null : Boolean(r.chain_ok),
        chainBroken: r.chain_broken ? JSON.parse(r.chain_broken) : null,
        chainAnchor: r.chain_anchor ?? null,
      };
    },
  };
}
export type HousekeepingStore = ReturnType<typeof createHousekeepingStore>;
