import { type CaseRecord, type ClaimRecord, isMajorCollective, type PartyRecord, StaleVersionError } from '../../db/stores/cases.ts';
import { casePartyWarnings } from '../../workflows/agent-checks.ts';
import { persist } from '../../workflows/procedure.ts';
import { receiptOrderRule } from '../../workflows/rules.ts';
import { workerCount } from '../../workflows/stat-facts.ts';
import type { Deps } from '../deps.ts';
import { conflict, type FieldError, ruleRefusal, validationError } from '../errors.ts';
import { type Actor, assertMayEditRegistration, assertMayMarkMajor, assertRoleMayEditRegistration } from '../policy.ts';
import type { CasePatch } from '../schemas.ts';
import { recordAccess } from '../security/access-log.ts';
import { queueAlerts } from '../time/alerts.ts';
import type { UnitOfWork } from '../unit-of-work.ts';
import { caseScope, caseSnapshot, loadCase, projectStats, staleVersion, storeDeadlines, userNames } from './case-state.ts';
import { documentNumbersOf } from './document-no.ts';
import {
  checkClaimApplicants,
  checkRegistrationDates,
  collectiveFlags,
  collectiveOf,
  jointMoneyClaimWarnings,
  toClaim,
  toParty,
} from './register-case.ts';
import { changedFields, registrationChanges } from './registration-changes.ts';
import { buildCaseView, type CaseView, viewDelta } from './views.ts';

/** States in which the registration itself may still be edited (before acceptance). */
const EDITABLE_STATES = new Set(['received', 'pending_supplement', 'mediation_in_progress', 'review_received']);

/** Ids sent in PATCH must be existing parties/claims of this case (and the same side). */
function checkChildIds(body: CasePatch, current: CaseRecord): void {
  const errors: FieldError[] = [];
  const sides = { applicants: 'applicant', respondents: 'respondent', thirdParties: 'third_party' } as const;
  for (const [field, side] of Object.entries(sides) as [keyof typeof sides, PartyRecord['side']][]) {
    const own = new Map(current.parties.filter((p) => p.side === side).map((p) => [p.id, p]));
    body[field]?.forEach((p, i) => {
      if (p.id !== undefined && !own.has(p.id)) errors.push({ path: `${field}.${i}.id`, message: `本案没有编号为 ${p.id} 的该方当事人` });
      const agentIds = new Set(own.get(p.id)?.agents.map((a) => a.id));
      p.agents?.forEach((a, j) => {
        if (a.id !== undefined && !agentIds.has(a.id))
          errors.push({ path: `${field}.${i}.agents.${j}.id`, message: `该当事人没有编号为 ${a.id} 的代理人` });
      });
    });
  }
  const claimIds = new Set(current.claims.map((c) => c.id));
  body.claims?.forEach((c, i) => {
    if (c.id !== undefined && !claimIds.has(c.id)) errors.push({ path: `claims.${i}.id`, message: `本案没有编号为 ${c.id} 的请求` });
  });
  // An applicant removed while a claim kept as it is still names him: the claims are to be corrected with it.
  const kept = new Set((body.applicants ?? []).map((p) => p.id).filter((x) => x !== undefined));
  if (body.applicants && !body.claims) {
    for (const c of current.claims) {
      if (c.partyId && !kept.has(c.partyId)) {
        const name = current.parties.find((p) => p.id === c.partyId)?.name ?? '';
        errors.push({ path: 'applicants', message: `第${c.seq}项仲裁请求是申请人${name}的请求：删除该申请人须同时修改仲裁请求` });
      }
    }
  }
  // A kept claim sent without its applicant keeps him (store): unless the same edit removes him — then say whose.
  if (body.applicants && body.claims) {
    body.claims.forEach((c, i) => {
      const was = c.id !== undefined && c.applicant === undefined ? current.claims.find((x) => x.id === c.id)?.partyId : undefined;
      if (was && !kept.has(was)) {
        const name = current.parties.find((p) => p.id === was)?.name ?? '';
        errors.push({
          path: `claims.${i}.applicant`,
          message: `该请求原是申请人${name}的请求，而本次修改删除了该申请人：请写明申请人（序号），或为 null（全体申请人共同的请求）`,
        });
      }
    });
  }
  if (errors.length) throw validationError(errors);
  const applicants = body.applicants?.length ?? current.parties.filter((p) => p.side === 'applicant').length;
  checkClaimApplicants(body.claims, applicants, 'claims');
}

/** A person's identity number or an organization's credit code, as one compares them (an X in either case). */
const identityOf = (p: { kind: string; idNumber?: string | null; creditCode?: string | null }) =>
  ((p.kind === 'organization' ? p.creditCode : p.idNumber) ?? '').toUpperCase() || null;

/** What tells apart two parties of one name and no identity number: their other registered details (sec51 L1). */
const DETAILS = ['phone', 'address', 'ethnicity', 'legalRepresentative', 'legalRepresentativeTitle', 'ownership'] as const;
const agentNames = (p: PartyRecord) =>
  p.agents
    .map((a) => a.name)
    .sort()
    .join('\u0001');
const detailsOf = (p: PartyRecord) => JSON.stringify([...DETAILS.map((k) => p[k] ?? null), agentNames(p)]);
/** How many of the details a sent party has as the stored one has them (set on both sides, and the same). */
const likeness = (sent: PartyRecord, stored: PartyRecord) =>
  DETAILS.filter((k) => sent[k] != null && sent[k] === stored[k]).length +
  (sent.agents.length && agentNames(sent) === agentNames(stored) ? 1 : 0);

/**
 * A party sent without its `id` that is a party the case has — the same side, and the same identity number or credit
 * code, or the same name when neither has one — is that party: it keeps its id (and what the record's acts say of it).
 * A form or client that re-sends the parties without their ids replaced every party with a new row, leaving the
 * services, signatures and suits recorded naming a party the case no longer had (sec50 H2).
 *
 * Several parties of one name and no identity number (two workers 张伟, sec51 L1): re-sent in another order, the first
 * stored one of the name took the first sent one's id, and the party a SERVE names held the other's address and phone.
 * They are told apart by their other details (phone, address, ethnicity, legal representative, agents): a sent party
 * goes to the stored one it is most like, when each is the other's one best match. What is left still tied goes by
 * order — unless the tied parties' details differ and an act on the record names one of them (`named`, read only
 * then): 400 naming `applicants.N.id`, asking for the ids (which one is meant cannot be guessed).
 */
async function matchSentParties(body: CasePatch, current: CaseRecord, named: () => Promise<Set<number>>): Promise<CasePatch> {
  const sides = { applicants: 'applicant', respondents: 'respondent', thirdParties: 'third_party' } as const;
  const out: CasePatch = { ...body };
  const ambiguous: { path: string; name: string }[] = [];
  for (const [field, side] of Object.entries(sides) as [keyof typeof sides, PartyRecord['side']][]) {
    const sent = body[field];
    if (!sent) continue;
    const taken = new Set<number | undefined>(sent.map((p) => p.id).filter((x) => x !== undefined));
    const free = current.parties.filter((p) => p.side === side && !taken.has(p.id));
    const ids: (number | undefined)[] = sent.map((p) => p.id);
    // Identity numbers and credit codes first: one party each.
    sent.forEach((p, i) => {
      const key = p.id === undefined ? identityOf(p) : null;
      const same = key ? free.find((x) => identityOf(x) === key) : undefined;
      if (!same) return;
      free.splice(free.indexOf(same), 1);
      ids[i] = same.id;
    });
    // Then by name, group by group.
    const names = new Set(sent.filter((p, i) => ids[i] === undefined && identityOf(p) === null).map((p) => p.name));
    for (const name of names) {
      const left = sent.flatMap((p, i) => (ids[i] === undefined && identityOf(p) === null && p.name === name ? [i] : []));
      let stored = free.filter((x) => identityOf(x) === null && x.name === name);
      const record = new Map(left.map((i) => [i, toParty(side, sent[i] as PartyInputOf<typeof sent>)]));
      // Mutual best matches by likeness, while there are any.
      for (let found = true; found && left.length && stored.length > 1; ) {
        found = false;
        for (const i of [...left]) {
          const score = (x: PartyRecord) => likeness(record.get(i) as PartyRecord, x);
          const best = Math.max(...stored.map(score));
          const tops = stored.filter((x) => score(x) === best);
          if (best === 0 || tops.length !== 1) continue;
          const top = tops[0] as PartyRecord;
          const rivals = left.filter((j) => j !== i).map((j) => likeness(record.get(j) as PartyRecord, top));
          if (rivals.some((r) => r >= best)) continue;
          ids[i] = top.id;
          left.splice(left.indexOf(i), 1);
          stored = stored.filter((x) => x !== top);
          free.splice(free.indexOf(top), 1);
          found = true;
        }
      }
      if (!left.length || !stored.length) continue;
      // Still tied: by order — harmless when the tied ones hold the same details, or no act names any of them.
      const differ =
        (stored.length > 1 && new Set(stored.map(detailsOf)).size > 1) ||
        (left.length > 1 && new Set(left.map((i) => detailsOf(record.get(i) as PartyRecord))).size > 1);
      if (differ && stored.length > 1 && left.length > 1) {
        const acted = await named();
        if (stored.some((x) => x.id !== undefined && acted.has(x.id))) {
          for (const i of left) ambiguous.push({ path: `${field}.${i}.id`, name });
          continue;
        }
      }
      for (const i of left) {
        const next = stored.shift();
        if (!next) break;
        ids[i] = next.id;
        free.splice(free.indexOf(next), 1);
      }
    }
    out[field] = sent.map((p, i) => (p.id === undefined && ids[i] !== undefined ? { ...p, id: ids[i] } : p));
  }
  const first = ambiguous[0];
  if (first)
    throw ruleRefusal({
      rule: 'ambiguous-party',
      source: 'api-contract.md',
      field: first.path,
      detail: `有多个名为“${first.name}”且未填身份证号码的当事人，从所填信息（电话、住址等）无法判断哪一条是哪一位，而已有送达等办理记录指向其中一位：请带上各当事人的编号（${ambiguous.map((a) => a.path).join('、')}）重新提交`,
    });
  return out;
}
type PartyInputOf<T> = T extends (infer P)[] ? P : never;

/** Keys of a recorded act's payload that name a party of the case (a service, signature, suit, defense, recusal…). */
const PARTY_KEYS = /^(partyId|partyIds|.*PartyId|.*PartyIds)$/;

/** The ids of parties that a recorded act names (any entry but the registration's own), at any depth of its payload. */
function partiesNamedByActs(events: { type: string; payload: unknown }[]): Set<number> {
  const named = new Set<number>();
  const walk = (v: unknown, key: string | null): void => {
    if (typeof v === 'number' && key !== null && PARTY_KEYS.test(key)) named.add(v);
    else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const e of events) if (e.type !== 'REGISTER' && e.type !== 'UPDATE_REGISTRATION') walk(e.payload, null);
  return named;
}

/**
 * PATCH /api/cases/:id — corrects the registration before acceptance (afterwards claims change only by procedure
 * events). A bookkeeping act: recorded in the history with today's date, never a procedural date.
 */
export async function updateRegistration(
  deps: Deps,
  uow: UnitOfWork,
  actor: Actor,
  id: number,
  body: CasePatch,
  opts: { expectedVersion?: number },
): Promise<CaseView & { partyWarnings?: string[]; claimWarnings?: string[] }> {
  const { stores } = deps;
  // 重大集体劳动人事争议 (domain.md §8.2): the chair's marking is a field of its own — sent alone, by the chair (the
  // policy module), on a collective case that is not closed; the registration's other fields stay the clerk's.
  const marking = body.majorCollective !== undefined;
  if (marking && Object.keys(body).length > 1)
    throw validationError([{ path: 'majorCollective', message: '重大集体劳动人事争议的标记须单独提交，不与其他登记信息一并修改' }]);
  if (marking) assertMayMarkMajor(actor);
  else assertRoleMayEditRegistration(actor);
  const current = await loadCase(deps, uow.trx, id, { forUpdate: true });
  const before = caseSnapshot(current);
  if (!marking) assertMayEditRegistration(actor, caseScope(current, before.context));
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== current.version)
    throw await staleVersion(deps, uow.trx, id, current.version);
  if (marking) {
    // api.md order (legal53b L3): the field's own checks (400 naming `majorCollective`: a review, a case not collective)
    // come before the state's (409: the case closed).
    // An arbitral review of a mediation agreement (Rules Arts. 74–79) confirms or refuses an agreement: it tries no
    // dispute, and a major collective dispute's emergency handling is not its own (med51 L4) — 400 naming the field.
    if (body.majorCollective && current.track === 'review')
      throw validationError([
        {
          path: 'majorCollective',
          message: '仲裁审查案件（《劳动人事争议仲裁办案规则》第七十四条至第七十九条）不审理争议，不能标记为重大集体劳动人事争议',
        },
      ]);
    if (body.majorCollective && !current.collective)
      throw validationError([
        { path: 'majorCollective', message: '只有集体劳动人事争议（《劳动人事争议仲裁办案规则》第六十二条）可以标记为重大集体争议' },
      ]);
    if (current.closedOn !== null || current.closureMode !== null)
      throw conflict('案件已结束，不能再标记重大集体劳动人事争议', { allowed: [] });
  } else if (!EDITABLE_STATES.has(current.state)) {
    throw conflict('案件已受理或已结束，登记信息不能再修改；请通过程序事件处理（如变更仲裁请求）', { allowed: [] });
  }
  checkRegistrationDates(body, uow.today, current);
  // The receipt starts the periods that run on the application (LDMAL Art. 29; Rules Arts. 29–31): it cannot move after
  // the first procedural act already recorded on it (a supplement request, a mediator assigned…) — 422 naming the rule.
  if (body.receivedOn) {
    const { first } = await stores.cases.proceduralSpan(uow.trx, id);
    const violation = receiptOrderRule(body.receivedOn, first);
    if (violation) throw ruleRefusal(violation);
  }
  body = await matchSentParties(body, current, async () => partiesNamedByActs(await stores.cases.events(uow.trx, id)));
  checkChildIds(body, current);
  const replace = <K extends 'applicants' | 'respondents' | 'thirdParties'>(field: K, side: PartyRecord['side']) =>
    body[field] ? body[field].map((p) => toParty(side, p)) : current.parties.filter((p) => p.side === side);
  const parties =
    body.applicants || body.respondents || body.thirdParties
      ? [...replace('applicants', 'applicant'), ...replace('respondents', 'respondent'), ...replace('thirdParties', 'third_party')]
      : undefined;
  const cols = {
    receivedOn: body.receivedOn,
    postmarkOn: body.postmarkOn,
    channel: body.channel,
    district: body.district,
    facts: body.facts,
    procedure: body.procedure,
    wageArrears: body.wageArrears,
    limitation: body.limitation,
    majorMarked: body.majorCollective,
    ...(parties || body.collective !== undefined || body.collectiveGround !== undefined
      ? majorAfterCorrection(
          collectiveFlags(body, parties ?? current.parties, current.collectiveGround),
          current,
          parties ?? current.parties,
          deps.config.majorCollectiveMinWorkers,
        )
      : {}),
  };
  // COLLECTIVE_SIMPLE_HANDLING=refused (Rules Arts. 56, 66; med49 M1): a case made collective, or made simple, is judged
  // as at registration — 400 naming `procedure`.
  // (A marking alone changes neither: the registration as it stands is not judged again.)
  if (!marking)
    collectiveOf(
      cols.procedure ?? current.procedure,
      { collective: cols.collective ?? current.collective },
      deps.config.collectiveSimpleHandling,
    );
  // s61: a one-applicant case's claims are stored with no owner — that applicant's own. A second applicant added keeps
  // them his (`soleApplicantClaims`), not the applicants' joint claims.
  const claims = soleApplicantClaims(current, parties, body.claims?.map(toClaim));
  const names = await userNames(deps, uow.trx, before.context.mediatorIds ?? []);
  const cal = await deps.calendar.get(uow.trx);
  // The 不字 / 审字 number of a case without a case number, as GET answers it (reviewer docsfix L1).
  const documentNo = (await documentNumbersOf(deps, uow.trx, [{ id, caseNo: current.caseNo }])).get(id) ?? null;
  // A party a recorded act names (a service, a signature, a suit…) is not removed nor replaced by a new row: the act
  // would name a party the case no longer has (sec50 H2) — 422 naming the party; correct its details under its id.
  if (parties) {
    let namedByActs: Set<number> | undefined;
    const namedParties = async () => (namedByActs ??= partiesNamedByActs(await stores.cases.events(uow.trx, id)));
    // A party an act names kept under its id but made another kind of party (a person into an organization, or back):
    // not a correction of its details but another party — the service, signature or suit recorded would then name a
    // legal person it was never made to (sec52 L3). 422 naming the field; a new party is added as a new party.
    for (const field of ['applicants', 'respondents', 'thirdParties'] as const) {
      for (const [i, sent] of (body[field] ?? []).entries()) {
        const stored = sent.id === undefined ? undefined : current.parties.find((p) => p.id === sent.id);
        if (stored && stored.kind !== sent.kind && (await namedParties()).has(stored.id as number))
          throw ruleRefusal({
            rule: 'party-identity-after-act',
            source: 'api-contract.md',
            field: `${field}.${i}.kind`,
            detail: `${stored.name}（编号${stored.id}）已有记录在案的程序行为（如送达、签收、起诉）指向该当事人，不能改为${sent.kind === 'person' ? '自然人' : '单位'}：那是另一当事人，不是对其信息的更正`,
          });
      }
    }
    const kept = new Set<number | undefined>(parties.map((p) => p.id).filter((x) => x !== undefined));
    const gone = current.parties.filter((p) => !kept.has(p.id));
    if (gone.length) {
      const named = await namedParties();
      const held = gone.filter((p) => named.has(p.id as number));
      if (held.length) {
        const side = { applicant: '申请人', respondent: '被申请人', third_party: '第三人' } as const;
        const who = held.map((p) => `${side[p.side]}${p.name}（编号${p.id}）`).join('、');
        throw ruleRefusal({
          rule: 'party-named-by-act',
          source: 'api-contract.md',
          field: held[0]?.side === 'applicant' ? 'applicants' : held[0]?.side === 'respondent' ? 'respondents' : 'thirdParties',
          detail: `${who}已有记录在案的程序行为（如送达、签收、起诉）指向该当事人，不能删除或替换；修改其信息请保留其编号`,
        });
      }
    }
  }
  // What the write would change, compared before anything is written: a save that changes nothing (a form sends every
  // field, changed or not) writes nothing — no version, no history entry (the history is hash-chained: an entry for an
  // act that never happened cannot be taken back, sec50 H1) — and answers the case as it stands.
  const proposed: CaseRecord = {
    ...current,
    ...(Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined)) as Partial<CaseRecord>),
    parties: parties ?? current.parties,
    claims: claims ?? current.claims,
  };
  const viewOpts = { calendar: cal, documentNo };
  // A column the comparison of views does not cover yet (a field added to the registration) counts as changed if it differs.
  const sameCols = Object.entries(cols).every(
    ([k, v]) => v === undefined || JSON.stringify(v) === JSON.stringify((current as unknown as Record<string, unknown>)[k] ?? null),
  );
  if (
    sameCols &&
    registrationChanges(
      buildCaseView(current, before.context, [], names, viewOpts),
      buildCaseView(proposed, caseSnapshot(proposed).context, [], names, viewOpts),
      { before: current.limitation, after: proposed.limitation },
    ).length === 0
  ) {
    const loaded = await stores.cases.loadAggregate(uow.trx, id, { deadlines: true });
    const view = buildCaseView(current, before.context, loaded?.deadlines ?? [], names, viewOpts);
    // sec55 M1: with no history entry to say who acted, the full case answered is a read — recorded as a GET's is.
    if (view.readLevel === 'full') await recordAccess(deps, actor, 'read_case', { caseId: id }, uow.trx);
    return withPartyWarnings(view, body, current);
  }
  try {
    await stores.cases.update(uow.trx, id, current.version, cols, uow.now, { parties, claims });
  } catch (err) {
    // Another write overtook this one: the 412 names it (read in this transaction, which still stands: no statement failed).
    if (err instanceof StaleVersionError) throw await staleVersion(deps, uow.trx, id, err.currentVersion);
    throw err;
  }
  // The record as written: the store gave the new parties and claims their ids.
  const updated: CaseRecord = {
    ...current,
    ...(Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined)) as Partial<CaseRecord>),
    parties: parties ?? current.parties,
    claims: claims ?? current.claims,
    version: current.version + 1,
    updatedAt: uow.now,
  };
  updated.major = isMajorCollective(updated);
  const snapshot = persist(caseSnapshot(updated));
  await stores.cases.setDerived(uow.trx, id, { snapshot });
  updated.snapshot = snapshot;
  const deadlines = await storeDeadlines(deps, uow.trx, id, snapshot.context, cal, uow.today);
  // legal53b L2: a corrected receipt may bring the award limit to an alert at once (app/time/alerts.ts recordAlerts).
  await queueAlerts(deps, uow.trx, id, deadlines, uow.today, uow.now);
  await projectStats(deps, uow.trx, updated, snapshot.context, deadlines, uow.now);
  const view = buildCaseView(updated, snapshot.context, deadlines, names, { calendar: cal, documentNo });
  // The view before, reusing the sections built from the very same parts (app/cases/views.ts `reuse`).
  const beforeView = buildCaseView(current, before.context, [], names, {
    calendar: cal,
    documentNo,
    reuse: { view, record: updated, ctx: snapshot.context },
  });
  const changes = registrationChanges(beforeView, view, { before: current.limitation, after: updated.limitation });
  await stores.cases.appendEvent(uow.trx, {
    caseId: id,
    type: 'UPDATE_REGISTRATION',
    occurredOn: uow.today,
    recordedAt: uow.now,
    actorId: actor.id,
    actorRole: actor.role,
    actorName: actor.displayName,
    // What really changed, from the case as stored before and as written (a form sends every field, changed or not):
    // `fields` the top-level ones, `changes` each with its party or claim and field (app/cases/registration-changes.ts).
    payload: { fields: changedFields(changes), changes },
    stateBefore: current.state,
    stateAfter: updated.state,
    ...viewDelta(beforeView, view),
  });
  return withPartyWarnings(view, body, updated);
}

/**
 * The claims to write when a one-applicant case gets more applicants. Its claims were stored with no owner, which with
 * one applicant is his; with several, no owner means the applicants' joint claim — and whether an award is final is
 * judged on each worker's own claims (LDMAL Art. 47(1)). So a claim the correction leaves as it was (claims not sent, or
 * a kept claim sent without `applicant`) stays the first applicant's, while he is still one; a claim sent with
 * `applicant: null` is joint as asked. Unchanged otherwise (`claims` as given: undefined writes no claims).
 */
export function soleApplicantClaims(
  current: CaseRecord,
  parties: PartyRecord[] | undefined,
  claims: ClaimRecord[] | undefined,
): ClaimRecord[] | undefined {
  const was = current.parties.filter((p) => p.side === 'applicant');
  const now = (parties ?? current.parties).filter((p) => p.side === 'applicant');
  const sole = was.length === 1 ? was[0]?.id : undefined;
  if (sole === undefined || now.length < 2 || !now.some((p) => p.id === sole)) return claims;
  const ownerless = (c: ClaimRecord) => !c.counterclaim && (c.partyId ?? null) === null;
  if (!claims) return current.claims.some(ownerless) ? current.claims.map((c) => (ownerless(c) ? { ...c, partyId: sole } : c)) : undefined;
  return claims.map((c) => {
    const stored =
      c.id !== undefined && c.applicant === undefined && c.partyId === undefined ? current.claims.find((x) => x.id === c.id) : undefined;
    return stored && ownerless(stored) ? { ...c, partyId: sole } : c;
  });
}

/**
 * reviewer s53 A L3: a correction that sends the parties (or the collective ground) is told what a registration is told
 * of its agents and sides (workflows/agent-checks.ts: one agent for both sides, a missing relationship or firm, an
 * employer's legal-aid agent, sides the record cannot tell apart) — said, not refused; the web shows them on the case.
 */
function withPartyWarnings(
  view: CaseView,
  body: CasePatch,
  c: CaseRecord,
): CaseView & { partyWarnings?: string[]; claimWarnings?: string[] } {
  const sent = [body.applicants, body.respondents, body.thirdParties, body.collectiveGround, body.claims];
  if (sent.every((x) => x === undefined)) return view;
  // The claims as the store wrote them: a kept claim sent without `applicant` holds its own `partyId` again.
  // s60 W2 #2: the claims' warnings also on their own (`claimWarnings`), as at registration.
  const claimWarnings = jointMoneyClaimWarnings(c, c.claims);
  const partyWarnings = [...casePartyWarnings({ parties: c.parties, collectiveGround: c.collectiveGround ?? null }), ...claimWarnings];
  return partyWarnings.length ? { ...view, partyWarnings, ...(claimWarnings.length ? { claimWarnings } : {}) } : view;
}

/**
 * 重大集体劳动人事争议 (domain.md §8.2) after a correction of the registration: a case no longer collective is no longer
 * major (Rules Art. 62); one whose workers now reach MAJOR_COLLECTIVE_MIN_WORKERS, from fewer, is marked as at
 * registration (`majorAtRegistration`); otherwise the marking stands as it was (the chair's, or the registration's).
 */
function majorAfterCorrection<T extends { collective: boolean; collectiveGround: string | null }>(
  flags: T,
  current: CaseRecord,
  parties: PartyRecord[],
  minWorkers: number,
): T & { majorMarked?: boolean } {
  if (!flags.collective) return { ...flags, majorMarked: false };
  const before = current.collective ? workerCount(current.parties, current.collectiveGround) : 0;
  const after = workerCount(parties, flags.collectiveGround);
  return before < minWorkers && after >= minWorkers ? { ...flags, majorMarked: true } : flags;
}
