import type { Knex } from 'knex';
import { partyNamesOf, tribunalsOf } from './case-summaries.ts';

/** Statuses of a deadline that is still running (not met, on time or late). */
const RUNNING = ['open', 'overdue', 'paused', 'unknown'];

export interface AwardClockItem {
  caseId: number;
  caseNo: string | null;
  state: string;
  dueOn: string | null;
  status: string;
  provisional: boolean;
  explanation: string;
  arbitrators: { id: number; displayName: string }[];
  applicantNames: string[];
  /** The award time limit was already extended (EXTEND_TIME_LIMIT recorded; approved once only, LDMAL Art. 43). */
  extended: boolean;
}

/** Work views over the case tables: the award clocks of open cases, and each arbitrator's load. */
export function createWorkloadStore() {
  return {
    /**
     * Open arbitration cases by their award clock (LDMAL Art. 43): overdue first, then by due date, undated last;
     * optionally only those due on or before `until` (overdue and undated always included).
     */
    async awardClocks(
      k: Knex,
      f: { until?: string; page: number; pageSize: number },
    ): Promise<{ items: AwardClockItem[]; total: number; overdue: number }> {
      const base = k('case_deadlines as d')
        .join('cases', 'cases.id', 'd.case_id')
        .where('d.kind', 'award')
        .whereIn('d.status', RUNNING)
        .whereNull('cases.closed_on')
        .where('cases.track', 'arbitration')
        .where((qb) => {
          if (f.until) qb.where('d.due_on', '<=', f.until).orWhereNull('d.due_on').orWhere('d.status', 'overdue');
        });
      const [countRow, overdueRow, rows] = await Promise.all([
        base.clone().countDistinct<{ n: string | number }[]>({ n: 'd.case_id' }).first(),
        base.clone().where('d.status', 'overdue').countDistinct<{ n: string | number }[]>({ n: 'd.case_id' }).first(),
        base
          .clone()
          .select('d.*', 'cases.case_no', 'cases.state')
          .orderByRaw(`CASE d.status WHEN 'overdue' THEN 0 ELSE 1 END`)
          .orderByRaw('CASE WHEN d.due_on IS NULL THEN 1 ELSE 0 END')
          .orderBy('d.due_on')
          .orderBy('d.case_id')
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
      ]);
      const ids = rows.map((r) => Number(r.case_id));
      const [tribunals, names, extendedRows] = await Promise.all([
        tribunalsOf(k, ids),
        partyNamesOf(k, ids),
        ids.length ? k('case_events').whereIn('case_id', ids).where('type', 'EXTEND_TIME_LIMIT').distinct('case_id') : Promise.resolve([]),
      ]);
      const extended = new Set(extendedRows.map((r: { case_id: number | string }) => Number(r.case_id)));
      return {
        total: Number(countRow?.n ?? 0),
        overdue: Number(overdueRow?.n ?? 0),
        items: rows.map((r) => {
          const id = Number(r.case_id);
          return {
            caseId: id,
            caseNo: r.case_no ?? null,
            state: r.state,
            dueOn: r.due_on ?? null,
            status: r.status,
            // The column exists once deadlines beyond the loaded calendar carry a provisional date (issue 11).
            provisional: r.provisional === true || r.provisional === 1,
            explanation: r.explanation,
            arbitrators: (tribunals.get(id) ?? []).map((a) => ({ id: a.id, displayName: a.displayName })),
            applicantNames: names.get(id)?.applicantNames ?? [],
            extended: extended.has(id),
          };
        }),
      };
    },

    /** Per active user of the role: open cases on their tribunals and hearings in the week `from`–`to`. */
    async arbitratorLoad(k: Knex, week: { from: string; to: string }) {
      const [users, open, hearings] = await Promise.all([
        k('users').where({ role: 'arbitrator', active: true }).orderBy('id').select('id', 'display_name'),
        k('case_arbitrators')
          .join('cases', 'cases.id', 'case_arbitrators.case_id')
          .whereNull('cases.closed_on')
          .groupBy('case_arbitrators.user_id')
          .select('case_arbitrators.user_id')
          .count<{ user_id: number; n: string | number }[]>({ n: '*' }),
        k('hearings')
          .join('case_arbitrators', 'case_arbitrators.case_id', 'hearings.case_id')
          .whereBetween('hearings.hearing_on', [week.from, week.to])
          .groupBy('case_arbitrators.user_id')
          .select('case_arbitrators.user_id')
          .count<{ user_id: number; n: string | number }[]>({ n: '*' }),
      ]);
      const count = (list: { user_id: number; n: string | number }[], id: number) =>
        Number(list.find((x) => Number(x.user_id) === id)?.n ?? 0);
      return users.map((u) => ({
        id: Number(u.id),
        displayName: u.display_name as string,
        openCases: count(open, Number(u.id)),
        hearingsThisWeek: count(hearings, Number(u.id)),
      }));
    },

    /**
     * Per active mediator: mediations in hand — arbitration cases still open it is assigned to, and pre-arbitration
     * mediations still in progress it registered or was assigned to — and the hearings in the week `from`–`to` of the
     * arbitration cases it is assigned to.
     */
    async mediatorLoad(k: Knex, week: { from: string; to: string }) {
      const inHand = (q: Knex.QueryBuilder) =>
        q.where((w) =>
          w
            .where((a) => a.where('cases.track', 'arbitration').whereNull('cases.closed_on'))
            .orWhere((m) => m.where('cases.track', 'mediation').where('cases.state', 'mediation_in_progress')),
        );
      const [users, assigned, registered, hearings] = await Promise.all([
        k('users').where({ role: 'mediator', active: true }).orderBy('id').select('id', 'display_name'),
        inHand(k('case_mediators').join('cases', 'cases.id', 'case_mediators.case_id')).select(
          'case_mediators.user_id',
          'cases.id as case_id',
        ),
        inHand(k('cases').where('cases.track', 'mediation'))
          .whereNotNull('cases.created_by')
          .select('cases.created_by as user_id', 'cases.id as case_id'),
        k('hearings')
          .join('case_mediators', 'case_mediators.case_id', 'hearings.case_id')
          .whereBetween('hearings.hearing_on', [week.from, week.to])
          .groupBy('case_mediators.user_id')
          .select('case_mediators.user_id')
          .count<{ user_id: number; n: string | number }[]>({ n: '*' }),
      ]);
      const cases = new Map<number, Set<number>>();
      for (const r of [...assigned, ...registered]) {
        const set = cases.get(Number(r.user_id)) ?? new Set<number>();
        set.add(Number(r.case_id));
        cases.set(Number(r.user_id), set);
      }
      return users.map((u) => ({
        id: Number(u.id),
        displayName: u.display_name as string,
        openCases: cases.get(Number(u.id))?.size ?? 0,
        hearingsThisWeek: Number(hearings.find((x) => Number(x.user_id) === Number(u.id))?.n ?? 0),
      }));
    },
  };
}
export type WorkloadStore = ReturnType<typeof createWorkloadStore>;
