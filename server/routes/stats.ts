import { Router } from 'express';
import { z } from 'zod';
import {
  type ClosureOptions,
  closureCases,
  closureRate,
  FORMULA_VERSION,
  type GroupBy,
  MEASURES,
  type PeriodQuery,
} from '../../db/reports/closure-rate.ts';
import { periodicReport } from '../../db/reports/periodic-report.ts';
import { MissingGlyphError } from '../../templates/layout.ts';
import { addDays } from '../../workflows/dates.ts';
import { PROCEDURE_KINDS, STAT_CAUSES } from '../../workflows/stat-facts.ts';
import { requireRole } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { unprocessable, validationError } from '../errors.ts';
import { parse } from '../http.ts';
import { reportCsv, reportPdf, reportXlsx } from '../report-formats.ts';
import { IsoDate, registry } from '../schemas.ts';

/** Who reads statistics (api.md): bureau analysts, the chair and admins. Nobody writes through these routes. */
export const STATS_ROLES = ['analyst', 'chair', 'admin'] as const;

const GROUP_BYS = ['district', 'cause', 'procedure', 'wageArrears', 'arbitrator'] as const;

const Period = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, '期间应为 2026、2026-Q1 或 2026-03')
  .openapi({ description: '期间简写：年（2026）、季度（2026-Q1）或月（2026-03）；按 STATS_MONTH_START_DAY 定月界' });

const PeriodFields = {
  from: IsoDate.optional().openapi({ description: '起始日（含）' }),
  to: IsoDate.optional().openapi({ description: '截止日（含）' }),
  period: Period.optional(),
  asOf: IsoDate.optional().openapi({ description: '按该日日终（北京时间）的记录重算，用于复现已公布的数字' }),
};

const ClosureQuery = z.object({ ...PeriodFields, groupBy: z.enum(GROUP_BYS).optional() }).strict();
const CasesQuery = z
  .object({
    ...PeriodFields,
    measure: z.enum(MEASURES),
    groupBy: z.enum(GROUP_BYS).optional(),
    group: z.string().max(40).optional(),
    mode: z.enum(['award', 'mediation', 'withdrawal', 'other']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
const ReportQuery = z.object({ ...PeriodFields, format: z.enum(['json', 'csv', 'xlsx', 'pdf']).default('json') }).strict();

const FractionSchema = z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() });
const FiguresSchema = z.object({
  carriedOver: z.number().openapi({ description: '上期未结：期初前受理、期初仍未结' }),
  accepted: z.number().openapi({ description: '本期受理（不含不予受理）' }),
  closed: z.number().openapi({ description: '本期结案（上期未结与本期受理中，期内结案）' }),
  pending: z.number().openapi({ description: '期末未结 = 上期未结 + 本期受理 − 本期结案' }),
  closureRate: z.number().nullable(),
  closureRateFraction: FractionSchema,
  meetsTarget: z.boolean().nullable(),
  byMode: z.object({ award: z.number(), mediation: z.number(), withdrawal: z.number(), other: z.number() }),
  overdue: z.number(),
  overdueDetail: z.object({ closedLate: z.number(), pendingOverdue: z.number() }),
  averageDays: z.number().nullable(),
  finalAwards: z.number(),
  finalAwardShare: FractionSchema,
  amounts: z.object({ claimed: z.string(), awarded: z.string() }),
  applications: z.object({ received: z.number(), rejected: z.number() }),
});
const ClosureSchema = FiguresSchema.extend({
  from: z.string(),
  to: z.string(),
  asOf: z.string().nullable(),
  target: z.number(),
  mediationSuccessRate: z.number().nullable(),
  mediationSuccess: z.object({
    shown: z.enum(['bulletin', 'organization']),
    organization: FractionSchema.extend({ label: z.string() }),
    bulletin: FractionSchema.extend({ label: z.string() }),
  }),
  medianDays: z.number().nullable(),
  formulaVersion: z.string(),
  groups: z.array(FiguresSchema.extend({ key: z.string(), label: z.string() })).optional(),
}).openapi('ClosureFigures');

registry.registerPath({
  method: 'get',
  path: '/api/stats/closure',
  summary: '仲裁结案率及相关指标（分析员、主任、管理员）',
  tags: ['stats'],
  request: { query: ClosureQuery },
  responses: { 200: { description: '指标', content: { 'application/json': { schema: ClosureSchema } } } },
});
registry.registerPath({
  method: 'get',
  path: '/api/stats/closure/cases',
  summary: '某一数字背后的案件清单',
  tags: ['stats'],
  request: { query: CasesQuery },
  responses: { 200: { description: '{items, total}' } },
});
registry.registerPath({
  method: 'get',
  path: '/api/stats/report',
  summary: '定期统计报表（参照人社统MA2）：json / csv / xlsx / pdf',
  tags: ['stats'],
  request: { query: ReportQuery },
  responses: { 200: { description: '报表' } },
});

/** from/to from explicit dates or a period shortcut; reporting months may start on the 21st (domain.md §13.1). */
export function resolvePeriod(
  q: { from?: string; to?: string; period?: string; asOf?: string },
  monthStartDay: number,
  today: string,
): { from: string; to: string; asOf: string | null } {
  const errors: { path: string; message: string }[] = [];
  let from = q.from;
  let to = q.to;
  if (q.period) {
    if (q.from || q.to) errors.push({ path: 'period', message: 'period 与 from/to 不能同时使用' });
    const [y, part] = [Number(q.period.slice(0, 4)), q.period.slice(5)];
    const monthFrom = (year: number, month: number) => {
      // Month `month` runs from its start day (or the previous month's start day when months start after the 1st).
      if (monthStartDay === 1) return `${year}-${String(month).padStart(2, '0')}-01`;
      const pm = month === 1 ? 12 : month - 1;
      const py = month === 1 ? year - 1 : year;
      return `${py}-${String(pm).padStart(2, '0')}-${String(monthStartDay).padStart(2, '0')}`;
    };
    const nextMonthFrom = (year: number, month: number) => (month === 12 ? monthFrom(year + 1, 1) : monthFrom(year, month + 1));
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

export function createStatsRouter(deps: Deps): Router {
  const { db, stores, clock, config } = deps;
  const router = Router();

  const options = async (): Promise<ClosureOptions> => {
    const users = new Map((await stores.users.list()).map((u) => [String(u.id), u.displayName]));
    return {
      target: config.statsClosureTarget,
      mediationRateShown: config.statsMediationRate,
      label: (g: GroupBy, key: string) => {
        if (g === 'cause') return STAT_CAUSES[key as keyof typeof STAT_CAUSES] ?? key;
        if (g === 'procedure') return PROCEDURE_KINDS[key as keyof typeof PROCEDURE_KINDS] ?? key;
        if (g === 'wageArrears') return key === 'yes' ? '拖欠工资（农民工工资）案件' : '其他案件';
        if (g === 'arbitrator') return key === 'none' ? '未组庭' : (users.get(key) ?? `仲裁员#${key}`);
        return key;
      },
    };
  };
  const period = (q: { from?: string; to?: string; period?: string; asOf?: string }): PeriodQuery => ({
    ...resolvePeriod(q, config.statsMonthStartDay, clock.today()),
    today: clock.today(),
  });

  router.get('/stats/closure', async (req, res) => {
    requireRole(req, STATS_ROLES, '查看统计');
    const q = parse(ClosureQuery, req.query);
    const p = period(q);
    const figures = await closureRate(db.knex, p, { ...(await options()), groupBy: q.groupBy });
    res.json({ ...figures, links: drillLinks(p, q.groupBy) });
  });

  router.get('/stats/closure/cases', async (req, res) => {
    requireRole(req, STATS_ROLES, '查看统计');
    const q = parse(CasesQuery, req.query);
    if (q.group !== undefined && !q.groupBy) throw validationError([{ path: 'groupBy', message: '指定 group 时须同时指定 groupBy' }]);
    // Keys that are not text in the database: an arbitrator's id (or "none"), yes/no for wage arrears.
    if (q.groupBy === 'arbitrator' && q.group !== undefined && !/^(none|[1-9]\d{0,9})$/.test(q.group))
      throw validationError([{ path: 'group', message: '按仲裁员分组时，group 应为仲裁员编号或 none' }]);
    if (q.groupBy === 'wageArrears' && q.group !== undefined && q.group !== 'yes' && q.group !== 'no')
      throw validationError([{ path: 'group', message: '按是否欠薪分组时，group 应为 yes 或 no' }]);
    const p = period(q);
    const r = await closureCases(db.knex, {
      ...p,
      measure: q.measure,
      groupBy: q.groupBy,
      group: q.group,
      mode: q.mode,
      limit: q.limit,
      offset: q.offset,
    });
    res.json({ ...r, from: p.from, to: p.to, asOf: p.asOf, measure: q.measure, formulaVersion: FORMULA_VERSION });
  });

  router.get('/stats/report', async (req, res) => {
    requireRole(req, STATS_ROLES, '查看统计');
    const q = parse(ReportQuery, req.query);
    const p = period(q);
    const report = await periodicReport(db.knex, p, {
      ...(await options()),
      commission: config.commissionName,
      generatedAt: clock.now().toISOString(),
    });
    const name = `arbitration-report-${p.from}-${p.to}${p.asOf ? `-asof-${p.asOf}` : ''}`;
    const attach = (ext: string) => res.setHeader('Content-Disposition', `attachment; filename="${name}.${ext}"`);
    if (q.format === 'json') return void res.json(report);
    if (q.format === 'csv') {
      attach('csv');
      return void res.type('text/csv; charset=utf-8').send(reportCsv(report));
    }
    if (q.format === 'xlsx') {
      attach('xlsx');
      return void res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await reportXlsx(report));
    }
    let pdf: Buffer;
    try {
      pdf = await reportPdf(report, clock.today());
    } catch (e) {
      // A label (an arbitrator's name) with a character the font lacks: say which, as documents do.
      if (e instanceof MissingGlyphError) throw unprocessable(e.message, { rule: 'missing-glyph', characters: e.chars });
      throw e;
    }
    attach('pdf');
    res.type('application/pdf').send(pdf);
  });

  return router;
}

function drillLinks(p: PeriodQuery, groupBy?: GroupBy): Record<string, string> {
  const base = `/api/stats/closure/cases?from=${p.from}&to=${p.to}${p.asOf ? `&asOf=${p.asOf}` : ''}`;
  const out: Record<string, string> = {};
  for (const m of ['carriedOver', 'accepted', 'closed', 'pending', 'overdue'] as const) out[m] = `${base}&measure=${m}`;
  if (groupBy) out.groups = `${base}&groupBy=${groupBy}&group={key}&measure={measure}`;
  return out;
}
