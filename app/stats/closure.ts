import {
  type ClosureOptions,
  closureCases,
  closureRate,
  type DrillQuery,
  FORMULA_VERSION,
  type GroupBy,
  type Measure,
  type PeriodQuery,
} from '../../db/reports/closure-rate.ts';
import { periodicReport } from '../../db/reports/periodic-report.ts';
import { legalAidCases } from '../../db/reports/special-cases.ts';
import { MissingGlyphError } from '../../templates/layout.ts';
import { addDays, addMonths } from '../../workflows/dates.ts';
import { DISTRICTS, OWNERSHIP_TYPES } from '../../workflows/reference.ts';
import { PROCEDURE_KINDS, STAT_CAUSES } from '../../workflows/stat-facts.ts';
import { documentNumbersOf } from '../cases/document-no.ts';
import type { Deps } from '../deps.ts';
import { type FieldError, unprocessable, validationError } from '../errors.ts';
import { own } from '../own.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';
import { renderReportOffThread } from '../render/pool.ts';

export interface PeriodInput {
  from?: string;
  to?: string;
  period?: string;
  asOf?: string;
}

/** from/to from explicit dates or a period shortcut; reporting months may start on the 21st (domain.md §13.1). */
export function resolvePeriod(q: PeriodInput, monthStartDay: number, today: string): { from: string; to: string; asOf: string | null } {
  const errors: FieldError[] = [];
  let from = q.from;
  let to = q.to;
  if (q.period) {
    if (q.from || q.to) errors.push({ path: 'period', message: 'period 与 from/to 不能同时使用' });
    const [y, part] = [Number(q.period.slice(0, 4)), q.period.slice(5)];
    const monthFrom = (year: number, month: number) => {
      // Month `month` runs from its start day (or the previous month's start day when months start after the 1st).
      const mm = String(month).padStart(2, '0');
      return monthStartDay === 1 ? `${year}-${mm}-01` : addMonths(`${year}-${mm}-${String(monthStartDay).padStart(2, '0')}`, -1);
    };
    const nextMonthFrom = (year: number, month: number) => addMonths(monthFrom(year, month), 1);
    let first = 1;
    let last = 12;
    if (part.startsWith('Q')) {
      const n = Number(part.slice(1));
      first = n * 3 - 2;
      last = n * 3;
    } else if (part) {
      first = Number(part);
      last = first;
    }
    from = monthFrom(y, first);
    to = addDays(nextMonthFrom(y, last), -1);
  }
  if (!from) errors.push({ path: 'from', message: '请提供 from 与 to，或 period' });
  if (!to) errors.push({ path: 'to', message: '请提供 from 与 to，或 period' });
  if (from && to && from > to) errors.push({ path: 'to', message: '截止日不能早于起始日' });
  if (q.asOf && q.asOf > today) errors.push({ path: 'asOf', message: `重算日不能晚于今天（${today}）` });
  if (errors.length) throw validationError(errors);
  return { from: from as string, to: to as string, asOf: q.asOf ?? null };
}

export function period(deps: Deps, q: PeriodInput): PeriodQuery {
  const today = deps.clock.today();
  const p = resolvePeriod(q, deps.config.statsMonthStartDay, today);
  // A bounded period (REPORT_MAX_YEARS, default 10): a 300-year query built thousands of month rows for seconds.
  const years = deps.config.reportMaxYears;
  if (p.to >= addMonths(p.from, 12 * years))
    throw validationError([{ path: q.period ? 'period' : 'to', message: `统计期间不能超过${years}年` }]);
  return { ...p, today };
}

async function options(deps: Deps): Promise<ClosureOptions> {
  const users = new Map((await deps.stores.users.list()).map((u) => [String(u.id), u.displayName]));
  return {
    target: deps.config.statsClosureTarget,
    mediationRateShown: deps.config.statsMediationRate,
    label: (g: GroupBy, key: string) => {
      if (g === 'cause') return own(STAT_CAUSES, key) ?? key;
      if (g === 'procedure') return own(PROCEDURE_KINDS, key) ?? key;
      if (g === 'wageArrears') return key === 'yes' ? '拖欠工资（农民工工资）案件' : '其他案件';
      if (g === 'arbitrator') return key === 'none' ? '未组庭' : (users.get(key) ?? `仲裁员#${key}`);
      if (g === 'ownership') return key === 'unknown' ? '未登记' : (own(OWNERSHIP_TYPES, key) ?? key);
      return key;
    },
  };
}

function drillLinks(p: PeriodQuery, groupBy?: GroupBy): Record<string, string> {
  const base = `/api/stats/closure/cases?from=${p.from}&to=${p.to}${p.asOf ? `&asOf=${p.asOf}` : ''}`;
  const out: Record<string, string> = {};
  for (const m of [
    'carriedOver',
    'accepted',
    'closed',
    'pending',
    'overdue',
    'finalAwards',
    'mixedAwards',
    'legalAid',
    'legalAidClosed',
    'majorCollective',
    'majorCollectiveClosed',
  ] as const)
    out[m] = `${base}&measure=${m}`;
  if (groupBy) out.groups = `${base}&groupBy=${groupBy}&group={key}&measure={measure}`;
  return out;
}

/** GET /api/stats/closure — the closure rate and its companions for a period, optionally per group. */
export async function closureFigures(deps: Deps, actor: Actor, q: PeriodInput & { groupBy?: GroupBy }) {
  assertRole(actor, AREA_ROLES.stats, '查看统计');
  const p = period(deps, q);
  await deps.stores.stats.settle(deps.db.knex);
  const figures = await closureRate(deps.db.reader, p, { ...(await options(deps)), groupBy: q.groupBy });
  return { ...figures, links: drillLinks(p, q.groupBy) };
}

export interface DrillInput extends PeriodInput {
  measure: Measure;
  groupBy?: GroupBy;
  group?: string;
  mode?: DrillQuery['mode'];
  filedBy?: DrillQuery['filedBy'];
  result?: DrillQuery['result'];
  referred?: 'true' | 'false';
  collective?: 'true' | 'false';
  finality?: DrillQuery['finality'];
  page: number;
  pageSize: number;
}

/**
 * The keys a drill-down `group` may name per `groupBy` — the `key` of the groups GET /api/stats/closure answers (the
 * districts are their own keys). Anything else — a label such as 集体争议 for `collective` — is a 400 naming `group`,
 * for every groupBy alike (stop 46, L4: a label answered total 0 as if the group were empty). The arbitrator's keys are
 * ids (or none), checked by form: an id without cases is an empty group.
 */
const GROUP_KEYS: Record<Exclude<GroupBy, 'arbitrator'>, Record<string, string>> = {
  district: Object.fromEntries(DISTRICTS.map((d) => [d, d])),
  cause: STAT_CAUSES,
  procedure: PROCEDURE_KINDS,
  wageArrears: { yes: '拖欠工资（农民工工资）案件', no: '其他案件' },
  ownership: { ...OWNERSHIP_TYPES, unknown: '未登记' },
};

function checkGroup(groupBy: GroupBy, group: string): void {
  if (groupBy === 'arbitrator') {
    if (!/^(none|[1-9]\d{0,9})$/.test(group))
      throw validationError([{ path: 'group', message: '按仲裁员分组时，group 应为仲裁员编号或 none（未组庭）' }]);
    return;
  }
  const keys = GROUP_KEYS[groupBy];
  if (own(keys, group) !== undefined) return;
  const byLabel = Object.entries(keys).find(([k, label]) => label === group && k !== group)?.[0];
  throw validationError([
    {
      path: 'group',
      message: byLabel
        ? `group 应为分组的 key：「${group}」应写作 ${byLabel}`
        : `按 ${groupBy} 分组时，group 应为以下之一：${Object.keys(keys).join('、')}`,
    },
  ]);
}

type DrillItem = Record<string, unknown> & { id: number; caseNo: string | null; track: string; acceptedOn: string | null };

/**
 * A drill-down row as a case summary names the case (api.md "Reading (v1.1)": an analyst reads case summaries — case
 * number, dates, party names —, never identity numbers or contact data): the applicants' and respondents' names
 * (identity numbers and phones typed into a name masked), and the number of a case without a case number as
 * `documentNo` — a rejected application's 不予受理通知书 不字 number (LDMAL Art. 29; Rules Art. 30), taken with REJECT
 * (reviewer docsfix L2), or an arbitral review's 审字 number (Rules Arts. 74–79; reviewer docsfix M1). A review has no
 * acceptance in the statistical rows (it is not an arbitration accepted): its `acceptedOn` is the review's own
 * (ACCEPT_REVIEW, Rules Art. 75), read from its record. An award (a mixed award's final part) the intermediate court set
 * aside says so (`setAside`, as the case summary's award.setAside; LDMAL Art. 49; docs49 M3). Four reads for the page,
 * whatever its size.
 */
async function withNames(deps: Deps, items: DrillItem[]) {
  const k = deps.db.reader;
  const reviewIds = items.filter((x) => x.track === 'review').map((x) => x.id);
  const [names, numbers, reviewAccepted, awards] = await Promise.all([
    deps.stores.caseSummaries.partyNamesOf(
      k,
      items.map((x) => x.id),
    ),
    documentNumbersOf(deps, k, items),
    deps.stores.caseSummaries.reviewsAcceptedOn(k, reviewIds),
    deps.stores.caseSummaries.awardSetAsideOf(
      k,
      items.map((x) => x.id),
    ),
  ]);
  const setAsideOf = (id: number) => {
    const r = awards.get(id);
    const sa = r?.setAside?.result === 'set_aside' ? r.setAside : null;
    // `whole`: the award as a whole (setAsideWhole, workflows/rules.ts) — false when only a mixed award's final part was.
    return sa ? { court: sa.court, decidedOn: sa.decidedOn as string, whole: r?.award?.finality !== 'mixed' } : null;
  };
  return items.map(({ track: _t, ...x }) => ({
    ...x,
    ...(_t === 'review' && x.acceptedOn === null ? { acceptedOn: reviewAccepted.get(x.id) ?? null } : {}),
    documentNo: numbers.get(x.id) ?? null,
    applicantNames: names.get(x.id)?.applicantNames ?? [],
    respondentNames: names.get(x.id)?.respondentNames ?? [],
    setAside: setAsideOf(x.id),
  }));
}

/** GET /api/stats/closure/cases — the cases behind one number. */
export async function closureDrillDown(deps: Deps, actor: Actor, q: DrillInput) {
  assertRole(actor, AREA_ROLES.stats, '查看统计');
  if (q.group !== undefined && !q.groupBy) throw validationError([{ path: 'groupBy', message: '指定 group 时须同时指定 groupBy' }]);
  if (q.groupBy && q.group !== undefined) checkGroup(q.groupBy, q.group);
  const p = period(deps, q);
  // Legal aid: the cases a worker has it in, as the figures count them (db/reports/special-cases.ts).
  const legalAidCaseIds = q.measure.startsWith('legalAid') ? [...(await legalAidCases(deps.db.reader, p)).keys()] : undefined;
  const r = await closureCases(deps.db.reader, {
    ...p,
    measure: q.measure,
    groupBy: q.groupBy,
    group: q.group,
    mode: q.mode,
    filedBy: q.filedBy,
    result: q.result,
    referred: q.referred === undefined ? undefined : q.referred === 'true',
    collective: q.collective === undefined ? undefined : q.collective === 'true',
    finality: q.finality,
    legalAidCaseIds,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    ...r,
    items: await withNames(deps, r.items as DrillItem[]),
    page: q.page,
    pageSize: q.pageSize,
    from: p.from,
    to: p.to,
    asOf: p.asOf,
    measure: q.measure,
    formulaVersion: FORMULA_VERSION,
  };
}

export type ReportFile =
  | { format: 'json'; body: unknown }
  | { format: 'csv' | 'xlsx' | 'pdf'; contentType: string; filename: string; bytes: Buffer };

/** GET /api/stats/report — the periodic statistical report as json, csv, xlsx or pdf. */
export async function periodicReportFile(
  deps: Deps,
  actor: Actor,
  q: PeriodInput & { format: 'json' | 'csv' | 'xlsx' | 'pdf'; reportedOn?: string },
) {
  assertRole(actor, AREA_ROLES.stats, '查看统计');
  const p = period(deps, q);
  await deps.throttle.take(deps.limits.exports, String(actor.id));
  const { config } = deps;
  await deps.stores.stats.settle(deps.db.knex);
  const report = await periodicReport(deps.db.reader, p, {
    ...(await options(deps)),
    commission: config.commissionName,
    generatedAt: deps.clock.now().toISOString(),
    // The form's header: configured fields, the requesting user as 填表人, the reporting day asked for (or today).
    header: {
      formNo: config.reportFormNo,
      authority: config.reportAuthority,
      approvalNo: config.reportApprovalNo ?? '',
      principal: config.reportPrincipal ?? '',
      preparer: actor.displayName,
      reportedOn: q.reportedOn ?? deps.clock.today(),
    },
  });
  const name = `arbitration-report-${p.from}-${p.to}${p.asOf ? `-asof-${p.asOf}` : ''}`;
  if (q.format === 'json') return { format: 'json', body: report } as ReportFile;
  if (q.format === 'csv')
    return {
      format: 'csv',
      contentType: 'text/csv; charset=utf-8',
      filename: `${name}.csv`,
      bytes: await renderReportOffThread('csv', report),
    } as ReportFile;
  if (q.format === 'xlsx')
    return {
      format: 'xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `${name}.xlsx`,
      bytes: await renderReportOffThread('xlsx', report),
    } as ReportFile;
  try {
    return {
      format: 'pdf',
      contentType: 'application/pdf',
      filename: `${name}.pdf`,
      bytes: await renderReportOffThread('pdf', report),
    } as ReportFile;
  } catch (e) {
    // A label (an arbitrator's name) with a character the font lacks: say which, as documents do.
    if (e instanceof MissingGlyphError) throw unprocessable(e.message, { rule: 'missing-glyph', characters: e.chars });
    throw e;
  }
}
