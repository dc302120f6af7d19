import ExcelJS from 'exceljs';
import { stateLabel } from '../../workflows/labels.ts';
import { PROCEDURES } from '../../workflows/reference.ts';
import type { Deps } from '../deps.ts';
import { validationError } from '../errors.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';
import { type CaseListQuery, listCases } from './queries.ts';

const DAY = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
/** Monday of the week of `d` (the calendar week the commission plans hearings by). */
const mondayOf = (d: string) => addDays(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7));

/**
 * GET /api/hearings — the hearing calendar: every hearing session on the days `from`–`to` (at most 31) — further
 * sessions after a first hearing included, a postponed one on its new day — optionally one arbitrator's or one room's. Shows what a case summary shows (number, party names, tribunal),
 * so every signed-in role may read it.
 */
export async function hearingCalendar(
  deps: Deps,
  _actor: Actor,
  q: { from: string; to: string; arbitratorId?: number; place?: string; page: number; pageSize: number },
) {
  if (q.to < q.from) throw validationError([{ path: 'to', message: '截止日不能早于起始日' }]);
  if (Date.parse(q.to) - Date.parse(q.from) > 30 * DAY) throw validationError([{ path: 'to', message: '一次最多查询31天' }]);
  const r = await deps.stores.hearings.list(deps.db.reader, q);
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
    items: r.items.map((i) => ({ ...i, stateLabel: stateLabel(i.state), daysLeft: i.dueOn ? Math.round((Date.parse(i.dueOn) - Date.parse(today)) / DAY) : null })),
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

const CLOSURE_LABELS: Record<string, string> = {
  award: '裁决',
  mediation: '调解',
  withdrawal: '撤回',
  deemed_withdrawal: '按撤回处理',
  termination: '终止审理',
  rejection: '不予受理',
};

/** The most rows an export carries; a larger list is narrowed with the filters first. */
export const EXPORT_LIMIT = 5000;

/**
 * GET /api/exports/cases — the case list as filtered, as an xlsx workbook: the columns of the list (names only,
 * never an identity number or phone), up to EXPORT_LIMIT rows in the list's order.
 */
export async function exportCases(deps: Deps, actor: Actor, q: Omit<CaseListQuery, 'page' | 'pageSize'>) {
  const r = await listCases(deps, actor, { ...q, page: 1, pageSize: EXPORT_LIMIT });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhongcai';
  wb.created = deps.clock.now();
  const ws = wb.addWorksheet('案件列表', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([`案件列表（导出于 ${deps.clock.today()}，共 ${r.total} 件${r.total > r.items.length ? `，本表前 ${r.items.length} 件` : ''}）`]).font = {
    bold: true,
  };
  const header = ['案号', '状态', '申请人', '被申请人', '地区', '程序', '收到申请', '受理', '审限届满', '结案', '结案方式', '欠薪', '集体争议'];
  const hr = ws.addRow(header);
  hr.font = { bold: true };
  for (const c of r.items) {
    ws.addRow([
      c.caseNo ?? `${c.track === 'mediation' ? '调解申请' : '仲裁申请'}#${c.id}`,
      stateLabel(c.state),
      c.applicantNames.join('、'),
      c.respondentNames.join('、'),
      c.district,
      c.track === 'mediation' ? '案前调解' : (PROCEDURES[c.procedure as keyof typeof PROCEDURES] ?? c.procedure),
      c.receivedOn,
      c.acceptedOn ?? '',
      c.awardDueOn ?? '',
      c.closure?.closedOn ?? '',
      c.closure ? (CLOSURE_LABELS[c.closure.mode] ?? c.closure.mode) : '',
      c.wageArrears ? '是' : '',
      c.collective ? '是' : '',
    ]);
  }
  ws.columns.forEach((col, i) => {
    col.width = [26, 18, 24, 24, 12, 10, 12, 12, 12, 12, 12, 6, 8][i] ?? 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** GET /api/audit-log — changes to users, minimum wages and holiday calendars, newest first (admin, chair). */
export async function auditLog(deps: Deps, actor: Actor, q: { entity?: string; page: number; pageSize: number }) {
  assertRole(actor, AREA_ROLES.auditLog, '查看变更记录');
  const r = await deps.stores.reference.auditEntries(deps.db.reader, q);
  return { ...r, page: q.page, pageSize: q.pageSize };
}
