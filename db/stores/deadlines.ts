import type { Knex } from 'knex';
import type { Deadline } from '../../workflows/deadlines.ts';
import { insertLater, rawLater, writeLater } from '../write-later.ts';

/** The columns of a stored deadline (also read as JSON inside the case's own row: db/stores/cases.ts). */
export const DEADLINE_COLUMNS = [
  'case_id',
  'kind',
  'party_id',
  'label',
  'starts_on',
  'due_on',
  'unit',
  'days',
  'basis',
  'status',
  'explanation',
  'assignee',
  'met_on',
  'provisional',
] as const;

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
export const deadlineFromRow = (r: Record<string, any>): Deadline & { caseId: number } => ({
  caseId: Number(r.case_id),
  kind: r.kind,
  label: r.label,
  startsOn: r.starts_on ?? null,
  dueOn: r.due_on ?? null,
  unit: r.unit,
  days: Number(r.days),
  basis: r.basis,
  status: r.status,
  explanation: r.explanation,
  assignee: r.assignee,
  ...(r.party_id ? { partyId: Number(r.party_id) } : {}),
  metOn: r.met_on ?? null,
  provisional: Boolean(r.provisional),
});

/** The stored row of one deadline (also used by the synthetic bulk seeder). */
export function deadlineRow(caseId: number, d: Deadline): Record<string, unknown> {
  return {
    case_id: caseId,
    kind: d.kind,
    party_id: d.partyId ?? null,
    label: d.label,
    starts_on: d.startsOn,
    due_on: d.dueOn,
    unit: d.unit,
    days: d.days,
    basis: d.basis,
    status: d.status,
    explanation: d.explanation,
    assignee: d.assignee,
    met_on: d.metOn ?? null,
    provisional: d.provisional ?? false,
  };
}

/**
 * The stored rows of a case's deadlines, each numbered among those of its kind and party (`occurrence`: a case may
 * have several of one kind, one per recusal application, say): the unique index on (case, kind, party, occurrence)
 * makes two writers inserting the same list fail loudly instead of leaving duplicates.
 */
export function deadlineRows(caseId: number, list: Deadline[]): Record<string, unknown>[] {
  const seen = new Map<string, number>();
  return list.map((d) => {
    const key = `${d.kind}\u0000${d.partyId ?? 0}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return { ...deadlineRow(caseId, d), occurrence };
  });
}

/** Whether two lists of a case's deadlines would be stored as the same rows. */
export function sameDeadlines(caseId: number, a: Deadline[], b: Deadline[]): boolean {
  if (a.length !== b.length) return false;
  const rows = (list: Deadline[]) => JSON.stringify(list.map((d) => deadlineRow(caseId, d)));
  return rows(a) === rows(b);
}

/** The materialized deadlines of each case and the alerts recorded for them. */
export function createDeadlineStore() {
  return {
    /**
     * Writes the case's deadlines in place of the stored ones. With `stored` (the rows as the caller read them inside
     * its transaction) nothing is written when they are the same; `isNew`: there are none yet. Answers whether it wrote.
     */
    async replace(trx: Knex, caseId: number, list: Deadline[], opts: { isNew?: boolean; stored?: Deadline[] } = {}): Promise<boolean> {
      if (opts.stored && sameDeadlines(caseId, opts.stored, list)) return false;
      // Nobody reads what these answer: on SQLite they go with the transaction's other queued writes.
      // Written as text (no query builder to compile on every event: issue 15).
      if (!opts.isNew) await rawLater(trx, 'DELETE FROM case_deadlines WHERE case_id = ?', [caseId]);
      const rows = deadlineRows(caseId, list);
      await insertLater(trx, 'case_deadlines', rows);
      return true;
    },
    async forCase(trx: Knex, caseId: number): Promise<Deadline[]> {
      return (await trx('case_deadlines').where({ case_id: caseId }).orderBy('id')).map(deadlineFromRow);
    },
    /**
     * Open, paused, unknown and overdue deadlines (not met, not met late) due on or before `until` (overdue first, then by date),
     * optionally only those of one assignee: clerk/mediator by role, tribunal by membership.
     */
    async due(trx: Knex, until: string, who?: { role: string; userId: number }): Promise<(Deadline & { caseId: number })[]> {
      const q = trx('case_deadlines')
        .whereIn('status', ['open', 'overdue', 'paused', 'unknown'])
        .where((w) => w.where('due_on', '<=', until).orWhereNull('due_on'));
      if (who) {
        if (who.role === 'arbitrator') {
          q.where('assignee', 'tribunal').whereIn('case_id', trx('case_arbitrators').select('case_id').where({ user_id: who.userId }));
        } else if (who.role === 'chair') {
          q.whereIn('assignee', ['tribunal', 'clerk']);
        } else {
          q.where('assignee', who.role);
        }
      }
      const rows = await q
        .orderByRaw(`CASE status WHEN 'overdue' THEN 0 WHEN 'unknown' THEN 2 ELSE 1 END`)
        .orderBy('due_on')
        .orderBy('case_id');
      return rows.map(deadlineFromRow);
    },
    async overdueCaseIds(trx: Knex): Promise<number[]> {
      return (await trx('case_deadlines').distinct('case_id').where({ status: 'overdue' })).map((r) => Number(r.case_id));
    },
    /** Records an alert once; returns false when it was already recorded. */
    /**
     * `alert` for a write that does not read the answer (a procedure event, a registration correction): queued with the
     * transaction's other writes (db/write-later.ts) — no trip of its own (one-message.test.ts: an ACCEPT entered late,
     * its deadlines overdue, is still three messages on PostgreSQL).
     */
    async alertLater(trx: Knex, a: { caseId: number; kind: string; threshold: string; dueOn: string; now: string }): Promise<void> {
      await writeLater(
        trx,
        trx('deadline_alerts')
          .insert({ case_id: a.caseId, kind: a.kind, threshold: a.threshold, due_on: a.dueOn, created_at: a.now })
          .onConflict(['case_id', 'kind', 'threshold', 'due_on'])
          .ignore(),
      );
    },
    async alert(trx: Knex, a: { caseId: number; kind: string; threshold: string; dueOn: string; now: string }): Promise<boolean> {
      const r = await trx('deadline_alerts')
        .insert({ case_id: a.caseId, kind: a.kind, threshold: a.threshold, due_on: a.dueOn, created_at: a.now })
        .onConflict(['case_id', 'kind', 'threshold', 'due_on'])
        .ignore()
        .returning('id');
      return r.length > 0;
    },
    /**
     * The award-clock alerts the daily sweep recorded that still stand: for each case the latest alert whose due date is
     * still the case's award deadline and that deadline is still running (open or overdue) — an extension, a closure or
     * a met deadline retires it. Optionally only the cases on one arbitrator's tribunal.
     */
    async standingAwardAlerts(
      k: Knex,
      f: { arbitratorId?: number } = {},
    ): Promise<
      { caseId: number; threshold: string; dueOn: string; provisional: boolean; recordedAt: string; status: 'open' | 'overdue' }[]
    > {
      const q = k('deadline_alerts as a')
        .join('case_deadlines as d', (j) => j.on('d.case_id', 'a.case_id').andOn('d.kind', 'a.kind').andOn('d.due_on', 'a.due_on'))
        .where('a.kind', 'award')
        .whereIn('d.status', ['open', 'overdue'])
        .select('a.id', 'a.case_id', 'a.threshold', 'a.due_on', 'a.created_at', 'd.status', 'd.provisional')
        .orderBy('a.id');
      if (f.arbitratorId) q.whereIn('a.case_id', k('case_arbitrators').select('case_id').where({ user_id: f.arbitratorId }));
      const latest = new Map<
        number,
        { caseId: number; threshold: string; dueOn: string; provisional: boolean; recordedAt: string; status: 'open' | 'overdue' }
      >();
      for (const r of await q)
        latest.set(Number(r.case_id), {
          caseId: Number(r.case_id),
          threshold: r.threshold,
          dueOn: r.due_on,
          // legal55b M1: a due day resting on a year with no official holiday notice is said to be provisional here too.
          provisional: Boolean(r.provisional),
          recordedAt: r.created_at,
          status: r.status,
        });
      return [...latest.values()];
    },
    async alerts(trx: Knex, caseId?: number) {
      const q = trx('deadline_alerts').orderBy('id');
      if (caseId) q.where({ case_id: caseId });
      return (await q).map((r) => ({
        caseId: Number(r.case_id),
        kind: r.kind,
        threshold: r.threshold,
        dueOn: r.due_on,
        createdAt: r.created_at,
      }));
    },
  };
}
export type DeadlineStore = ReturnType<typeof createDeadlineStore>;
