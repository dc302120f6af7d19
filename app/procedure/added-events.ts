import type { Knex } from 'knex';
import type { CaseRecord, ClaimRecord, PartyRecord } from '../../db/stores/cases.ts';
import { formatMoney, parseMoney } from '../../workflows/identifiers.ts';
import type { ClaimCategory } from '../../workflows/reference.ts';
import { claimApplicantErrors, toClaim, toParty } from '../cases/register-case.ts';
import type { Deps } from '../deps.ts';
import { type FieldError, validationError } from '../errors.ts';
import type { ClaimInput, PartyInput } from '../schemas.ts';
import type { UnitOfWork } from '../unit-of-work.ts';
import { AGENT_EVENTS, writeAgentRows } from './agents.ts';

/**
 * Round 2 (issue 11 "Missing"): what the server does around the statechart for the added procedures — references to
 * check (400 naming the field), rows to write before the chart sees the event (an added party or claim needs its id
 * in the procedure record), and which events assign a case number or change the tribunal.
 */

/** Events that assign the case number like ACCEPT (a transferred case is accepted here, Rules Art. 9). */
export const NUMBERING_EVENTS = new Set(['ACCEPT', 'ACCEPT_TRANSFER']);
/** Events after which `case_arbitrators` follows the tribunal in the snapshot. */
export const TRIBUNAL_EVENTS = new Set(['FORM_TRIBUNAL', 'RECUSE_ARBITRATOR', 'DECIDE_RECUSAL']);

type Payload = Record<string, unknown>;

/** The same person or organization: identity number / credit code when both have one, else the name. */
export function sameParty(a: Pick<PartyRecord, 'kind' | 'name' | 'idNumber' | 'creditCode'>, b: typeof a): boolean {
  if (a.kind !== b.kind) return false;
  const ka = a.kind === 'person' ? a.idNumber : a.creditCode;
  const kb = b.kind === 'person' ? b.idNumber : b.creditCode;
  if (ka && kb) return ka === kb;
  return a.name === b.name;
}

/** References inside the added events' payloads (400): claims of this case, real arbitrators and clerks, new parties. */
export async function checkAddedReferences(deps: Deps, k: Knex, c: CaseRecord, type: string, payload: Payload): Promise<void> {
  const errors: FieldError[] = [];
  const claimIds = new Set(c.claims.map((cl) => cl.id));
  // A claim as the screen numbers it (第N项), not by its record id.
  const nth = (id: number) => `第${c.claims.find((cl) => cl.id === id)?.seq ?? id}项请求`;
  const users: [string, number, 'arbitrator' | 'clerk'][] = [];
  if (type === 'CHANGE_CLAIMS') {
    const counter = new Set(c.claims.filter((cl) => cl.counterclaim).map((cl) => cl.id));
    ((payload.change ?? []) as { claimId: number }[]).forEach((ch, i) => {
      if (!claimIds.has(ch.claimId)) errors.push({ path: `change.${i}.claimId`, message: `本案没有编号为 ${ch.claimId} 的仲裁请求` });
      // Rules Art. 44 lets the applicant change its own claims; a counterclaim's are the respondent's (Rules Art. 36).
      else if (counter.has(ch.claimId))
        errors.push({ path: `change.${i}.claimId`, message: `${nth(ch.claimId)}是被申请人的反申请请求，申请人不能变更` });
    });
    // Each side gives up its own claims only: the respondent its counterclaim's (撤回反申请, Rules Art. 36), by an act of
    // its own (`by: "respondent"`), which the documents recite as the respondent's.
    const byRespondent = payload.by === 'respondent';
    ((payload.withdraw ?? []) as number[]).forEach((id, i) => {
      if (!claimIds.has(id)) errors.push({ path: `withdraw.${i}`, message: `本案没有编号为 ${id} 的仲裁请求` });
      else if (counter.has(id) && !byRespondent)
        errors.push({ path: `withdraw.${i}`, message: `${nth(id)}是被申请人的反申请请求，申请人不能放弃（由被申请人放弃的，请注明）` });
      else if (!counter.has(id) && byRespondent)
        errors.push({ path: `withdraw.${i}`, message: `${nth(id)}是申请人的仲裁请求，被申请人不能放弃` });
    });
  }
  // A claim added (a change of claims, a merged counterclaim) names its applicant by position among the case's.
  const applicants = c.parties.filter((p) => p.side === 'applicant').length;
  if (type === 'CHANGE_CLAIMS') errors.push(...claimApplicantErrors(payload.add as ClaimInput[] | undefined, applicants, 'add'));
  if (type === 'FILE_COUNTERCLAIM') errors.push(...claimApplicantErrors(payload.claims as ClaimInput[] | undefined, applicants, 'claims'));
  // legal55a 8: the third party's attendance is recorded where the case has one (LDMAL Art. 23; Rules Art. 46(1)), as the
  // form asks it only then — on a case with none it would print 「第三人到庭」 of no one.
  if (type === 'HOLD_HEARING' && payload.thirdPartyPresent !== undefined && !c.parties.some((p) => p.side === 'third_party'))
    errors.push({ path: 'thirdPartyPresent', message: '本案没有第三人（劳动争议调解仲裁法第二十三条），不能记录第三人是否到庭' });
  if (type === 'ADD_PARTY') {
    const np = toParty(payload.side as PartyRecord['side'], payload.party as PartyInput);
    if (c.parties.some((p) => sameParty(p, np))) errors.push({ path: 'party', message: `${np.name} 已是本案当事人` });
  }
  if (type === 'APPLY_RECUSAL') {
    const t = payload.target as { kind: 'arbitrator' | 'recorder'; userId?: number };
    if (t.userId !== undefined) users.push(['target.userId', t.userId, t.kind === 'arbitrator' ? 'arbitrator' : 'clerk']);
  }
  if (type === 'DECIDE_RECUSAL' && payload.replacementId !== undefined)
    users.push(['replacementId', payload.replacementId as number, 'arbitrator']);
  if (users.length) {
    const found = await deps.stores.users.listByIds(
      users.map(([, id]) => id),
      k,
    );
    for (const [path, id, role] of users) {
      const u = found.find((x) => x.id === id);
      if (!u?.active || u.role !== role)
        errors.push({ path, message: `用户 ${id} 不是在职${role === 'arbitrator' ? '仲裁员' : '书记员（记录人员）'}` });
    }
  }
  if (errors.length) throw validationError(errors);
}

/**
 * Writes the rows an added event creates, before the statechart sees it (a refusal rolls them back with the unit of
 * work), and puts what the chart records into the payload: `newPartyId`; `addedClaims` (a change of claims, a merged
 * counterclaim) and the claims' `previous` values. Returns the case's parties and claims as they now stand, or nothing when the event writes no rows.
 */
export async function writeAddedRows(
  deps: Deps,
  uow: UnitOfWork,
  c: CaseRecord,
  type: string,
  payload: Payload,
): Promise<Pick<CaseRecord, 'parties' | 'claims'> | null> {
  const store = deps.stores.cases;
  if (type === 'ADD_PARTY') {
    const party = await store.addParty(uow.trx, c.id, toParty(payload.side as PartyRecord['side'], payload.party as PartyInput));
    payload.newPartyId = party.id;
    const order = { applicant: 0, respondent: 1, third_party: 2 } as const;
    const parties = [...c.parties, party].sort((a, b) => order[a.side] - order[b.side]);
    return { parties, claims: c.claims };
  }
  if (type === 'CHANGE_CLAIMS') {
    const changes = (payload.change ?? []) as { claimId: number; category?: ClaimCategory; amount?: string; description?: string }[];
    const previous: Record<number, { category: string; amount: string | null; description: string }> = {};
    const rows = changes.map((ch) => {
      const cur = c.claims.find((x) => x.id === ch.claimId) as ClaimRecord;
      previous[ch.claimId] = {
        category: cur.category,
        amount: cur.amountFen === null ? null : formatMoney(cur.amountFen),
        description: cur.description,
      };
      return {
        id: ch.claimId,
        category: ch.category ?? cur.category,
        amountFen: ch.amount === undefined ? cur.amountFen : (parseMoney(ch.amount) as number),
        description: ch.description ?? cur.description,
      };
    });
    const added = await store.changeClaims(uow.trx, c.id, rows, ((payload.add ?? []) as Parameters<typeof toClaim>[0][]).map(toClaim));
    payload.previous = previous;
    payload.addedClaims = added.map((x) => ({ id: x.id, category: x.category }));
    const claims = [...c.claims.map((cl) => ({ ...cl, ...(rows.find((r) => r.id === cl.id) ?? {}) })), ...added];
    return { parties: c.parties, claims };
  }
  // feat52: an agent appointed or revoked (LDMAL Art. 24): the case's parties with their agents as they now stand.
  if (AGENT_EVENTS.has(type)) return { parties: await writeAgentRows(deps, uow, c, type, payload), claims: c.claims };
  if (type === 'FILE_COUNTERCLAIM') {
    // Rules Art. 36: the merged counterclaim's claims, appended to the case's and decided by its award (LDMAL Art. 46).
    // Without itemized claims its description is the one claim.
    const given = (payload.claims as Parameters<typeof toClaim>[0][] | undefined) ?? [
      { category: 'other' as ClaimCategory, description: payload.description as string },
    ];
    const added = await store.changeClaims(
      uow.trx,
      c.id,
      [],
      given.map((x) => ({ ...toClaim(x), counterclaim: true as const })),
    );
    payload.addedClaims = added.map((x) => ({ id: x.id, category: x.category }));
    return { parties: c.parties, claims: [...c.claims, ...added] };
  }
  return null;
}
