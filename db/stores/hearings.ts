import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { HearingRow } from '../../workflows/hearings.ts';
import { partyNamesOf, tribunalsOf } from './case-summaries.ts';

export type { HearingRow };

/** 'HH:MM' → minutes since midnight. */
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** Minutes since midnight (clamped to the day) → 'HH:MM'. */
const clockOf = (m: number) => {
  const c = Math.min(24 * 60 - 1, Math.max(0, m));
  return `${String(Math.floor(c / 60)).padStart(2, '0')}:${String(c % 60).padStart(2, '0')}`;
};
/**
 * Slot keys as pg_advisory_xact_lock's one 64-bit key (a space apart from the two-key locks of the rest of the code):
 * 60 bits of the key's SHA-1, without repeats, in numeric order — the order every writer takes them in.
 */
function lockOrder(keys: string[]): string[] {
  const ids = new Set(keys.map((k) => BigInt(`0x${createHash('sha1').update(k).digest('hex').slice(0, 15)}`)));
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}

export interface HearingListItem extends HearingRow {
  caseId: number;
  /** The case's hearing session: 1 for its first hearing, 2 for the next one scheduled after it was held, … */
  session: number;
  caseNo: string | null;
  state: string;
  arbitrators: { id: number; displayName: string; presiding: boolean }[];
  applicantNames: string[];
  respondentNames: string[];
  /**
   * Other cases' sessions on the same day in the same room less than a slot from this one (both with a time): a joint
   * hearing (合并开庭) — the scheduling rule lets two sessions meet there only as one (app/procedure/hearing-clash.ts).
   */
  jointWith: { caseId: number; caseNo: string | null }[];
  /** s60 L (LDMAL Art. 30): a session to be held before a respondent's answer period can end, not waived or answered. */
  beforeAnswerPeriodEnds: boolean;
}

/** Another case's session still to be held at the same day and time, in the same room or before a shared arbitrator. */
export interface HearingClash {
  caseId: number;
  caseNo: string | null;
  place: string;
  /** That session's time (HH:MM). */
  time: string;
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
  /** How long a session holds its room (HEARING_SLOT_MINUTES): sessions nearer than this in one room are joint. */
  slotMinutes: number;
}

const columns = (row: HearingRow) => ({
  hearing_on: row.hearingOn,
  time: row.time,
  place: row.place,
  public: row.public,
  status: row.status,
  scheduled_on: row.scheduledOn,
});

/** A stored session row as the calendar reads it (`columns` writes it). */
// biome-ignore lint/suspicious/noExplicitAny: a row as knex answers it
const sessionOf = (r: Record<string, any>): HearingRow => ({
  hearingOn: r.hearing_on,
  time: r.time ?? null,
  place: r.place,
  public: Boolean(r.public),
  status: r.status,
  scheduledOn: r.scheduled_on,
});

/**
 * For the calendar's page of session rows: the other cases' sessions each is heard with — the same day and room, both
 * with a time, less than `slotMinutes` apart (two queries for the page: the sessions of its days and rooms, then the
 * case numbers of those that meet one of its rows). The sessions are grouped by day and room once, so each row is
 * compared with its own room's day only (s60 D: a month's page compared each row with every session of the month).
 */
// biome-ignore lint/suspicious/noExplicitAny: rows as knex answers them
async function jointSessions(k: Knex, rows: Record<string, any>[], slotMinutes: number) {
  const timed = rows.filter((r) => r.time);
  const pairs = [...new Map(timed.map((r) => [`${r.hearing_on} ${r.place}`, [r.hearing_on, r.place]])).values()];
  const others = pairs.length
    ? await k('hearings')
        .whereIn(['hearings.hearing_on', 'hearings.place'], pairs)
        .whereNotNull('hearings.time')
        .select('hearings.case_id', 'hearings.hearing_on', 'hearings.place', 'hearings.time', 'hearings.status')
        .orderBy(['hearings.time', 'hearings.case_id'])
    : [];
  const byRoomDay = new Map<string, { caseId: number; status: string; at: number }[]>();
  for (const o of others) {
    const key = `${o.hearing_on} ${o.place}`;
    const list = byRoomDay.get(key) ?? [];
    list.push({ caseId: Number(o.case_id), status: o.status, at: minutesOf(o.time) });
    byRoomDay.set(key, list);
  }
  const slot = Math.max(1, slotMinutes);
  // biome-ignore lint/suspicious/noExplicitAny: a row as knex answers it
  const meets = (r: Record<string, any>) => {
    if (!r.time) return [];
    const at = minutesOf(r.time);
    const met = (byRoomDay.get(`${r.hearing_on} ${r.place}`) ?? []).filter(
      (o) =>
        o.caseId !== Number(r.case_id) &&
        // Both still to be held, or both held: a session set beside one already held was not judged against it.
        o.status === r.status &&
        Math.abs(o.at - at) < slot,
    );
    // One entry per case (two sessions of one case cannot both meet this one, but the calendar does not rely on it).
    return [...new Set(met.map((o) => o.caseId))];
  };
  const met = rows.map(meets);
  const ids = [...new Set(met.flat())];
  const caseNos = new Map<number, string | null>(
    ids.length ? (await k('cases').whereIn('id', ids).select('id', 'case_no')).map((c) => [Number(c.id), c.case_no ?? null]) : [],
  );
  const joint = new Map(rows.map((r, i) => [r, (met[i] ?? []).map((caseId) => ({ caseId, caseNo: caseNos.get(caseId) ?? null }))]));
  // biome-ignore lint/suspicious/noExplicitAny: a row as knex answers it
  return (r: Record<string, any>) => joint.get(r) ?? [];
}

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
     * Other cases' sessions still to be held on `hearingOn` less than `slotMinutes` from `time`, in `place` (null: any
     * room) or before one of `arbitratorIds` (a room holds one hearing at a time, an arbitrator sits in one room). On
     * PostgreSQL the slots — the room's, each arbitrator's, in buckets of `slotMinutes` of that day — are locked first,
     * in one order, until the transaction ends: two clerks scheduling sessions that would meet are taken one after the
     * other, and the second sees the first's session.
     */
    async clashes(
      trx: Knex,
      q: {
        caseId: number;
        hearingOn: string;
        time: string;
        place: string | null;
        arbitratorIds: number[];
        presidingId: number | null;
        slotMinutes: number;
        lock: boolean;
      },
    ): Promise<HearingClash[]> {
      if (q.place === null && !q.arbitratorIds.length) return [];
      const slot = Math.max(1, q.slotMinutes);
      const at = minutesOf(q.time);
      if (q.lock && trx.client.config.client === 'pg') {
        // Sessions less than `slot` apart share a bucket: the one holding the earlier start, or the next one.
        const buckets = [...new Set([Math.floor(at / slot), Math.floor((at + slot - 1) / slot)])];
        const keys = buckets.flatMap((b) => [
          ...(q.place === null ? [] : [`hearing room ${q.hearingOn} ${slot}:${b} ${q.place}`]),
          ...q.arbitratorIds.map((id) => `hearing arbitrator ${q.hearingOn} ${slot}:${b} ${id}`),
        ]);
        for (const key of lockOrder(keys)) await trx.raw('select pg_advisory_xact_lock(?::bigint)', [key]);
      }
      const rows = await trx('hearings')
        .join('cases', 'cases.id', 'hearings.case_id')
        .where({ 'hearings.status': 'scheduled', 'hearings.hearing_on': q.hearingOn })
        .whereBetween('hearings.time', [clockOf(at - slot + 1), clockOf(at + slot - 1)])
        .whereNot('hearings.case_id', q.caseId)
        .where((w) => {
          if (q.place !== null) w.where('hearings.place', q.place);
          if (q.arbitratorIds.length)
            w.orWhereIn('hearings.case_id', trx('case_arbitrators').select('case_id').whereIn('user_id', q.arbitratorIds));
        })
        .select('hearings.case_id', 'hearings.place', 'hearings.time', 'cases.case_no')
        .orderBy(['hearings.time', 'hearings.case_id']);
      const tribunals = await tribunalsOf(
        trx,
        rows.map((r) => Number(r.case_id)),
      );
      const ours = new Set(q.arbitratorIds);
      return rows.map((r) => {
        const members = tribunals.get(Number(r.case_id)) ?? [];
        const shared = members.filter((m) => ours.has(m.id));
        return {
          caseId: Number(r.case_id),
          caseNo: r.case_no ?? null,
          place: r.place,
          time: r.time,
          sameRoom: q.place !== null && r.place === q.place,
          sameTribunal:
            members.length > 0 &&
            members.length === ours.size &&
            shared.length === members.length &&
            members.find((m) => m.presiding)?.id === q.presidingId,
          arbitrators: shared.map((m) => ({ id: m.id, displayName: m.displayName })),
        };
      });
    },

    /** The case's latest session still to be held, if any. */
    async pendingOf(trx: Knex, caseId: number): Promise<HearingRow | null> {
      const r = await trx('hearings').where({ case_id: caseId, status: 'scheduled' }).orderBy('seq', 'desc').first();
      return r ? sessionOf(r) : null;
    },

    /**
     * s60 L: the case's latest session still to be held is (or is no longer) before a respondent's answer period can
     * end (LDMAL Art. 30; judged by app/procedure/answer-flag.ts `answerPeriodFlag`). Written only when it changes;
     * true when it did.
     */
    async flagAnswerPeriod(trx: Knex, caseId: number, flag: boolean): Promise<boolean> {
      const latest = trx('hearings').where({ case_id: caseId }).max('seq');
      const n = await trx('hearings')
        .where({ case_id: caseId, status: 'scheduled', seq: latest })
        .whereNot('before_answer_period_ends', flag)
        .update({ before_answer_period_ends: flag });
      return Number(n) > 0;
    },

    /** s61 D: the cases after `afterId` with a session still to be held, by id (keyset, `limit` at a time). */
    async casesWithPending(k: Knex, afterId: number, limit: number): Promise<number[]> {
      const rows = await k('hearings')
        .where('status', 'scheduled')
        .where('case_id', '>', afterId)
        .distinct('case_id')
        .orderBy('case_id')
        .limit(limit);
      return rows.map((r) => Number(r.case_id));
    },

    /** The case closed: sessions not yet held are off the calendar; those held stay. */
    async cancelPending(trx: Knex, caseId: number): Promise<void> {
      await trx('hearings').where({ case_id: caseId, status: 'scheduled' }).delete();
    },

    /**
     * Hearings on days `from`–`to` (by day and time), with their case, tribunal, party names and the sessions each is
     * heard jointly with (seven queries at most, whatever the range's size).
     */
    async list(k: Knex, f: HearingFilter): Promise<{ items: HearingListItem[]; total: number }> {
      // The sessions of the range, read off `hearings_calendar_order` (migration 0060) in the calendar's order. A
      // session's case is always there (hearings.case_id is a non-null foreign key to cases), so neither the count nor
      // the page joins it: the page's cases (number, state) are read by id for the rows it answers. (Joined, SQLite
      // read the case of every session of the range before the arbitrator's filter — s60 D.)
      const base = k('hearings')
        .whereBetween('hearings.hearing_on', [f.from, f.to])
        .where((qb) => {
          if (f.place) qb.where('hearings.place', f.place);
          if (f.arbitratorId)
            qb.whereExists(
              k('case_arbitrators')
                .select(k.raw('1'))
                .whereRaw('case_arbitrators.case_id = hearings.case_id')
                .where('case_arbitrators.user_id', f.arbitratorId),
            );
        });
      const [countRow, rows] = await Promise.all([
        base.clone().count<{ n: string | number }[]>({ n: '*' }).first(),
        base
          .clone()
          .select('hearings.*')
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
      const [cases, tribunals, names, joint] = await Promise.all([
        ids.length
          ? k('cases')
              .whereIn('id', [...new Set(ids)])
              .select('id', 'case_no', 'state')
          : [],
        tribunalsOf(k, ids),
        partyNamesOf(k, ids),
        jointSessions(k, rows, f.slotMinutes),
      ]);
      const caseOf = new Map(cases.map((c) => [Number(c.id), c]));
      return {
        total: Number(countRow?.n ?? 0),
        items: rows.map((r) => {
          const id = Number(r.case_id);
          return {
            caseId: id,
            session: Number(r.seq),
            caseNo: caseOf.get(id)?.case_no ?? null,
            state: caseOf.get(id)?.state,
            ...sessionOf(r),
            arbitrators: tribunals.get(id) ?? [],
            applicantNames: names.get(id)?.applicantNames ?? [],
            respondentNames: names.get(id)?.respondentNames ?? [],
            jointWith: joint(r),
            beforeAnswerPeriodEnds: r.status === 'scheduled' && Boolean(r.before_answer_period_ends),
          };
        }),
      };
    },
  };
}
export type HearingStore = ReturnType<typeof createHearingStore>;
