import { type CaseRecord, StaleVersionError } from '../../db/stores/cases.ts';
import { CORRECT_DATE, correctDate as correctedContext, type DateTarget } from '../../workflows/date-corrections.ts';
import { awardClock, computeDeadlines } from '../../workflows/deadlines.ts';
import { eventLabel } from '../../workflows/labels.ts';
import { leafState, persist } from '../../workflows/procedure.ts';
import { staleReceivedWarnings } from '../../workflows/received-plausibility.ts';
import { statFacts } from '../../workflows/stat-facts.ts';
import { inCaseTurn } from '../case-turns.ts';
import { caseSnapshot, staleVersion, userNames } from '../cases/case-state.ts';
import { buildCaseView, type CaseView, viewDelta } from '../cases/views.ts';
import { statOptions } from '../config.ts';
import type { Deps } from '../deps.ts';
import { conflict, ruleRefusal, unknownPathParam } from '../errors.ts';
import { type Actor, assertMayCorrectDate } from '../policy.ts';
import { limitationDatesAfter } from '../schemas.ts';
import { queueAlerts } from '../time/alerts.ts';
import { deadlineChanges } from '../time/deadline-changes.ts';
import type { Transact, UnitOfWork } from '../unit-of-work.ts';

/** POST /api/cases/:id/date-corrections — the body (server/http/events.ts `DateCorrectionBody`). */
export interface DateCorrectionInput {
  target: DateTarget;
  field: string;
  value: string;
  reason: string;
}

export interface DateCorrectionResult {
  view: CaseView;
  version: number;
  warnings: string[];
}

/**
 * fixC56 (legal56b M2) — 补正: the chair corrects a mistyped date of an act that moves a clock (workflows/date-corrections.ts
 * says which). One unit of work, as every event: the case row locked (PostgreSQL: FOR UPDATE) and its version checked
 * (If-Match, and the versioned UPDATE), the context and the case row's receipt or acceptance day changed, the deadlines,
 * alerts and statistics recomputed, and a history entry of its own (CORRECT_DATE: the act corrected, its date before and
 * after, the reason) chained to the head read with the case. The corrected entry itself stays as it was recorded.
 */
export async function correctDate(
  deps: Deps,
  uow: UnitOfWork,
  actor: Actor,
  caseId: number,
  input: DateCorrectionInput,
  opts: { expectedVersion?: number } = {},
): Promise<DateCorrectionResult> {
  const { stores } = deps;
  assertMayCorrectDate(actor);
  const loaded = await stores.cases.loadAggregate(uow.trx, caseId, {
    deadlines: true,
    history: true,
    stats: true,
    calendar: true,
    forUpdate: true,
  });
  if (!loaded) throw unknownPathParam('id', '案件');
  const c = loaded.record;
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== c.version) throw await staleVersion(deps, uow.trx, caseId, c.version);
  const snap = caseSnapshot(c);
  const ctx = snap.context;
  // Before acceptance the registration is corrected as such (PATCH /api/cases/:id); a review or a mediation has no
  // award clock to correct.
  // Outside checker sec57 M1: an application closed without acceptance (不予受理, withdrawn before acceptance) can no
  // longer be edited as a registration (PATCH: 409), yet its receipt still decides whether the decision came within the
  // five days (LDMAL Art. 29) and which month counts it: its receipt is corrected here.
  const closedUnaccepted = ctx.track === 'arbitration' && !ctx.acceptedOn && (c.closedOn !== null || c.closureMode !== null);
  if (ctx.track !== 'arbitration' || (!ctx.acceptedOn && !closedUnaccepted))
    throw conflict(
      ctx.track === 'arbitration'
        ? '案件尚未受理：收件日期等登记信息请通过修改登记信息（PATCH /api/cases/{id}）更正'
        : '只有已受理的仲裁案件可以更正程序事项的日期',
      { allowed: [] },
    );
  const entries = await stores.cases.events(uow.trx, caseId);
  const decided = correctedContext(ctx, entries, input.target, input.field, input.value, uow.today);
  if (!decided.ok) throw ruleRefusal(decided.violation);
  const { correction } = decided;
  // LDMAL Art. 27: the limitation dates registered are never after the receipt (as PATCH keeps them, register-case.ts).
  if (correction.cols.receivedOn && c.limitation && limitationDatesAfter(c.limitation, correction.cols.receivedOn).length)
    throw ruleRefusal({
      rule: 'receipt-before-limitation-dates',
      source: 'LDMAL Art. 27',
      field: 'value',
      detail: `收件日期不能更正为${correction.cols.receivedOn}：早于已登记的仲裁时效日期（知道权利被侵害之日、时效中断或中止之日等）`,
    });
  const cal = await deps.calendar.get(uow.trx, { version: loaded.calendarVersion });
  // LDMAL Art. 43(1): an extension is approved before the limit it lengthens runs out — judged again after ANY correction
  // (reviewers s56 A M1, B M1): an acceptance moved earlier, a suspension begun later or a resumption moved earlier
  // shortens the limit and can leave the approval after it, as a corrected approval day can.
  const ext = correction.ctx.extension;
  if (ext?.approvedOn) {
    const without = awardClock({ ...correction.ctx, extension: null }, cal, deps.periods, ext.approvedOn);
    if (without?.dueOn && !without.provisional && ext.approvedOn > without.dueOn)
      throw ruleRefusal({
        rule: 'extension-after-limit',
        source: 'LDMAL Art. 43',
        field: 'value',
        detail: `按更正后的日期，审理期限（不计延长）于${without.dueOn}届满，而延长审理期限于${ext.approvedOn}批准：延长须在期限届满前经仲裁委员会主任批准，此项更正会使已批准的延长落在期限届满之后，请核对`,
      });
  }
  const nctx = correction.ctx;
  const snapshot = persist({ ...snap, context: nctx } as typeof snap);
  const cols = { ...correction.cols, snapshot, machineVersion: snapshot.machineVersion };
  try {
    await stores.cases.update(uow.trx, caseId, c.version, cols, uow.now, { locked: true });
  } catch (err) {
    if (err instanceof StaleVersionError) throw await staleVersion(deps, uow.trx, caseId, err.currentVersion);
    throw err;
  }
  const updated: CaseRecord = { ...c, ...correction.cols, snapshot, version: c.version + 1, updatedAt: uow.now };
  const deadlines = computeDeadlines(nctx, cal, deps.periods, uow.today);
  if (await stores.deadlines.replace(uow.trx, caseId, deadlines, { stored: loaded.deadlines ?? [] }))
    await queueAlerts(deps, uow.trx, caseId, deadlines, uow.today, uow.now);
  const awardDueOn = deadlines.find((d) => d.kind === 'award')?.dueOn ?? null;
  await stores.stats.project(uow.trx, caseId, statFacts(updated, nctx, awardDueOn, statOptions(deps.config)), uow.now, {
    current: loaded.statRow ?? null,
  });
  const names = await userNames(deps, uow.trx, [...(nctx.tribunal?.arbitratorIds ?? []), ...(nctx.mediatorIds ?? [])]);
  const view = buildCaseView(updated, nctx, deadlines, names, { calendar: cal });
  const beforeView = buildCaseView(c, ctx, loaded.deadlines ?? [], names, { calendar: cal });
  const awardBefore = (loaded.deadlines ?? []).find((d) => d.kind === 'award')?.dueOn ?? null;
  const state = leafState(snap.value);
  const what = correction.entry ? eventLabel(correction.entry.type) : '收件';
  const warnings = [
    ...(awardBefore !== awardDueOn && awardDueOn
      ? [`${what}日期由${correction.before}更正为${correction.after}：审理期限届满日由${awardBefore ?? '无'}变为${awardDueOn}`]
      : []),
    // sec58 M1: a receipt corrected to a day long past is warned of as at registration and ACCEPT (a mistyped year).
    ...(correction.entry ? [] : staleReceivedWarnings(correction.after, uow.today, deps.config.receivedOnStaleDays)),
  ];
  await stores.cases.appendEvent(
    uow.trx,
    {
      caseId,
      type: CORRECT_DATE,
      occurredOn: uow.today,
      recordedAt: uow.now,
      actorId: actor.id,
      actorRole: actor.role,
      actorName: actor.displayName,
      payload: {
        target: correction.entry ? { seq: correction.entry.seq, type: correction.entry.type } : 'receivedOn',
        field: input.field,
        before: correction.before,
        after: correction.after,
        reason: input.reason,
        awardDueOn: { before: awardBefore, after: awardDueOn },
        // legal57b L4: every deadline whose due day (or provisional mark) the correction moved — the acceptance period
        // after a receipt corrected, the award limit — in the shape of RECOMPUTE_DEADLINES' payload.deadlines.
        deadlines: deadlineChanges(loaded.deadlines ?? [], deadlines),
      },
      stateBefore: state,
      stateAfter: state,
      ...viewDelta(beforeView, view),
    },
    loaded.head,
  );
  return { view, version: updated.version, warnings };
}

/** The HTTP layer's way in: one unit of work; on PostgreSQL the case's writes in this process take turns (case-turns.ts). */
export function submitDateCorrection(
  deps: Deps,
  transact: Transact,
  actor: Actor,
  caseId: number,
  input: DateCorrectionInput,
  opts: { expectedVersion?: number } = {},
): Promise<DateCorrectionResult> {
  const write = () => transact((uow) => correctDate(deps, uow, actor, caseId, input, opts));
  return deps.db.dialect === 'postgres' ? inCaseTurn(caseId, deps.config.database.lockTimeoutMs, write) : write();
}
