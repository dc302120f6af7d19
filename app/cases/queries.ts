import { searchableCaseText } from '../../workflows/case-number.ts';
import type { Deps } from '../deps.ts';
import { unknownPathParam } from '../errors.ts';
import { type Actor, assertMayReadCases, assertMayReplay, caseSearchScope, type ReadLevel, readLevel } from '../policy.ts';
import { rejectionNoOf } from '../procedure/rejection-no.ts';
import { recordAccess } from '../security/access-log.ts';
import { caseContext, caseScope, loadCase, userNames } from './case-state.ts';
import { documentNoOf, documentNumbersOf } from './document-no.ts';
import { buildCaseView, type CaseView, caseSummaryView, eventView, namedDeadlines } from './views.ts';

/** GET /api/cases/:id — the case at the actor's read level; a full read is recorded in the access log. */
export async function getCase(deps: Deps, actor: Actor, id: number): Promise<CaseView> {
  const k = deps.db.reader;
  // One statement: the case, its parties, claims and deadlines, and the calendar version.
  const loaded = await deps.stores.cases.loadAggregate(k, id, { deadlines: true, calendar: true });
  if (!loaded) throw unknownPathParam('id', '案件');
  const c = loaded.record;
  const ctx = caseContext(c);
  const level = readLevel(actor, caseScope(c, ctx));
  const [names, calendar, rejectionNo, documentNo] = await Promise.all([
    userNames(deps, k, [...(ctx.tribunal?.arbitratorIds ?? []), ...(ctx.mediatorIds ?? [])]),
    deps.calendar.get(k, { version: loaded.calendarVersion }),
    // A rejected application's 不予受理通知书 number (a statement only for such a case).
    rejectionNoOf(deps, k, id, ctx),
    // The 不字 / 审字 number of a case without a case number (reviewer docsfix L1; statements only for such a case).
    documentNumbersOf(deps, k, [{ id, caseNo: c.caseNo }]).then((m) => m.get(id) ?? null),
  ]);
  if (level === 'full') await recordAccess(deps, actor, 'read_case', { caseId: id });
  return buildCaseView(c, ctx, loaded.deadlines ?? [], names, { level, calendar, rejectionNo, documentNo });
}

/**
 * Before a write's stored answer holding a case view is sent again (an Idempotency-Key's retry): the actor must still
 * read the case at the level the view was built for (policy `replayRefusal`). A full view sent again is a read of the
 * case with no act behind it: recorded in the access log as a GET's is (sec55 M1).
 */
export async function assertMayReplayCaseView(deps: Deps, actor: Actor, body: unknown): Promise<void> {
  const view = body as { id?: unknown; readLevel?: unknown } | null;
  if (!view || typeof view.id !== 'number' || typeof view.readLevel !== 'string') return;
  const c = await loadCase(deps, deps.db.reader, view.id);
  assertMayReplay(actor, caseScope(c, caseContext(c)), view.readLevel as ReadLevel);
  if (view.readLevel === 'full') await recordAccess(deps, actor, 'read_case', { caseId: view.id });
}

export interface CaseListQuery {
  state?: string;
  track?: 'arbitration' | 'mediation' | 'review';
  district?: string;
  procedure?: string;
  collective?: boolean;
  wageArrears?: boolean;
  major?: boolean;
  q?: string;
  arbitratorId?: number;
  mediatorId?: number;
  overdue?: boolean;
  sort?: 'awardDue' | 'receivedOn' | 'state' | 'caseNo';
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/**
 * GET /api/cases — one page of case summaries (identity numbers never appear in a list). `q` also matches identity
 * numbers, phones and agents as far as the policy lets this actor search by them.
 */
export async function listCases(deps: Deps, actor: Actor, q: CaseListQuery) {
  const k = deps.db.reader;
  const result = await deps.stores.cases.list(k, {
    state: q.state,
    track: q.track,
    district: q.district,
    procedure: q.procedure,
    collective: q.collective,
    wageArrears: q.wageArrears,
    major: q.major,
    q: q.q ? searchableCaseText(q.q) : undefined,
    arbitratorId: q.arbitratorId,
    mediatorId: q.mediatorId,
    overdue: q.overdue,
    searchIn: caseSearchScope(actor),
    // docs50 M1: a case without a case number is found by its 不字 / 审字 number, as the list names it (document-no.ts).
    documentNoPrefixes: { review: deps.config.reviewNoPrefix, rejection_notice: deps.config.rejectionNoPrefix },
    sort: q.sort,
    order: q.order,
    page: q.page,
    pageSize: q.pageSize,
  });
  // A rejected application or an arbitral review has no case number: its 不字 / 审字 number (reviewer docsfix L1).
  // A review's acceptance (ACCEPT_REVIEW, Rules Art. 75) is on its record, not on the case row (docs50 M2).
  const reviews = result.items.filter((c) => c.track === 'review' && c.acceptedOn === null).map((c) => c.id);
  // The numbers came with the page's rows (db/stores/cases.ts list).
  const reviewAccepted = reviews.length ? await deps.stores.caseSummaries.reviewsAcceptedOn(k, reviews) : new Map<number, string>();
  return {
    items: result.items.map((c) => {
      const view = caseSummaryView(c);
      const acceptedOn = view.acceptedOn ?? reviewAccepted.get(c.id) ?? null;
      const documentNo = c.caseNo === null ? documentNoOf(deps.config, c.documentNumbers ?? []) : null;
      return { ...view, acceptedOn, documentNo };
    }),
    total: result.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * GET /api/cases/:id/events — the history: identity numbers always masked; contact data left out below the full level;
 * payloads left out for a summary reader. A full read is recorded in the access log.
 */
export async function caseHistory(deps: Deps, actor: Actor, id: number) {
  const k = deps.db.reader;
  const c = await loadCase(deps, k, id);
  const level = readLevel(actor, caseScope(c, caseContext(c)));
  const events = await deps.stores.cases.events(k, id);
  if (level === 'full') await recordAccess(deps, actor, 'read_history', { caseId: id });
  return events.map((e) => eventView(e, level));
}

/** GET /api/cases/:id/deadlines — dates, part of a case at every read level (analysts' summaries included). */
export async function caseDeadlines(deps: Deps, actor: Actor, id: number) {
  const k = deps.db.reader;
  assertMayReadCases(actor);
  const c = await loadCase(deps, k, id);
  return namedDeadlines(await deps.stores.deadlines.forCase(k, id), c.parties);
}
