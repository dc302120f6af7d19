import type { Knex } from 'knex';
import type { HearingRow } from '../../workflows/hearings.ts';
import { partyNamesOf, tribunalsOf } from './case-summaries.ts';

export type { HearingRow };

/** pg_advisory_xact_lock's first key for hearing slots (the second is the slot's text, hashed). */
const HEARING_SLOT_LOCK_NAMESPACE = 0x7a68; // "zh"

export interface HearingListItem extends HearingRow {
  caseId: number;
  /** The case's hearing session: 1 for its first hearing, 2 for the next one scheduled after it was held, … */
  session: number;
  caseNo: string | null;
  state: string;
  arbitrators: { id: number; displayName: string; presiding: boolean }[];
  applicantNames: string[];
  respondentNames: string[];
}

/** Another case's session still to be held at the same day and time, in the same room or before a shared arbitrator. */
export interface HearingClash {
  caseId: number;
  caseNo: string | null;
  place: string;
  sameRoom: boolean;
  /** That case's tribunal has the same arbitrators as this one's (who may hear the two together). */
  sameTribunal: boolean;
  /** This case's arbitrators who sit in that case too. */
  arbitrators: { id: number; displayName: string }[];
}

export interface HearingFilter {
  from: string;
  to: string;
  arbitratorId?: number;
  place?: string;
  page: number;
  pageSize: number;
}

const columns = (row: HearingRow) => ({
  hearing_on: row.hearingOn,
  time: row.time,
  place: row.place,
  public: row.public,
  status: row.status,
  scheduled_on: row.scheduledOn,
});

/** The hearing calendar: written with each hearing event, read by week, room and arbitrator. */
export function createHearingStore() {
  return {
    /** A newly scheduled session: numbered after the case's earlier ones, which stay in the calendar. */
    async schedule(trx: Knex, caseId: number, row: HearingRow): Promise<void> {
      const last = await trx('hearings').where({ case_id: caseId }).max<{ n: number | string | null }>({ n: 'seq' }).first();
      await trx('hearings').insert({ case_id: caseId, seq: Number(last?.n ?? 0) + 1, ...columns(row) });
    },

    /**
     * The case's latest session now stands as `row` (postponed: a new day, room or time; held: the day it was held).
     * A case with no session row yet (scheduled before the calendar existed) gets one.
     */
    async updateLatest(trx: Knex, caseId: number, row: HearingRow): Promise<void> {
      const last = await trx('hearings').where({ case_id: caseId }).max<{ n: number | string | null }>({ n: 'seq' }).first();
      if (last?.n === null || last?.n === undefined) await trx('hearings').insert({ case_id: caseId, seq: 1, ...columns(row) });
      else
        await trx('hearings')
          .where({ case_id: caseId, seq: Number(last.n) })
          .update(columns(row));
    },

    /** The case's sessions as `rows` (numbered 1…n): the backfill of cases recorded before every session was kept. */
    async replaceSessions(trx: Knex, caseId: number, rows: HearingRow[]): Promise<void> {
      await trx('hearings').where({ case_id: caseId }).delete();
      if (rows.length) await trx('hearings').insert(rows.map((r, i) => ({ case_id: caseId, seq: i + 1, ...columns(r) })));
    },

    /**
     * Other cases' sessions still to be held on `hearingOn` at `time`, in `place` or before one of `arbitratorIds`
     * (a room holds one hearing at a time, an arbitrator sits in one room). On PostgreSQL the slots — the room's, each
     * arbitrator's — are locked first, in one order, until the transaction ends: two clerks scheduling one slot at once
     * are taken one after the other, and the second sees the first's session.
     */
    async clashes(
      trx: Knex,
      q: { caseId: number; hearingOn: string; time: string; place: string; arbitratorIds: number[]; lock: boolean },
    ): Promise<HearingClash[]> {
      if (q.lock && trx.client.config.client === 'pg') {
        const slot = `${q.hearingOn}T${q.time}`;
        const keys = [`${slot} room ${q.place}`, ...q.arbitratorIds.map((id) => `${slot} arbitrator ${id}`)].sort();
        for (const key of keys) await trx.raw('select pg_advisory_xact_lock(?, hashtext(?))', [HEARING_SLOT_LOCK_NAMESPACE, key]);
      }
      const rows = await trx('hearings')
        .join('cases', 'cases.id', 'hearings.case_id')
        .where({ 'hearings.status': 'scheduled', 'hearings.hearing_on': q.hearingOn, 'hearings.time': q.time })
        .whereNot('hearings.case_id', q.caseId)
        .where((w) => {
          w.where('hearings.place', q.place);
          if (q.arbitratorIds.length)
            w.orWhereIn('hearings.case_id', trx('case_arbitrators').select('case_id').whereIn('user_id', q.arbitratorIds));
        })
        .select('hearings.case_id', 'hearings.place', 'cases.case_no')
        .orderBy('hearings.case_id');
      const tribunals = await tribunalsOf(
        trx,
        rows.map((r) => Number(r.case_id)),
      );
      return rows.map((r) => {
        const members = tribunals.get(Number(r.case_id)) ?? [];
        const shared = members.filter((m) => q.arbitratorIds.includes(m.id));
        return {
          caseId: Number(r.case_id),
          caseNo: r.case_no ?? null,
          place: r.place,
          sameRoom: r.place === q.place,
          sameTribunal: members.length > 0 && shared.length === members.length && members.length === new Set(q.arbitratorIds).size,
          arbitrators: shared.map((m) => ({ id: m.id, displayName: m.displayName })),
        };
      });
    },

    /** The case closed: sessions not yet held are off the calendar; those held stay. */
    async cancelPending(trx: Knex, caseId: number): Promise<void> {
      await trx('hearings').where({ case_id: caseId, status: 'scheduled' }).delete();
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
            { column: 'hearings.seq', order: 'asc' },
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
            session: Number(r.seq),
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
