import type { Knex } from 'knex';
import { maskPersonalNumbersInText } from '../../workflows/identifiers.ts';
import { isPg, parseJsonColumn } from '../sql-json.ts';

/** The names a case shows wherever it is listed: applicants and respondents, each side in its order (seq). */
export interface PartyNames {
  applicantNames: string[];
  respondentNames: string[];
}

/**
 * The party names of the given cases, in one query: the one read behind every list that shows a case by its parties
 * (the hearing calendar, the award-clock board, the due-deadline list). Names only — never an identity number, a
 * phone or an address: typed into a name, they are masked. A case without parties (or not found) maps to empty lists.
 */
export async function partyNamesOf(k: Knex, caseIds: number[]): Promise<Map<number, PartyNames>> {
  const ids = [...new Set(caseIds)];
  const out = new Map<number, PartyNames>(ids.map((id) => [id, { applicantNames: [], respondentNames: [] }]));
  if (!ids.length) return out;
  const rows = await k('parties')
    .whereIn('case_id', ids)
    .whereIn('side', ['applicant', 'respondent'])
    .orderBy(['case_id', 'side', 'seq'])
    .select('case_id', 'side', 'name');
  for (const r of rows) {
    const names = out.get(Number(r.case_id));
    if (!names) continue;
    (r.side === 'applicant' ? names.applicantNames : names.respondentNames).push(maskPersonalNumbersInText(r.name as string));
  }
  return out;
}

/** One tribunal member as the work views show them. */
export interface TribunalMember {
  id: number;
  displayName: string;
  presiding: boolean;
}

/** The tribunals of the given cases (`case_arbitrators`, with display names), in one query, members by user id. */
export async function tribunalsOf(k: Knex, caseIds: number[]): Promise<Map<number, TribunalMember[]>> {
  const ids = [...new Set(caseIds)];
  const out = new Map<number, TribunalMember[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await k('case_arbitrators')
    .join('users', 'users.id', 'case_arbitrators.user_id')
    .whereIn('case_arbitrators.case_id', ids)
    .select('case_arbitrators.case_id', 'users.id', 'users.display_name', 'case_arbitrators.presiding')
    .orderBy(['case_arbitrators.case_id', 'users.id']);
  for (const r of rows)
    out.get(Number(r.case_id))?.push({ id: Number(r.id), displayName: r.display_name as string, presiding: Boolean(r.presiding) });
  return out;
}

/** A case as a line of a list: its number, state and party names. */
export interface CaseHeadline extends PartyNames {
  caseNo: string | null;
  state: string;
  /** arbitration, mediation (pre-arbitration) or review: what an unnumbered case is called (仲裁申请 / 调解申请). */
  track: string;
}

/**
 * Objects of the cases' records (`context.<key>` of the snapshot), taken out by the database in one query: the rest of the
 * record — parties, identity numbers — never reaches this process (reviewer s49 L3). Object-valued keys only (SQLite's
 * json_extract answers them as JSON text, PostgreSQL's #> as json).
 */
async function contextParts(k: Knex, caseIds: number[], keys: readonly string[]): Promise<Map<number, Record<string, unknown>>> {
  const out = new Map<number, Record<string, unknown>>();
  if (!caseIds.length) return out;
  for (const key of keys) if (!/^[A-Za-z]+$/.test(key)) throw new Error(`not a record key: ${key}`);
  const parts = keys.map((key) =>
    isPg(k)
      ? k.raw(`(snapshot::json #> '{context,${key}}') as ??`, [key])
      : k.raw(`json_extract(snapshot, '$.context.${key}') as ??`, [key]),
  );
  const rows = (await k('cases')
    .whereIn('id', [...new Set(caseIds)])
    .select('id', ...parts)) as Record<string, unknown>[];
  for (const r of rows) out.set(Number(r.id), Object.fromEntries(keys.map((key) => [key, parseJsonColumn(r[key], null)])));
  return out;
}

/** Case summaries for read models, and `case_arbitrators` kept in step with the tribunal in the snapshot. */
export function createCaseSummaryStore() {
  return {
    partyNamesOf,
    /**
     * Every party of the given cases — id, side, name — in the order the case record lists them (side, then seq: as
     * `loadChildren` in db/stores/cases.ts), third parties included: what the documents' labels of same-name parties
     * (templates/kinds.ts distinctPartyNames, 张三（一）/张三（二）) are computed from (docs53 L4). Names only.
     */
    async partiesInOrderOf(k: Knex, caseIds: number[]): Promise<Map<number, { id: number; side: string; name: string }[]>> {
      const ids = [...new Set(caseIds)];
      const out = new Map<number, { id: number; side: string; name: string }[]>(ids.map((id) => [id, []]));
      if (!ids.length) return out;
      const rows = await k('parties').whereIn('case_id', ids).orderBy(['case_id', 'side', 'seq']).select('id', 'case_id', 'side', 'name');
      for (const r of rows) out.get(Number(r.case_id))?.push({ id: Number(r.id), side: r.side as string, name: r.name as string });
      return out;
    },
    tribunalsOf,
    /** The day each arbitral review was accepted (its record's `review.acceptedOn`, ACCEPT_REVIEW, Rules Art. 75), by case. */
    async reviewsAcceptedOn(k: Knex, caseIds: number[]): Promise<Map<number, string>> {
      const out = new Map<number, string>();
      for (const [id, parts] of await contextParts(k, caseIds, ['review'])) {
        const on = (parts.review as { acceptedOn?: string } | null)?.acceptedOn;
        if (on) out.set(id, on);
      }
      return out;
    },
    /**
     * The award and the court's ruling on setting it aside (LDMAL Art. 49) of the given cases, from their records: what a
     * statistical row needs to say an award no longer stands (docs49 M3). One query.
     */
    async awardSetAsideOf(
      k: Knex,
      caseIds: number[],
    ): Promise<
      Map<
        number,
        { award: { finality: string } | null; setAside: { court: string; result: string | null; decidedOn: string | null } | null }
      >
    > {
      const out = new Map();
      for (const [id, parts] of await contextParts(k, caseIds, ['award', 'setAside']))
        out.set(id, { award: parts.award ?? null, setAside: parts.setAside ?? null });
      return out;
    },
    /** Number, state and party names of the given cases (those that exist). */
    async headlines(k: Knex, caseIds: number[]): Promise<Map<number, CaseHeadline>> {
      const ids = [...new Set(caseIds)];
      if (!ids.length) return new Map();
      const [cases, names] = await Promise.all([
        k('cases').whereIn('id', ids).select('id', 'case_no', 'state', 'track'),
        partyNamesOf(k, ids),
      ]);
      return new Map(
        cases.map((c) => {
          const id = Number(c.id);
          const n = names.get(id) ?? { applicantNames: [], respondentNames: [] };
          return [id, { caseNo: (c.case_no as string | null) ?? null, state: c.state as string, track: c.track as string, ...n }];
        }),
      );
    },
    /**
     * The names of the given cases' parties (every side), by case, then by party id: what a text numbering them names
     * in a list (identity numbers and phones typed into a name masked).
     */
    async partyNamesById(k: Knex, caseIds: number[]): Promise<Map<number, Map<number, string>>> {
      const ids = [...new Set(caseIds)];
      const out = new Map<number, Map<number, string>>(ids.map((id) => [id, new Map()]));
      if (!ids.length) return out;
      for (const r of await k('parties').whereIn('case_id', ids).select('case_id', 'id', 'name'))
        out.get(Number(r.case_id))?.set(Number(r.id), maskPersonalNumbersInText(r.name as string));
      return out;
    },
    /** The case's tribunal as it now stands (LDMAL Art. 31): its members, the presiding one marked; none before it is formed. */
    async replaceTribunal(trx: Knex, caseId: number, t: { arbitratorIds: number[]; presidingId?: number | null } | null): Promise<void> {
      await trx('case_arbitrators').where({ case_id: caseId }).delete();
      if (t?.arbitratorIds.length)
        await trx('case_arbitrators').insert(
          t.arbitratorIds.map((id) => ({ case_id: caseId, user_id: id, presiding: id === t.presidingId })),
        );
    },
    /** `case_mediators` as the snapshot's assigned mediators (ASSIGN_MEDIATOR): the mediators' workload reads it. */
    async replaceMediators(trx: Knex, caseId: number, mediatorIds: number[]): Promise<void> {
      await trx('case_mediators').where({ case_id: caseId }).delete();
      const ids = [...new Set(mediatorIds)];
      if (ids.length) await trx('case_mediators').insert(ids.map((id) => ({ case_id: caseId, user_id: id })));
    },
  };
}
export type CaseSummaryStore = ReturnType<typeof createCaseSummaryStore>;
