import type { AuditEntity } from '../../db/stores/reference.ts';
import { distinctPartyNames } from '../../templates/kinds.ts';
import { addDays, daysBetween, mondayOf } from '../../workflows/dates.ts';
import { maskPersonalNumbersInText } from '../../workflows/identifiers.ts';
import { closureModeLabel, stateLabel } from '../../workflows/labels.ts';
import { PROCEDURES } from '../../workflows/reference.ts';
import type { Deps } from '../deps.ts';
import { tooLarge, validationError } from '../errors.ts';
import { own } from '../own.ts';
import { type Actor, AREA_ROLES, assertMayReadCases, assertRole } from '../policy.ts';
import { renderCaseSheetOffThread } from '../render/pool.ts';
import { type CaseListQuery, listCases } from './queries.ts';

/**
 * GET /api/hearings — the hearing calendar: every hearing session on the days `from`–`to` (at most 31) — further
 * sessions after a first hearing included, a postponed one on its new day — optionally one arbitrator's or one room's. Shows what a case summary shows (number, party names, tribunal),
 * so every signed-in role may read it.
 */
export async function hearingCalendar(
  deps: Deps,
  actor: Actor,
  q: { from: string; to: string; arbitratorId?: number; place?: string; page: number; pageSize: number },
) {
  assertMayReadCases(actor);
  if (q.to < q.from) throw validationError([{ path: 'to', message: '截止日不能早于起始日' }]);
  if (daysBetween(q.from, q.to) > 30) throw validationError([{ path: 'to', message: '一次最多查询31天' }]);
  const r = await deps.stores.hearings.list(deps.db.reader, { ...q, slotMinutes: deps.config.hearingSlotMinutes });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

/**
 * GET /api/board/award-clock — the chair's board: open arbitration cases by days left on the award clock (LDMAL Art.
 * 43), overdue first; `within` limits it to clocks running out within that many days.
 */
export async function awardClockBoard(deps: Deps, actor: Actor, q: { within?: number; page: number; pageSize: number }) {
  assertRole(actor, AREA_ROLES.board, '查看审限督办');
  const today = deps.clock.today();
  const r = await deps.stores.workload.awardClocks(deps.db.reader, {
    until: q.within === undefined ? undefined : addDays(today, q.within),
    page: q.page,
    pageSize: q.pageSize,
  });
  return {
    ...r,
    items: r.items.map((i) => ({ ...i, stateLabel: stateLabel(i.state), daysLeft: i.dueOn ? daysBetween(today, i.dueOn) : null })),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * GET /api/workload?role=arbitrator|mediator — each active arbitrator's open cases and hearings this week, or each
 * active mediator's mediations in hand (and the hearings this week of the cases it is assigned to): shown where
 * cases are assigned — the tribunal, a replacement arbitrator, a mediator.
 */
export async function workload(deps: Deps, actor: Actor, role: 'arbitrator' | 'mediator' = 'arbitrator') {
  assertRole(actor, AREA_ROLES.workload, '查看办案量');
  const from = mondayOf(deps.clock.today());
  const week = { from, to: addDays(from, 6) };
  const items =
    role === 'mediator'
      ? await deps.stores.workload.mediatorLoad(deps.db.reader, week)
      : await deps.stores.workload.arbitratorLoad(deps.db.reader, week);
  return { items, total: items.length, page: 1, pageSize: Math.max(1, items.length), week: { from, to: addDays(from, 6) } };
}

/**
 * GET /api/exports/cases — the case list as filtered, as an xlsx workbook: the columns of the list (names only,
 * never an identity number or phone), in the list's order. Bounded: counted against the user's EXPORTS_PER_MINUTE
 * before any work, refused with 413 (rule `export-max-rows`) when the selection holds more than EXPORT_MAX_ROWS cases —
 * never a silently cut list — and the workbook written on a render thread, off the event loop.
 */
export async function exportCases(deps: Deps, actor: Actor, q: Omit<CaseListQuery, 'page' | 'pageSize'>) {
  await deps.throttle.take(deps.limits.exports, String(actor.id));
  const max = deps.config.exportMaxRows;
  // The count first (one row read): a selection over the limit costs no more than that.
  const { total } = await listCases(deps, actor, { ...q, page: 1, pageSize: 1 });
  if (total > max)
    throw tooLarge(`所选案件共 ${total} 件，超过导出上限 ${max} 件（EXPORT_MAX_ROWS）；请用筛选条件缩小范围后再导出`, {
      rule: 'export-max-rows',
    });
  const r = await listCases(deps, actor, { ...q, page: 1, pageSize: max });
  // docs53 L4: parties of one case who share a name by the labels the documents give them (张三（一）、张三（二）,
  // templates/kinds.ts distinctPartyNames, over all the case's parties in its order), masked as the list masks them.
  const parties = await deps.stores.caseSummaries.partiesInOrderOf(
    deps.db.reader,
    r.items.map((c) => c.id),
  );
  const names = (id: number, side: string, fallback: string[]) => {
    const ps = parties.get(id) ?? [];
    const labels = distinctPartyNames(ps);
    const mine = ps.filter((p) => p.side === side);
    return (mine.length ? mine.map((p) => maskPersonalNumbersInText(labels.get(p.id) ?? p.name)) : fallback).join('、');
  };
  return renderCaseSheetOffThread({
    createdAt: deps.clock.now().toISOString(),
    title: `案件列表（导出于 ${deps.clock.today()}，共 ${r.items.length} 件）`,
    header: ['案号', '状态', '申请人', '被申请人', '地区', '程序', '收到申请', '受理', '审限届满', '结案', '结案方式', '欠薪', '集体争议'],
    rows: r.items.map((c) => [
      // As the list names it (web/core.js caseName): a case without a case number by its 不字/审字 document's number
      // (LDMAL Art. 29; Rules Arts. 74–79), else by its kind and id (sec49 M1).
      c.caseNo ?? c.documentNo ?? `${c.track === 'mediation' ? '调解申请' : c.track === 'review' ? '仲裁审查申请' : '仲裁申请'}#${c.id}`,
      stateLabel(c.state),
      names(c.id, 'applicant', c.applicantNames),
      names(c.id, 'respondent', c.respondentNames),
      c.district,
      procedureCell(c),
      c.receivedOn,
      c.acceptedOn ?? '',
      c.awardDueOn ?? '',
      c.closure?.closedOn ?? '',
      c.closure ? closureModeLabel(c.closure.mode) : '',
      c.wageArrears ? '是' : '',
      c.collective ? '是' : '',
    ]),
    widths: [26, 18, 24, 24, 12, 10, 12, 12, 12, 12, 12, 6, 8],
  });
}

/**
 * The export's 程序 column. An application refused (不予受理, LDMAL Art. 29; a review's, Rules Art. 75) or a registration
 * voided entered no procedure: 「—」 (docs53 L5: a 不字 case read 普通程序). A review has no ordinary or simple procedure
 * (Rules Arts. 74–79; docs50 M2): named by what it is.
 */
function procedureCell(c: { track: string; procedure: string | null; closure?: { mode: string } | null }): string {
  if (c.closure && NO_PROCEDURE.includes(c.closure.mode)) return '—';
  if (c.track === 'mediation') return '案前调解';
  return c.procedure === null ? '仲裁审查' : (own(PROCEDURES, c.procedure) ?? c.procedure);
}
const NO_PROCEDURE = ['rejection', 'review_rejected', 'voided'];

/** GET /api/audit-log — changes to users, minimum wages and holiday calendars, newest first (admin, chair). */
export async function auditLog(deps: Deps, actor: Actor, q: { entity?: AuditEntity; page: number; pageSize: number }) {
  assertRole(actor, AREA_ROLES.auditLog, '查看变更记录');
  const r = await deps.stores.reference.auditEntries(deps.db.reader, q);
  return { ...r, page: q.page, pageSize: q.pageSize };
}
