import crypto from 'node:crypto';
import { BOOKKEEPING_EVENTS, type EventRecord } from '../../db/stores/cases.ts';
import type { DocumentInfo } from '../../db/stores/documents.ts';
import {
  type AwardText,
  BUILDERS,
  correctionTarget,
  type DecisionMatter,
  DOCUMENT_KINDS,
  type DocumentKind,
  decisionActDays,
  defenseDaysAt,
  distinctPartyNames,
  extensionsOf,
  MissingTextError,
  NotReadyError,
  RecordIncompleteError,
  type RecordText,
  type RequestText,
  tribunalReplacements,
} from '../../templates/kinds.ts';
import { MissingGlyphError } from '../../templates/layout.ts';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { formatCaseNo } from '../../workflows/case-number.ts';
import { withdrawnIds } from '../../workflows/claim-outcomes.ts';
import { CORRECT_DATE } from '../../workflows/date-corrections.ts';
import { cstDate } from '../../workflows/dates.ts';
import {
  computePeriod,
  defenseRule,
  extendedLimitDueOn,
  extendedLimitMissingYear,
  limitRanOutBefore,
  postponementWindow,
} from '../../workflows/deadlines.ts';
import { documentMadeOn, hearingDateSetOn, mediationDocumentMethods, mediationNeedsTribunal } from '../../workflows/rules.ts';
import { claimByEmployer } from '../../workflows/sides.ts';
import { recordBookkeepingAct } from '../cases/bookkeeping-act.ts';
import { caseContext, caseScope, loadCase, staleVersion, userNames } from '../cases/case-state.ts';
import { partialSetAside } from '../cases/views.ts';
import type { Deps } from '../deps.ts';
import { conflict, type FieldError, ruleRefusal, unknownPathParam, unprocessable, validationError } from '../errors.ts';
import {
  type Actor,
  assertMayGenerateDocument,
  assertMayListDocuments,
  assertMayReadDocument,
  assertRoleMayGenerateDocument,
  assertRoleMayListDocuments,
  assertRoleMayReadDocuments,
  type DocumentAct,
} from '../policy.ts';
import { renderPdfOffThread } from '../render/pool.ts';
import { recordAccess } from '../security/access-log.ts';
import { inTransaction, type Transact, type UnitOfWork } from '../unit-of-work.ts';
import { documentAssets } from './assets.ts';
import { actKey, type GenerationEntry, originals } from './originals.ts';

export interface DocumentRequest extends RequestText {
  kind: DocumentKind;
  matter?: DecisionMatter;
  purpose?: 'enforcement' | 'advance_execution' | 'litigation';
  /** A draft: marked 草稿, with the seal placeholder; an issued copy (the default) carries the seal image if any. */
  draft?: boolean;
}

/**
 * `occurrence`: which partial award or advance-execution ruling of the case the document is of (1-based). `documentNo`
 * (docs49 L1): the number the document bears — the case number, a part's (第N-1号), a partial award's (第N号之一), a
 * review's 审字 or a rejection's 不字 number; `caseNo` is the same value under its first name, kept for the clients that
 * read it (a field is never renamed or removed).
 */
export type DocumentView = Omit<DocumentInfo, 'caseId'> & { documentNo: string | null; draft: boolean; occurrence?: number };
/** `draft`: printed as a draft (草稿, no seal; docs50 L5: the list did not tell a draft from an issued document). */
const view = ({ caseId: _c, ...d }: DocumentInfo, occurrence: number | undefined, draft: boolean): DocumentView =>
  occurrence === undefined ? { ...d, documentNo: d.caseNo, draft } : { ...d, documentNo: d.caseNo, draft, occurrence };

/** Kinds of which a case can have several acts: the document is of one of them (the request's `occurrence`). */
const OF_AN_ACT = new Set<DocumentKind>(['partial_award', 'advance_execution_ruling']);

/** Request text the arbitrator writes; a regeneration without it reuses what the last one of the kind printed. */
const TEXT_FIELDS = ['facts', 'reasoning', 'defenseSummary', 'counterclaimDefenseSummary', 'legalBasis'] as const;

interface AwardPayload {
  facts?: string;
  reasoning?: string;
  defenseSummary?: string;
  counterclaimDefenseSummary?: string;
  noRehearing?: { reason?: string };
  items?: { claimId: number; legalBasis?: string[]; calculation?: { print?: boolean; text?: string } }[];
}

/** What the arbitrator wrote with an award or a partial award (ISSUE_AWARD / PARTIAL_AWARD payload). */
function awardText(aw: AwardPayload): AwardText {
  const legalBasis: Record<number, string[]> = {};
  for (const it of aw.items ?? []) if (it.legalBasis?.length) legalBasis[it.claimId] = it.legalBasis;
  // Issue 17: the working of a calculation the arbitrator asked to print, per claim.
  const calculations: Record<number, string> = {};
  for (const it of aw.items ?? []) if (it.calculation?.print && it.calculation.text) calculations[it.claimId] = it.calculation.text;
  const { facts, reasoning, defenseSummary, counterclaimDefenseSummary } = aw;
  // fixL58 #2: the tribunal's decision not to hear again after it changed, printed in the procedure (templates/kinds.ts).
  const noRehearing = aw.noRehearing?.reason;
  return {
    facts,
    reasoning,
    defenseSummary,
    counterclaimDefenseSummary,
    legalBasis,
    calculations,
    ...(noRehearing ? { noRehearing } : {}),
  };
}

/** The last CONVERT_TO_ORDINARY in the history (Rules Art. 61), or null. */
function conversionOf(events: EventRecord[]): { on: string; reason: string | null } | null {
  const e = events.filter((x) => x.type === 'CONVERT_TO_ORDINARY').at(-1);
  return e ? { on: e.occurredOn, reason: ((e.payload as { reason?: string } | null)?.reason as string | undefined) ?? null } : null;
}

/**
 * Who signs a 调解协议书 as mediator (LDMAL Art. 14): the mediators assigned to the case; where none was formally
 * assigned, the mediator who recorded the agreement (the MEDIATION_AGREED entry's actor, a mediator's act) — never a
 * clerk or an arbitrator who happened to record it (reviewer docs42 M8).
 */
function mediatorsOf(ids: number[], names: Map<number, string>, events: EventRecord[]): string[] {
  const assigned = ids.map((id) => names.get(id) ?? '').filter(Boolean);
  if (assigned.length) return assigned;
  const agreed = events.findLast((e) => e.type === 'MEDIATION_AGREED');
  return agreed?.actorRole === 'mediator' && agreed.actorName ? [agreed.actorName] : [];
}

/** What the history holds beside the machine context: the awards' text, the extension's reason, who transferred. */
function recordText(events: EventRecord[]): RecordText {
  const last = (type: string) => events.filter((e) => e.type === type).at(-1)?.payload as Record<string, unknown> | undefined;
  const aw = last('ISSUE_AWARD') as AwardPayload | undefined;
  return {
    award: aw ? awardText(aw) : undefined,
    // Each PARTIAL_AWARD the statechart took is one of ctx.partialAwards, in the same order.
    partialAwards: events.filter((e) => e.type === 'PARTIAL_AWARD').map((e) => awardText(e.payload as AwardPayload)),
    extensionReason: (last('EXTEND_TIME_LIMIT')?.reason as string | undefined) ?? null,
    // s62 A #2: each extension's own reason, by the day and days it approved (legal50b H1: `approvedOn`, else its day).
    extensionReasons: events
      .filter((e) => e.type === 'EXTEND_TIME_LIMIT')
      .map((e) => {
        const p = e.payload as { approvedOn?: string; days?: number; reason?: string };
        return { approvedOn: p.approvedOn ?? e.occurredOn, days: Number(p.days), reason: p.reason ?? null };
      }),
    transferRecordedBy: events.filter((e) => e.type === 'TRANSFER_TO_COURT').map((e) => e.actorName),
    // The 决定书 issued, each with its matter and the day it was made (kept with the act since docs46b; an older entry
    // without it is dated from the record by templates/kinds.ts).
    decisions: events.flatMap((e) => {
      const p = e.payload as { kind?: string; draft?: boolean; reprint?: boolean; madeOn?: string; text?: Partial<DocumentRequest> } | null;
      // A reprint (docsfix H1) is the same decision again, not another one.
      if (e.type !== 'GENERATE_DOCUMENT' || p?.kind !== 'decision' || p.draft || p.reprint || !p.text?.matter) return [];
      const { matter, occurrence, decidedOn, corrects } = p.text;
      return [{ matter, madeOn: p.madeOn, occurrence, decidedOn, corrects }];
    }),
  };
}

/**
 * The request's text completed from the last document of the same kind (and matter, or partial award): regenerating
 * later without resending the arbitrator's text gives the same document. A correction's body and date go together.
 */
function withPriorText(req: DocumentRequest, events: EventRecord[]): DocumentRequest {
  const prior = events
    .filter((e) => e.type === 'GENERATE_DOCUMENT')
    .map((e) => e.payload as { kind?: string; text?: Partial<DocumentRequest> })
    .filter(
      (p) =>
        p.kind === req.kind &&
        p.text &&
        (req.kind !== 'decision' || p.text.matter === req.matter) &&
        (req.kind !== 'partial_award' || p.text.occurrence === req.occurrence),
    )
    .at(-1)?.text;
  if (!prior) return req;
  const out: DocumentRequest = { ...req };
  for (const f of TEXT_FIELDS) if (out[f] === undefined && prior[f] !== undefined) Object.assign(out, { [f]: prior[f] });
  if (req.matter === 'correction' && req.body === undefined && req.decidedOn === undefined) {
    out.body = prior.body;
    out.decidedOn = prior.decidedOn;
    if (req.corrects === undefined && prior.corrects !== undefined) out.corrects = prior.corrects;
  }
  return out;
}

/** Request fields the record must agree with (400 naming the field). */
function checkRequest(req: DocumentRequest, claimIds: Set<number>, today: string, awardOn: string | null, partyIds: Set<number>): void {
  const errors: FieldError[] = [];
  if (req.partyId !== undefined && !partyIds.has(req.partyId)) errors.push({ path: 'partyId', message: '本案没有该当事人' });
  for (const [i, x] of (req.legalBasis ?? []).entries())
    if (!claimIds.has(x.claimId)) errors.push({ path: `legalBasis.${i}.claimId`, message: `本案没有编号为 ${x.claimId} 的仲裁请求` });
  if (req.decidedOn && req.decidedOn > today) errors.push({ path: 'decidedOn', message: `决定日期不能晚于今天（${today}）` });
  if (req.decidedOn && awardOn && req.decidedOn < awardOn)
    errors.push({ path: 'decidedOn', message: `补正决定不能早于裁决日期（${awardOn}）` });
  if (errors.length) throw validationError(errors);
}

/**
 * POST /api/cases/:id/documents — renders the document(s) of `kind` from the record (outside any transaction: PDF
 * rendering takes tens of milliseconds), then stores the bytes and records the act in the history in one unit of
 * work (app/cases/bookkeeping-act.ts: rendered again if the case moved meanwhile). A mixed award gives two documents,
 * -1 final and -2 non-final. Every date printed comes from the record (the act's occurredOn, or the award's date),
 * never from the clock, so regenerating later gives the same text.
 */
export async function generateDocument(
  deps: Deps,
  actor: Actor,
  caseId: number,
  input: DocumentRequest,
  transact: Transact,
  opts: { expectedVersion?: number } = {},
): Promise<{ documents: DocumentView[]; warnings: string[] }> {
  const { stores } = deps;
  return recordBookkeepingAct(deps, transact, {
    caseId,
    actor,
    type: 'GENERATE_DOCUMENT',
    // A case that moved between the read and the lock is read again: with If-Match, that read answers 412.
    prepare: (attempt) => renderDocuments(deps, actor, caseId, input, attempt === 0, opts.expectedVersion),
    async store(uow, prepared) {
      // Under the case lock: an original of this act stored by a request that ran alongside (sec49 H1; generating a
      // document does not move the case's version, so recordBookkeepingAct does not see it). Its text is fixed once
      // issued (Rules Art. 54): this request answers that original, or 422 when it writes other text — never a second
      // original under the same number.
      const p = await unlessIssuedMeanwhile(deps, uow, caseId, input, prepared);
      const created: DocumentInfo[] = [];
      // A reprint of an issued act's document: the original, as stored (no new document, no new number).
      if (p.original) {
        const ids = new Set(p.original);
        created.push(...(await stores.documents.forCase(uow.trx, caseId)).filter((d) => ids.has(d.id)));
      }
      for (const r of p.rendered) {
        created.push(
          await stores.documents.insert(uow.trx, {
            caseId,
            kind: p.req.kind,
            title: r.title,
            caseNo: r.caseNo,
            sha256: crypto.createHash('sha256').update(r.bytes).digest('hex'),
            bytes: r.bytes,
            caseVersion: p.caseVersion,
            createdBy: actor.id,
            createdAt: p.createdAt.toISOString(),
          }),
        );
      }
      const documents = created.map((d) => view(d, OF_AN_ACT.has(p.req.kind) ? p.req.occurrence : undefined, p.req.draft === true));
      return {
        payload: {
          kind: p.req.kind,
          ...(p.warnings?.length ? { warnings: p.warnings } : {}),
          ...(p.req.draft ? { draft: true } : {}),
          ...(p.original ? { reprint: true } : {}),
          // legal58b #2: what a 决定书 printed (a hash), and the version a new one replaces.
          ...(p.printed && !p.original ? { printed: p.printed } : {}),
          ...(p.replaces && !p.original ? { replaces: p.replaces } : {}),
          // A decision's day (its document's date): the receipts of its service name it (templates/kinds.ts).
          ...(p.req.kind === 'decision' && p.madeOn ? { madeOn: p.madeOn } : {}),
          ...(Object.keys(p.text).length ? { text: p.text } : {}),
          documents: created.map((d) => ({ id: d.id, sha256: d.sha256, caseNo: d.caseNo })),
        },
        after: { documents },
        result: { documents, warnings: p.warnings ?? [] },
      };
    },
  });
}

/** The prepared act, or — when an original of the same act was stored since it was read — a reprint of that original. */
async function unlessIssuedMeanwhile<
  P extends {
    req: DocumentRequest;
    original: number[] | null;
    madeOn: string | null;
    text: Record<string, unknown>;
    rendered: unknown[];
    printed: string | null;
    alone: boolean;
  },
>(deps: Deps, uow: UnitOfWork, caseId: number, input: DocumentRequest, p: P): Promise<P> {
  if (p.original || p.req.draft) return p;
  const again = issuedOriginal(p.req, input, await deps.stores.cases.events(uow.trx, caseId), p.madeOn, p.printed, p.alone);
  // One printing what this one prints (a version stored alongside, too): answered as issued.
  return again && !again.replaced ? { ...p, original: again.ids, text: again.text, rendered: [] } : p;
}

/**
 * fixD59 #1 (docs59): the suspension 决定书 and the 恢复审理通知书 say where the award limit had run out before the
 * suspension began (LDMAL Art. 43(1); Rules Art. 47) — on the deadlines' own clock (workflows/deadlines.ts), not
 * worked out by the template.
 */
async function limitsRunOut(
  deps: Deps,
  k: Parameters<Deps['calendar']['get']>[0],
  ctx: MachineContext,
  req: DocumentRequest,
): Promise<{ limitRanOutBefore?: (string | null)[] }> {
  const asks = req.kind === 'resume_notice' || (req.kind === 'decision' && req.matter === 'suspension');
  if (!asks || !ctx.suspensions.length) return {};
  const cal = await deps.calendar.get(k);
  return { limitRanOutBefore: ctx.suspensions.map((s) => limitRanOutBefore(ctx, cal, deps.periods, s.from)) };
}

/**
 * fixD59 #2 (docs59): the extension 决定书 names the extended limit's last day (LDMAL Art. 43(1); Rules Art. 45); while
 * that day falls in (or runs through) a year whose official holiday schedule is not loaded it is only provisional: the
 * year, else null. s60 L6: what is refused on it (422 `calendar-data-missing`, as the deadline calculator refuses) is
 * the decision's first issue (or a new version of it) — not a draft (草稿, `draftWithoutDueDay` says what it leaves
 * out), nor a reprint of the original already issued (its stored document, as it was: Rules Art. 54).
 */
async function extensionDayMissingYear(
  deps: Deps,
  k: Parameters<Deps['calendar']['get']>[0],
  ctx: MachineContext,
  req: DocumentRequest,
): Promise<number | null> {
  const ext = extensionOfRequest(ctx, req);
  if (!ext) return null;
  return extendedLimitMissingYear(ctx, await deps.calendar.get(k), deps.periods, ext);
}

const provisionalExtensionRefusal = (year: number) =>
  unprocessable(
    `延长后的审理期限届满日涉及${year}年，该年国家法定节假日安排尚未录入，届满日只能暂定：延期应当书面通知当事人（《劳动争议调解仲裁法》第四十三条第一款），本委的延长审理期限决定书写明延长后的审理期限届满日，暂定的日期可能因节假日安排而变动，请管理员先录入${year}年节假日安排后再出具`,
    { rule: 'calendar-data-missing', missingYear: year, field: 'matter' },
  );

/** s60 L6: the draft of an extension decision whose last day is only provisional is printed without that day — said. */
const draftWithoutDueDay = (year: number) =>
  `延长后的审理期限届满日涉及${year}年，该年国家法定节假日安排尚未录入，届满日只能暂定：本草稿未写明延长后的审理期限届满日。正式出具的决定书写明该日（延期应当书面通知当事人，《劳动争议调解仲裁法》第四十三条第一款），请管理员先录入${year}年节假日安排后再出具`;

/**
 * legal58b #2: what a 决定书 prints, as a hash kept with it — its text is the record's (the extended limit, the
 * suspension's day…), which a date correction or a calendar year loaded can move after it was issued. Other kinds: null
 * (an award's text is fixed once issued, Rules Art. 54; a 补正 is an act per its text).
 */
function printedOf(req: DocumentRequest, extensionDueOn: string | null | undefined): string | null {
  // Reviewer s58 B H1: only the facts a record change can move — the extension's last day (LDMAL Art. 43(1)) — not the
  // whole layout (addressees, the commission's name, a template's wording), or any later reprint would issue a new
  // decision nobody made. The act's own day moved by a correction is found by issuedOriginal's key (correctedDays).
  if (req.kind !== 'decision' || req.matter !== 'extension' || req.draft) return null;
  return `extensionDueOn:${extensionDueOn ?? 'provisional'}`;
}

/**
 * Reviewer s58 B M1: the days a 决定书's act has borne — `madeOn` and, through the chair's date corrections
 * (CORRECT_DATE, before → after), the days it bore before — so the original issued on a day since corrected is found
 * (and replaced), not issued a second time beside it.
 */
function correctedDays(events: EventRecord[], madeOn: string | null): (string | null)[] {
  const days: (string | null)[] = [madeOn];
  for (let i = 0; i < days.length && i < 50; i++)
    for (const e of events) {
      if (e.type !== CORRECT_DATE || typeof (e.payload as { target?: unknown }).target !== 'object') continue;
      const { before, after } = e.payload as { before?: unknown; after?: unknown };
      if (after === days[i] && typeof before === 'string' && !days.includes(before)) days.push(before);
    }
  return days;
}

/**
 * What the request prints, as the policy asks of those who print an act others made (app/policy.ts
 * ISSUED_DOCUMENT_ROLES): whether the act is made — the award issued, the partial award or ruling named (default the
 * latest) — whether a draft is asked for, and whether the request writes the act's text.
 */
function documentAct(ctx: MachineContext, input: DocumentRequest): DocumentAct {
  const acts = input.kind === 'partial_award' ? ctx.partialAwards : input.kind === 'advance_execution_ruling' ? ctx.advanceExecutions : [];
  const which = input.occurrence ?? acts.length;
  const issued = input.kind === 'award' ? Boolean(ctx.award) : which >= 1 && acts[which - 1] !== undefined;
  // A 补正决定书's body and date are the tribunal's text too (Rules Art. 54; fixM58 #5).
  const writes = [...TEXT_FIELDS, 'body', 'decidedOn'] as const;
  return { issued, draft: input.draft === true, writes: writes.some((f) => input[f] !== undefined) };
}

/**
 * s62 A #2: the extension an extension 决定书 is of — the one `occurrence` names among all approved (templates/kinds.ts
 * extensionsOf), else the latest; null for other documents or where there is none.
 */
function extensionOfRequest(ctx: MachineContext, req: DocumentRequest): { days: number; approvedOn: string } | null {
  if (req.kind !== 'decision' || req.matter !== 'extension') return null;
  const all = extensionsOf(ctx);
  return (req.occurrence === undefined ? all.at(-1) : all[req.occurrence - 1]) ?? null;
}

/**
 * s62 A #2: which act of a repeatable kind a document printed with no `occurrence` is of — the latest suspension (its
 * 决定书), the latest resumed suspension (恢复审理通知书), the latest party added (追加当事人通知书) — kept with the act
 * (GENERATE_DOCUMENT `text.occurrence`), so that the documents of the first and the second suspension are told apart.
 * s64 D #2: every 决定书 matter decided more than once (templates/kinds.ts decisionActDays: an extension, an objection,
 * a written recusal decision, one applicant's deemed withdrawal too), as the template picks it (the latest), so that the
 * act's key (originals.ts actKey) is the same whether the request named the occurrence or not.
 * Undefined for other kinds and where there is none (the template answers 409).
 */
function repeatedAct(ctx: MachineContext, input: DocumentRequest): number | undefined {
  const count =
    input.kind === 'decision'
      ? (decisionActDays(ctx, input.matter, false)?.length ?? 0)
      : input.kind === 'resume_notice'
        ? ctx.suspensions.findLastIndex((s) => !!s.to) + 1
        : input.kind === 'addition_notice'
          ? (ctx.partyAdditions ?? []).length
          : 0;
  return count || undefined;
}

/** Reads the case (outside any lock), asks the policy and renders; `first`: the attempt that counts against the limit. */
async function renderDocuments(deps: Deps, actor: Actor, caseId: number, input: DocumentRequest, first: boolean, expectedVersion?: number) {
  const { stores, config } = deps;
  const k = deps.db.reader;
  assertRoleMayGenerateDocument(actor, input.kind, DOCUMENT_KINDS[input.kind]);
  const c = await loadCase(deps, k, caseId);
  const ctx = caseContext(c);
  assertMayGenerateDocument(actor, input.kind, DOCUMENT_KINDS[input.kind], caseScope(c, ctx), documentAct(ctx, input));
  // If-Match (api.md: writes to a case): the document is of the case as the person saw it, or a 412 naming what changed.
  if (expectedVersion !== undefined && c.version !== expectedVersion) throw await staleVersion(deps, k, caseId, c.version);
  // A correction is not made before the document it corrects (Rules Art. 54): the award's date, or the partial award's.
  const correctedOn =
    input.corrects?.partialAward !== undefined
      ? (ctx.partialAwards[input.corrects.partialAward - 1]?.issuedOn ?? null)
      : (ctx.award?.issuedOn ?? (ctx.partialAwards.length === 1 ? (ctx.partialAwards[0]?.issuedOn ?? null) : null));
  checkRequest(
    input,
    new Set(c.claims.map((cl) => cl.id as number)),
    deps.clock.today(),
    correctedOn,
    new Set(c.parties.map((p) => p.id as number)),
  );
  // LDMAL Art. 42(2)–(3); Rules Art. 73: the 调解书 is the tribunal's, signed by its arbitrators (a case stored before
  // MEDIATION_AGREED needed a tribunal may hold an agreement without one).
  // Refused only for a document no one has signed yet: one already signed, or in effect, is reprinted as it was.
  const unsigned = ctx.mediation?.agreedOn && !ctx.mediation.signatures.length && !ctx.closure;
  const noTribunal = input.kind === 'mediation_document' && unsigned ? mediationNeedsTribunal(ctx) : null;
  if (noTribunal) throw ruleRefusal(noTribunal);
  const provisionalYear = await extensionDayMissingYear(deps, k, ctx, input);
  const events = await stores.cases.events(k, caseId);
  // Which partial award or ruling: as a number, kept with the act (a regeneration finds the text written for it; the
  // list says which act each document is of).
  const acts = input.kind === 'partial_award' ? ctx.partialAwards.length : ctx.advanceExecutions.length;
  const which = OF_AN_ACT.has(input.kind)
    ? { occurrence: input.occurrence ?? (acts || undefined) }
    : { occurrence: input.occurrence ?? repeatedAct(ctx, input) };
  const req = withPriorText({ ...input, ...which }, events);
  // The case's 书记员: the clerk who recorded its latest act. Not whoever registered it — a mediator who referred a
  // failed mediation registers the arbitration application, and was printed as 书记员 on its 调解书 (new user's walk).
  // Procedural acts only: a document generated or the registration corrected by another clerk does not make him the
  // case's clerk (reviewer).
  const clerkId =
    events.findLast((e) => e.actorRole === 'clerk' && e.actorId !== null && !BOOKKEEPING_EVENTS.includes(e.type))?.actorId ?? null;
  // The arbitrators replaced after a recusal too: the history names the tribunal as formed (templates/kinds.ts).
  const replaced = tribunalReplacements(ctx).flatMap((r) => (r.arbitratorId !== null ? [r.arbitratorId, r.replacementId] : []));
  // Those challenged for recusal, named by the recusal decision (Rules Art. 12).
  const challenged = (ctx.recusalApplications ?? []).flatMap((r) => (r.target.userId !== null ? [r.target.userId] : []));
  const names = await userNames(deps, k, [
    ...(ctx.tribunal?.arbitratorIds ?? []),
    ...replaced,
    ...challenged,
    ...(ctx.mediatorIds ?? []),
    ...(clerkId !== null ? [clerkId] : []),
  ]);
  const arbitrators = (ctx.tribunal?.arbitratorIds ?? [])
    .map((id) => ({ displayName: names.get(id) ?? '', presiding: id === ctx.tribunal?.presidingId }))
    .sort((a, b) => Number(b.presiding) - Number(a.presiding));
  // docs52 H1: parties who share a name go by 张三（一）、张三（二） on every document (templates/kinds.ts).
  const partyNames = distinctPartyNames(c.parties.map((p) => ({ id: p.id as number, name: p.name })));
  const side = (s: string) =>
    c.parties
      .filter((p) => p.side === s)
      .map((p) => ({
        ...p,
        id: p.id as number,
        name: partyNames.get(p.id as number) ?? p.name,
        agents: p.agents.map((a) => ({ name: a.name, kind: a.kind, unit: a.unit, relationship: a.relationship ?? null })),
      }));
  const assets = documentAssets(config);
  const given = withdrawnIds(ctx);
  // The 不予受理通知书's own number, taken with the decision (app/procedure/apply-event.ts); its 送达回证 bears it too
  // (reviewer docsfix L1: the receipt of a rejection had no number at all).
  const rejection =
    req.kind === 'rejection_notice' || (req.kind === 'service_receipt' && ctx.rejection)
      ? await stores.documents.numberOf(k, caseId, 'rejection_notice')
      : null;
  const reviewNo = c.caseNo ? null : await reviewNumber(deps, caseId, ctx, req.kind);
  // docs52 L4: a collective case's hearing notice states the defense period's last day (Rules Art. 65), as computed.
  const defense =
    req.kind === 'hearing_notice' && ctx.collective
      ? await defenseDueAsNoticed(
          deps,
          k,
          ctx,
          (await stores.deadlines.forCase(k, caseId)).find((x) => x.kind === 'defense' && x.startsOn && x.dueOn),
        )
      : undefined;
  // s62 (a new user's walk): a hearing set at short notice in a simple case (Rules Art. 60) left no 开庭三日前 window to
  // ask for a postponement (LDMAL Art. 35): its notice does not print that window as a condition no one could meet.
  const window = req.kind === 'hearing_notice' ? postponementWindow(ctx, await deps.calendar.get(k), deps.periods) : null;
  const setOn = hearingDateSetOn(ctx);
  const postponementClosed = Boolean(window?.value && setOn && window.value < setOn);
  // The builder's input, kept: a 决定书 issued again is built again naming the one it replaces (legal58b #2).
  let docInput = {} as Parameters<(typeof BUILDERS)[DocumentKind]>[0];
  const build = (x: typeof docInput) => {
    docInput = x;
    return BUILDERS[req.kind](x);
  };
  let specs: ReturnType<(typeof BUILDERS)[DocumentKind]>;
  try {
    specs = build({
      commission: config.commissionName,
      caseNo: c.caseNo ?? reviewNo,
      rejectionNo: rejection ? formatCaseNo(config.rejectionNoPrefix, rejection.year, rejection.serial) : null,
      receivedOn: c.receivedOn,
      applicants: side('applicant'),
      respondents: side('respondent'),
      thirdParties: side('third_party'),
      // Each claim, marked when given up by a change of claims (Rules Art. 44): the documents list and name the claims
      // still asked for; a ruling made on one before it was given up still names it.
      claims: c.claims.map((cl) => ({
        id: cl.id as number,
        seq: cl.seq as number,
        category: cl.category,
        amount: cl.amountFen === null ? null : (cl.amountFen / 100).toFixed(2),
        description: cl.description,
        withdrawn: given.has(cl.id as number),
        ...(cl.counterclaim ? { counterclaim: true } : {}),
        // One applicant's own claim of several applicants' (Rules Art. 62), or the one a counterclaim's is against.
        ...(cl.partyId && c.parties.filter((p) => p.side === 'applicant').length > 1
          ? { applicant: partyNames.get(cl.partyId as number), applicantId: cl.partyId }
          : {}),
        // Whose claim it is: the employer's when it applies, or its counterclaim.
        ...(claimByEmployer(c, cl) ? { byEmployer: true } : {}),
      })),
      // A case converted before the context recorded it (Rules Art. 61): the conversion as its history holds it.
      ctx: ctx.conversion !== undefined ? ctx : { ...ctx, conversion: conversionOf(events) },
      arbitrators,
      arbitratorNames: Object.fromEntries(
        [...(ctx.tribunal?.arbitratorIds ?? []), ...replaced, ...challenged].map((id) => [id, names.get(id) ?? '']),
      ),
      clerkName: (clerkId !== null && names.get(clerkId)) || '',
      mediators: mediatorsOf(ctx.mediatorIds ?? [], names, events),
      maskIds: config.documentIdNumbers === 'masked',
      intermediateCourt: config.intermediateCourt,
      awardLimit: {
        days: (ctx.procedure === 'simple' ? deps.periods.award_simple : deps.periods.award).days,
        extensionDays: deps.periods.extension.days,
      },
      contactPhone: config.commissionPhone ?? null,
      // 送达回证 of a document not yet served: dated the day that document was made.
      ...(req.kind === 'service_receipt' && req.servedDocument ? { servedDocumentMadeOn: documentMadeOn(ctx, req.servedDocument) } : {}),
      mediationDocumentMethods: mediationDocumentMethods(config.mediationDocumentByPost),
      ...(defense ? { defenseDue: { startsOn: defense.startsOn as string, dueOn: defense.dueOn as string } } : {}),
      defenseUnit: deps.periods.defense.unit,
      ...(postponementClosed ? { postponementClosed } : {}),
      text: req,
      // legal57b H1: the extended limit's last day on the case's dates as they now stand (a date correction moves it),
      // not as the rules judged it when the extension was approved (the EXTEND entry's ruleFacts.extendedDueOn).
      record: {
        ...recordText(events),
        // s62 A #2: of the extension the decision is of (an earlier period's, as it stood when approved).
        extensionDueOn: extensionOfRequest(ctx, req)
          ? extendedLimitDueOn(ctx, await deps.calendar.get(k), deps.periods, extensionOfRequest(ctx, req))
          : null,
        ...(await limitsRunOut(deps, k, ctx, req)),
      },
    });
  } catch (e) {
    if (e instanceof NotReadyError) throw conflict(e.message, { state: c.state });
    if (e instanceof MissingTextError)
      throw unprocessable(e.message, { rule: 'text-from-arbitrator', field: e.field, ...(e.claimIds ? { claimIds: e.claimIds } : {}) });
    if (e instanceof RecordIncompleteError) throw unprocessable(e.message, { rule: 'record-incomplete', field: e.field });
    throw e;
  }
  const createdAt = deps.clock.now();
  const madeOn = specs[0]?.dateOn ?? null;
  const printed = printedOf(req, docInput.record?.extensionDueOn);
  // An act's document already issued: its original, or a refusal of other text (Rules Art. 54; docsfix H1).
  // s64 D #2: whether the act is the only one of its matter on its day (a 决定书 kept without its occurrence is its own).
  const days = req.kind === 'decision' ? decisionActDays(ctx, req.matter, req.occurrence !== undefined) : null;
  const alone = !days || days.filter((x) => x === madeOn).length <= 1;
  const original = req.draft ? null : issuedOriginal(req, input, events, madeOn, printed, alone);
  // s60 L6: a decision naming a provisional last day is not issued (nor a new version of it); its draft and the reprint
  // of the original already issued are.
  if (provisionalYear !== null && !req.draft && (!original || original.replaced)) throw provisionalExtensionRefusal(provisionalYear);
  if (original && !original.replaced)
    return {
      caseVersion: c.version,
      state: c.state,
      req,
      text: original.text,
      rendered: [],
      createdAt,
      madeOn,
      original: original.ids,
      printed: null,
      replaces: null,
      alone,
    };
  // legal58b #2: a 决定书 whose facts changed since it was issued (LDMAL Art. 43(1): the extended limit the parties are
  // told, moved by a date correction or a calendar year loaded) is issued again — a new version naming the one it replaces.
  const replaces = original?.replaced ? { documents: original.ids, issuedOn: original.issuedOn } : null;
  // legal59a #2: the new version is dated the day it is issued (templates/kinds.ts reissuedDateOn), its act's day said.
  if (original?.replaced)
    specs = BUILDERS[req.kind]({
      ...docInput,
      replaces: { caseNo: original.caseNo, issuedOn: original.issuedOn, reissuedOn: cstDate(createdAt) },
    });
  // Each document costs tens of milliseconds of CPU on a render thread: a per-user limit (DOCUMENTS_PER_MINUTE), counted
  // here, when the request is about to render — a request refused above (the rules, the record, a provisional last day)
  // or answered with the original already issued renders nothing and does not use up the clerk's minute.
  if (first) await deps.throttle.take(deps.limits.documents, String(actor.id));
  const rendered: { title: string; caseNo: string | null; bytes: Buffer }[] = [];
  for (const spec of specs) {
    // A 调解协议书 is sealed by the mediation organization by hand, after the parties sign (LDMAL Art. 14): never
    // printed under the commission's seal.
    const sealed = !req.draft && req.kind !== 'mediation_agreement';
    const issued = { ...spec, draft: req.draft === true, sealImage: sealed ? assets.sealImage : null };
    if (req.draft) delete issued.certified;
    try {
      rendered.push({
        title: `${spec.title}${req.draft ? '（草稿）' : ''}`,
        caseNo: spec.caseNo,
        bytes: await renderPdfOffThread(issued, { createdAt, bodyFontPath: config.documentBodyFont ?? null }),
      });
    } catch (e) {
      if (e instanceof MissingGlyphError) throw unprocessable(e.message, { rule: 'missing-glyph', characters: e.chars });
      throw e;
    }
  }
  // What the arbitrator wrote for this document, kept with the act so that a regeneration prints the same.
  const text = Object.fromEntries(
    (['matter', 'occurrence', ...TEXT_FIELDS, 'body', 'decidedOn', 'corrects', 'partyId', 'servedDocument'] as const)
      .filter((f) => req[f] !== undefined)
      .map((f) => [f, req[f]]),
  );
  return {
    caseVersion: c.version,
    state: c.state,
    req,
    text,
    rendered,
    createdAt,
    madeOn,
    original: null as number[] | null,
    printed,
    replaces,
    alone,
    warnings:
      req.kind === 'decision' && req.matter === 'correction'
        ? correctionWarnings(ctx, c.caseNo ?? reviewNo, req)
        : req.kind === 'mediation_document'
          ? reviewTermsWarnings(ctx)
          : req.kind === 'hearing_notice'
            ? collectiveNoticeWarnings(ctx)
            : provisionalYear !== null && req.draft
              ? [draftWithoutDueDay(provisionalYear)]
              : [],
  };
}

/**
 * med49 M4: the 调解书 of an arbitral review prints the confirmed terms as the parties' agreement; Rules Art. 77: its
 * content must match the agreement registered for review (Art. 74). Confirmed terms other than the registered ones are
 * made with a warning naming both (whitespace and final punctuation aside).
 */
function reviewTermsWarnings(ctx: MachineContext): string[] {
  const r = ctx.review;
  if (ctx.track !== 'review' || !r?.confirmation || !r.agreement.terms) return [];
  const norm = (x: string) => x.replace(/[\s。；;，,.]+/gu, '');
  if (norm(r.confirmation.terms) === norm(r.agreement.terms)) return [];
  return [
    `确认的协议内容与登记审查的调解协议不一致：调解协议为“${r.agreement.terms}”，确认为“${r.confirmation.terms}”。调解书的内容应当与调解协议的内容一致（《劳动人事争议仲裁办案规则》第七十七条），请核对。`,
  ];
}

/**
 * s64: the defense period's last day as the hearing notice states it — that of the period in force on the notice's own
 * date (Rules Art. 58: shortened or cancelled with the respondent's consent; templates/kinds.ts `defenseDaysAt`), from
 * the respondents' receipt the record holds. A shortening after the notice does not reach back into it: its last day
 * is computed again with the period the notice states (the recorded deadline is that of the period as it now is).
 * None for a cancelled period (the notice states no last day then).
 */
async function defenseDueAsNoticed(
  deps: Deps,
  k: Parameters<Deps['calendar']['get']>[0],
  ctx: MachineContext,
  defense: { startsOn: string | null; dueOn: string | null } | undefined,
): Promise<{ startsOn: string | null; dueOn: string | null } | undefined> {
  const on = hearingDateSetOn(ctx);
  if (!defense?.startsOn || !on) return defense;
  const days = defenseDaysAt(ctx, on);
  if (days === ctx.defensePeriodDays) return defense;
  if (days === 0) return undefined;
  const rule = defenseRule({ defensePeriodDays: days }, deps.periods);
  const due = computePeriod(await deps.calendar.get(k), rule, defense.startsOn, '被申请人收到申请书副本之日').dueOn;
  return due ? { startsOn: defense.startsOn, dueOn: due } : undefined;
}

/**
 * docs51 L2: Rules Art. 65 [R] — a collective case's hearing notice states the defense and evidence periods. Made
 * before an evidence period was set (SET_EVIDENCE_PERIOD) it prints 「举证期限由仲裁庭另行指定」: made, with a warning —
 * the period is for the tribunal to set, not for the document to invent. The notice's act is the scheduling or the
 * postponement that set this hearing's date (templates/kinds.ts hearingNotice).
 */
function collectiveNoticeWarnings(ctx: MachineContext): string[] {
  const h = ctx.hearing;
  if (!ctx.collective || !h) return [];
  const moved = ctx.postponements.filter((p) => p.decidedOn >= h.scheduledOn && p.to === h.hearingOn).at(-1);
  const madeOn = moved?.decidedOn ?? h.scheduledOn;
  if (ctx.evidence && ctx.evidence.setOn <= madeOn) return [];
  return [
    '集体劳动人事争议的开庭通知应当一并告知答辩期和举证期限（《劳动人事争议仲裁办案规则》第六十五条），本案尚未确定举证期限（SET_EVIDENCE_PERIOD），通知书写为“举证期限由仲裁庭另行指定”；请确定举证期限后另行通知当事人。',
  ];
}

/**
 * docs49 L2: a 补正 decision (Rules Art. 54) for an award — or the part of it, or the partial award — the intermediate
 * court set aside (LDMAL Arts. 43(2), 49): the award no longer has effect, so correcting its clerical errors is rarely
 * meant. Neither LDMAL nor the Rules as domain.md records them forbid it: made, with a warning.
 */
function correctionWarnings(ctx: MachineContext, caseNo: string | null, req: DocumentRequest): string[] {
  const target = correctionTarget({ ctx, caseNo, text: req });
  const ruling =
    target.partialAward !== undefined
      ? partialSetAside(ctx, target.partialAward)
      : ctx.setAside?.result === 'set_aside'
        ? { court: ctx.setAside.court, decidedOn: ctx.setAside.decidedOn as string }
        : null;
  // Only the final part of a mixed award is set aside (LDMAL Art. 49): its non-final part still stands.
  if (!ruling || target.part === 'non_final') return [];
  return [
    `${target.caseNo}${target.title}已由${ruling.court}于${ruling.decidedOn}裁定撤销（《劳动争议调解仲裁法》第四十九条），不再发生法律效力；补正决定已作出，请核对是否确需补正。`,
  ];
}

const sameText = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * An issued act's document asked for again (reviewer docsfix H1; app/documents/originals.ts): its text is fixed once
 * issued — Rules Art. 54: a written or calculation error, or a matter decided but left out, is put right by a 补正
 * decision (kind `decision`, matter `correction`, `corrects`) — so a request writing other text is refused (422, rule
 * `issued-document-text-fixed`, naming the field), and one writing none or the same answers the original: the same
 * stored document(s), never a second copy under the same number. A draft (`draft: true`) may always be printed. A
 * 决定书 that would now print other facts than it did (`printed`; legal58b #2) is `replaced`: the caller issues a new
 * version naming it.
 */
function issuedOriginal(
  req: DocumentRequest,
  input: DocumentRequest,
  events: EventRecord[],
  madeOn: string | null,
  printed: string | null,
  alone: boolean,
): { ids: number[]; text: Record<string, unknown>; replaced: boolean; issuedOn: string; caseNo: string | null } | null {
  const issued = originals(events);
  let original: GenerationEntry | undefined;
  let dayMoved = false;
  const text = req as unknown as Record<string, unknown>;
  for (const day of req.kind === 'decision' ? correctedDays(events, madeOn) : [madeOn]) {
    const key = actKey(req.kind, text, day);
    // s64 D #2: a 决定书 kept without its occurrence (before stop 62) is of this act where no other act of its matter
    // falls on its day (`alone`); where two do, it cannot be told whose it is, and is not answered for either.
    const legacy = alone ? actKey(req.kind, text, day, true) : null;
    original = key === null ? undefined : (issued.get(key) ?? (legacy !== null && legacy !== key ? issued.get(legacy) : undefined));
    if (original) break;
    dayMoved = true;
  }
  if (!original) return null;
  // What the original printed: its request's text, else what was written with the act (ISSUE_AWARD / PARTIAL_AWARD).
  const record = recordText(events);
  const written =
    req.kind === 'award' ? record.award : req.kind === 'partial_award' ? record.partialAwards?.[(req.occurrence ?? 1) - 1] : undefined;
  const changed = TEXT_FIELDS.find((f) => {
    if (input[f] === undefined) return false;
    const before = original.text[f] ?? (f === 'legalBasis' ? undefined : written?.[f]);
    return !sameText(input[f], before);
  });
  if (changed) {
    const label = DOCUMENT_KINDS[req.kind];
    throw ruleRefusal({
      rule: 'issued-document-text-fixed',
      field: changed,
      source: '《劳动人事争议仲裁办案规则》第五十四条',
      detail: `该${label}已出具，文本不得更改，也不以同一文号另出一份：文字、计算错误或已裁决而遗漏的事项，以补正决定书更正（kind "decision"，matter "correction"，corrects 指明所补正的文书）；仅供修改讨论的，可生成草稿（draft: true）`,
    });
  }
  // legal58b #2: a 决定书 that would now print other facts than it did (kept with it since; an older one, not known) is
  // replaced by a new version — not answered with what it printed then.
  const replaced = (dayMoved && req.matter !== 'correction') || Boolean(printed && original.printed && printed !== original.printed);
  return {
    ids: original.documents.map((d) => d.id),
    text: original.text,
    replaced,
    issuedOn: original.issuedOn,
    caseNo: original.documents[0]?.caseNo ?? null,
  };
}

/**
 * The documents of an arbitral review that bear its number: the 受理通知书 (Rules Art. 75 [R]; med49 M5), the 调解书, the
 * decisions, and their receipts.
 */
const REVIEW_NUMBERED = new Set<DocumentKind>(['acceptance_notice', 'mediation_document', 'decision', 'service_receipt']);

/**
 * The number of an arbitral review of a mediation agreement (Rules Arts. 74–79; reviewer docs46b M3), which has no
 * case number: its own serial of the year of its first act that makes a numbered document — the acceptance (受理通知书,
 * Art. 75), the confirmation (调解书, Art. 77), a refusal (Art. 78) or the non-acceptance (Art. 75) — in the series REVIEW_NO_PREFIX configures (domain.md
 * §12.1: reviews may use a series of their own). Taken with the first document that prints it, in a unit of work of its
 * own — not the request's, which stores its idempotent answer — (db/stores/documents.ts takeNumber: the case keeps
 * it; a rollback returns it); null before any such act.
 */
async function reviewNumber(deps: Deps, caseId: number, ctx: MachineContext, kind: DocumentKind) {
  const r = ctx.review;
  if (ctx.track !== 'review' || !r || !REVIEW_NUMBERED.has(kind)) return null;
  const first = [r.acceptedOn, r.confirmation?.on, r.refusal?.on, r.rejection?.on].filter((x): x is string => !!x).sort()[0];
  if (!first) return null;
  const { stores, config } = deps;
  const year = Number(first.slice(0, 4));
  const taken =
    (await stores.documents.numberOf(deps.db.reader, caseId, 'review')) ??
    (await inTransaction(deps, async (uow) => ({ year, serial: await stores.documents.takeNumber(uow.trx, caseId, 'review', year) })));
  return formatCaseNo(config.reviewNoPrefix, taken.year, taken.serial);
}

/** GET /api/cases/:id/documents — not for summary readers (analysts). */
export async function listDocuments(deps: Deps, actor: Actor, caseId: number): Promise<DocumentView[]> {
  assertRoleMayListDocuments(actor);
  const c = await loadCase(deps, deps.db.reader, caseId);
  assertMayListDocuments(actor, caseScope(c, caseContext(c)));
  const docs = await deps.stores.documents.forCase(deps.db.reader, caseId);
  // Which act a partial award's or ruling's document is of, and whether it was a draft: kept with the act that
  // generated it (the GENERATE_DOCUMENT entry).
  const of = new Map<number, number>();
  const drafts = new Set<number>();
  if (docs.length)
    for (const e of await deps.stores.cases.events(deps.db.reader, caseId)) {
      if (e.type !== 'GENERATE_DOCUMENT') continue;
      const p = e.payload as { kind?: DocumentKind; draft?: boolean; text?: { occurrence?: number }; documents?: { id: number }[] };
      if (p.draft) for (const d of p.documents ?? []) drafts.add(d.id);
      if (p.kind && OF_AN_ACT.has(p.kind) && p.text?.occurrence) for (const d of p.documents ?? []) of.set(d.id, p.text.occurrence);
    }
  return docs.map((d) => view(d, of.get(d.id), drafts.has(d.id)));
}

/**
 * GET /api/documents/:id — the stored bytes, the same every time. A document prints identity numbers and addresses:
 * only those who read its case in full may download it, and the download is recorded in the access log.
 */
export async function readDocument(deps: Deps, actor: Actor, id: number) {
  assertRoleMayReadDocuments(actor);
  const d = await deps.stores.documents.find(deps.db.reader, id);
  if (!d) throw unknownPathParam('id', '文书');
  const c = await loadCase(deps, deps.db.reader, d.caseId);
  assertMayReadDocument(actor, caseScope(c, caseContext(c)));
  await recordAccess(deps, actor, 'download_document', { caseId: d.caseId, documentId: d.id });
  return d;
}
