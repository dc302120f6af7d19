import type { Knex } from 'knex';
import type { HearingRow } from '../../workflows/hearings.ts';
import { partyNamesOf, tribunalsOf } from './case-summaries.ts';

export type { HearingRow };

export interface HearingListItem extends HearingRow {
  caseId: number;
  caseNo: string | null;
  state: string;
  arbitrators: { id: number; displayName: string; presiding: boolean }[];
  applicantNames: string[];
  respondentNames: string[];
}

export interface HearingFilter {
  from: string;
  to: string;
  arbitratorId?: number;
  place?: string;
  page: number;
  pageSize: number;
}

/** The hearing calendar: written with each hearing event, read by week, room and arbitrator. */
export function createHearingStore() {
  return {
    /** The case's hearing row as it now stands, or none (no hearing, or one cancelled by the case's closure). */
    async replace(trx: Knex, caseId: number, row: HearingRow | null): Promise<void> {
      await trx('hearings').where({ case_id: caseId }).delete();
      if (!row) return;
      await trx('hearings').insert({
        case_id: caseId,
        hearing_on: row.hearingOn,
        time: row.time,
        place: row.place,
        public: row.public,
        status: row.status,
        scheduled_on: row.scheduledOn,
      });
    },

    /** Hearings on days `from`–`to` (by day and time), with their case, tribunal and party names (four queries). */
    async list(k: Knex, f: HearingFilter): Promise<{ items: HearingListItem[]; total: number }> {
      const base = k('hearings')
        .join('cases', 'cases.id', 'hearings.case_id')
        .whereBetween('hearings.hearing_on', [f.from, f.to])
        .where((qb) => {
          if (f.place) qb.where('hearings.place', f.place);
          if (f.arbitratorId) qb.whereIn('hearings.case_id', k('case_arbitrators').select('case_id').where({ user_id: f.arbitratorId }));
        });
      const [countRow, rows] = await Promise.all([
        base.clone().count<{ n: string | number }[]>({ n: '*' }).first(),
        base
          .clone()
          .select('hearings.*', 'cases.case_no', 'cases.state')
          .orderBy([
            { column: 'hearings.hearing_on', order: 'asc' },
            { column: 'hearings.time', order: 'asc' },
            { column: 'hearings.case_id', order: 'asc' },
          ])
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
      ]);
      const ids = rows.map((r) => Number(r.case_id));
      const [tribunals, names] = await Promise.all([tribunalsOf(k, ids), partyNamesOf(k, ids)]);
      return {
        total: Number(countRow?.n ?? 0),
        items: rows.map((r) => {
          const id = Number(r.case_id);
          return {
            caseId: id,
            caseNo: r.case_no ?? null,
            state: r.state,
            hearingOn: r.hearing_on,
            time: r.time ?? null,
            place: r.place,
            public: Boolean(r.public),
            status: r.status,
            scheduledOn: r.scheduled_on,
            arbitrators: tribunals.get(id) ?? [],
            applicantNames: names.get(id)?.applicantNames ?? [],
            respondentNames: names.get(id)?.respondentNames ?? [],
          };
        }),
      };
    },
  };
}
export type HearingStore = ReturnType<typeof createHearingStore>;
