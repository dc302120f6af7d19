import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { AppError, type FieldError, validationError } from '../../app/errors.ts';
import { AREA_ROLES, assertRole } from '../../app/policy.ts';
import { Day, DueDeadline, Instant, IsoDate, listOf, Pagination, queryInt } from '../../app/schemas.ts';
import { awardClockAlerts } from '../../app/time/alerts.ts';
import {
  calendarDay,
  calendarYearErrors,
  calendarYearPathErrors,
  calendarYears,
  deadlineCalculator,
  dueDeadlines,
  loadCalendarYear,
} from '../../app/time/calendar.ts';
import { awaitRecomputations, currentRecomputation, readRecomputation } from '../../app/time/recompute.ts';
import { parse } from './parse.ts';
import { IdempotencyHeader, IdParams, route } from './route.ts';
import { runWriteStaged } from './write.ts';

const DeadlineQuery = z
  .object({
    from: IsoDate,
    days: queryInt('days', 0, 3650, 'days 为 0–3650'),
    unit: z.enum(['working', 'calendar']),
    provisional: z.enum(['true', 'false']).optional().openapi({
      description: 'true：需要未录入官方安排的年份时，按该年周末和法律规定日期的节日（元旦、春节、劳动节、国庆节）计算暂定日期（否则 422）',
    }),
  })
  .strict();
const CalendarYearBody = z
  .object({
    notice: z.string().trim().min(1).max(300).openapi({ description: '国务院办公厅通知名称及文号或网址' }),
    offDays: z.array(IsoDate).max(60).openapi({ description: '放假日期（含调休连休中的周末）' }),
    workDays: z.array(IsoDate).max(20).openapi({ description: '调休上班日期' }),
    // Keyed by day (a holiday's name on each of its days): a key that is no date names nothing.
    names: z.record(IsoDate, z.string().max(40)).optional().openapi({ description: '各放假日的节日名称，键为日期 YYYY-MM-DD' }),
  })
  .strict()
  .openapi('CalendarYear');
const DueQuery = Pagination.extend({
  within: queryInt('within', 0, 366, 'within 为 0–366').default(7).openapi({ default: 7, description: '今天起多少日内到期（含已逾期）' }),
  assignee: z.enum(['me', 'all']).default('all').openapi({ description: 'me：由本人（本人所在仲裁庭、本人角色）办理的期限' }),
  kind: z.string().trim().min(1).max(40).optional().openapi({ description: '只看一种期限（如 award 审理期限）', example: 'award' }),
}).strict();
const Recomputation = z
  .strictObject({
    id: z.number().int(),
    year: z.number().int(),
    status: z
      .enum(['pending', 'running', 'done'])
      .openapi({ description: 'pending：等待开始；running：进行中（或中断后等待继续）；done：完成' }),
    requestedAt: Instant,
    startedAt: Instant.nullable(),
    finishedAt: Instant.nullable(),
    casesTotal: z.number().int().nullable().openapi({ description: '需要重新计算的案件数（开始后）' }),
    casesDone: z.number().int(),
    deadlinesChanged: z.number().int().openapi({ description: '期限有变化的案件数' }),
  })
  .openapi('CalendarRecomputation');
const AwardClockAlert = z
  .strictObject({
    caseId: z.number().int(),
    caseNo: z.string().nullable(),
    applicantNames: z.array(z.string()),
    threshold: z.enum(['T-10', 'T-5', 'T-1', 'overdue']).openapi({ description: '记录的提醒：届满前10日、5日、1日，或已逾期' }),
    dueOn: Day,
    provisional: z.boolean().openapi({
      description: '届满日是否为预计：其所依的年份尚无国务院办公厅节假日安排通知（载入该年日历后重算）',
    }),
    status: z.enum(['open', 'overdue']),
    daysLeft: z.number().int().openapi({ description: '距届满的天数（今天起算；负数为已逾期天数）' }),
    recordedAt: Instant.openapi({ description: '记录此提醒的时间：每日巡检，或使期限到达提醒的那次写入' }),
  })
  .openapi('AwardClockAlert');
const SkippedDay = z.strictObject({ date: Day, reason: z.enum(['weekend', 'holiday']), name: z.string().optional() });

export function createTimeRouter(deps: Deps): Router {
  const router = Router();

  route(router, {
    method: 'get',
    path: '/api/calendar/deadline',
    operationId: 'deadlineCalculator',
    summary: '期限计算器（按国家法定节假日与调休）',
    tags: ['time'],
    query: DeadlineQuery,
    responses: {
      200: {
        description: '到期日与跳过的日期',
        schema: z
          .strictObject({
            from: Day,
            days: z.number().int(),
            unit: z.enum(['working', 'calendar']),
            dueOn: Day,
            skipped: z.array(SkippedDay),
            explanation: z.string(),
            provisional: z
              .boolean()
              .openapi({ description: 'true：按暂定日历（缺少官方安排的年份只计周末和法律规定日期的元旦、春节、劳动节、国庆节）计算' }),
            missingYears: z.array(z.number().int()).openapi({ description: '暂按周末和法律规定日期的节日计算的年份' }),
          })
          .openapi('DeadlineCalculation'),
      },
    },
    problems: [422],
    handler: async ({ query }) => ({ body: await deadlineCalculator(deps, { ...query, provisional: query.provisional === 'true' }) }),
  });

  route(router, {
    method: 'get',
    path: '/api/calendar/day',
    operationId: 'calendarDay',
    summary: '某日在国家法定节假日安排中是工作日、周末、法定节假日还是调休上班日',
    tags: ['time'],
    query: z.object({ date: IsoDate.openapi({ example: '2026-10-01' }) }).strict(),
    responses: {
      200: {
        description: '该日的安排',
        schema: z
          .strictObject({
            date: Day,
            rest: z.boolean().openapi({ description: 'true：休息日（周末或法定节假日）' }),
            kind: z
              .enum(['workday', 'weekend', 'holiday', 'makeup_workday'])
              .openapi({ description: 'workday 工作日；weekend 周末；holiday 法定节假日；makeup_workday 调休上班日' }),
            name: z.string().optional().openapi({ description: '节日名称（已录入时）' }),
            provisional: z
              .boolean()
              .openapi({ description: 'true：该年尚未录入官方安排，暂按周末和法律规定日期的节日（元旦、春节、劳动节、国庆节）判断' }),
          })
          .openapi('CalendarDay'),
      },
    },
    handler: async ({ query }) => ({ body: await calendarDay(deps, query.date) }),
  });

  route(router, {
    method: 'get',
    path: '/api/calendar/years',
    operationId: 'calendarYears',
    summary: '已有官方节假日数据的年份',
    tags: ['time'],
    responses: { 200: { description: '年份及通知', schema: z.array(z.strictObject({ year: z.number().int(), notice: z.string() })) } },
    handler: async () => ({ body: await calendarYears(deps) }),
  });

  route(router, {
    method: 'put',
    path: '/api/calendar/years/{year}',
    operationId: 'loadCalendarYear',
    summary: '录入某年的国家法定节假日安排（管理员）',
    tags: ['time'],
    // Checked with the body (app/time/calendar.ts `calendarYearErrors`), so that one 400 names every bad field.
    params: z.object({
      year: z.string().openapi({ example: '2027', description: '公历年份，四位数字，2000–2100；否则 400（errors 中指明 year）' }),
    }),
    headers: IdempotencyHeader,
    body: CalendarYearBody,
    // One pass over the whole request, so that every bad field — the body's and the year's — is named in one answer.
    parseBody: (raw, req) => {
      const year = String(req.params.year);
      try {
        return parse(
          CalendarYearBody.superRefine((b, ctx) => {
            for (const e of calendarYearErrors(year, b)) ctx.addIssue({ code: 'custom', path: e.path.split('.'), message: e.message });
          }),
          raw,
        );
      } catch (err) {
        // sec54 L2: a body failing its own schema is never refined — the year is named beside its fields all the same.
        const fields = err instanceof AppError ? (err.extra.errors as FieldError[] | undefined) : undefined;
        const bad = calendarYearPathErrors(year);
        if (fields && bad.length && !fields.some((e) => e.path === 'year')) throw validationError([...bad, ...fields]);
        throw err;
      }
    },
    description:
      '该年安排立即生效（此后对案件的每个操作都按它计算）；未结案件的期限随即重新计算：应答最多等待 CALENDAR_RECOMPUTE_WAIT_MS（默认 10 秒）让其完成，未完成的在后台继续（202；应答体中的 recomputation 为等待之后的状态：done 已完成，running/pending 仍在后台进行；以同一 Idempotency-Key 重试时返回首次应答所存的状态，当前进度以 Location 为准），进度见 Location（GET /api/calendar/recomputations/{id}）。重新计算可重复执行、中断后从上次完成的案件继续。',
    responses: {
      202: {
        description: '已录入；未结案件的期限正在后台重新计算',
        schema: z
          .strictObject({
            year: z.number().int(),
            notice: z.string(),
            offDays: z.number().int(),
            workDays: z.number().int(),
            recomputation: Recomputation,
          })
          .openapi('CalendarYearLoaded'),
        headers: z.object({ Location: z.string().openapi({ description: '重新计算进度的地址' }) }),
      },
    },
    problems: [403],
    handler: async ({ req, res, actor, params, body }) => {
      let loaded: Awaited<ReturnType<typeof loadCalendarYear>> | undefined;
      await runWriteStaged(
        deps,
        req,
        res,
        async (transact) => {
          loaded = await loadCalendarYear(deps, actor, params.year, body, transact);
          return loaded;
        },
        (r) => ({ status: 202, body: r, headers: { Location: `/api/calendar/recomputations/${r.recomputation.id}` } }),
        // The answer waits (at most CALENDAR_RECOMPUTE_WAIT_MS) for the recomputation this load started, then says where
        // it stands after the wait (done, or still running) — not the `pending` it was at the commit.
        async () => {
          await awaitRecomputations(deps.db, deps.config.calendarRecomputeWaitMs);
          if (!loaded) return;
          const now = await currentRecomputation(deps, loaded.recomputation.id);
          if (now) loaded.recomputation = now;
        },
      );
    },
  });

  route(router, {
    method: 'get',
    path: '/api/calendar/recomputations/{id}',
    operationId: 'calendarRecomputation',
    summary: '录入节假日安排后期限重新计算的进度（管理员）',
    tags: ['time'],
    params: IdParams,
    responses: { 200: { description: '进度', schema: Recomputation } },
    problems: [403],
    authorize: (actor) => assertRole(actor, AREA_ROLES.calendar, '查看期限重新计算进度'),
    handler: async ({ actor, params }) => ({ body: await readRecomputation(deps, actor, params.id) }),
  });

  route(router, {
    method: 'get',
    path: '/api/deadlines',
    operationId: 'dueDeadlines',
    summary: '即将到期和已逾期的期限（逾期在前）',
    tags: ['time'],
    query: DueQuery,
    responses: {
      200: {
        description: '期限',
        schema: listOf(DueDeadline, 'DueDeadlinePage', {
          overdue: z.number().int().openapi({ description: '其中已逾期的期限数（全部页）' }),
        }),
      },
    },
    handler: async ({ actor, query }) => ({ body: await dueDeadlines(deps, actor, query) }),
  });

  route(router, {
    method: 'get',
    path: '/api/alerts',
    operationId: 'awardClockAlerts',
    summary: '审限提醒：每日巡检记录的仲裁审理期限提醒（届满前10、5、1日及逾期），每案最近一条且仍有效者；仲裁员只见本人仲裁庭的案件',
    tags: ['time'],
    query: Pagination.strict(),
    responses: {
      200: {
        description: '提醒',
        schema: listOf(AwardClockAlert, 'AwardClockAlertPage', {
          overdue: z.number().int().openapi({ description: '其中已逾期的案件数（全部页）' }),
        }),
      },
    },
    problems: [403],
    handler: async ({ actor, query }) => ({ body: await awardClockAlerts(deps, actor, query) }),
  });

  return router;
}
