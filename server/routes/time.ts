import { Router } from 'express';
import { z } from 'zod';
import { type CalendarYear, MissingCalendarYearError } from '../../workflows/calendar.ts';
import { computePeriod } from '../../workflows/deadlines.ts';
import { stateLabel } from '../../workflows/labels.ts';
import { currentUser, requireRole } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { unprocessable } from '../errors.ts';
import { parse, runWrite } from '../http.ts';
import { sweepDeadlines } from '../scheduler.ts';
import { Deadline, IsoDate, registry } from '../schemas.ts';

const DeadlineQuery = z
  .object({
    from: IsoDate,
    days: z.coerce.number().int().min(0).max(3650),
    unit: z.enum(['working', 'calendar']),
  })
  .strict();
const CalendarYearBody = z
  .object({
    notice: z.string().trim().min(1).max(300).openapi({ description: '国务院办公厅通知名称及文号或网址' }),
    offDays: z.array(IsoDate).max(60).openapi({ description: '放假日期（含调休连休中的周末）' }),
    workDays: z.array(IsoDate).max(20).openapi({ description: '调休上班日期' }),
    names: z.record(z.string(), z.string().max(40)).optional(),
  })
  .strict()
  .openapi('CalendarYear');
const DueQuery = z
  .object({
    within: z.coerce.number().int().min(0).max(366).default(7),
    assignee: z.enum(['me', 'all']).default('all'),
  })
  .strict();

registry.registerPath({
  method: 'get',
  path: '/api/calendar/deadline',
  summary: '期限计算器（按国家法定节假日与调休）',
  tags: ['time'],
  request: { query: DeadlineQuery },
  responses: {
    200: {
      description: '到期日与跳过的日期',
      content: {
        'application/json': {
          schema: z.object({
            from: z.string(),
            days: z.number(),
            unit: z.string(),
            dueOn: z.string(),
            skipped: z.array(z.object({ date: z.string(), reason: z.enum(['weekend', 'holiday']), name: z.string().optional() })),
            explanation: z.string(),
          }),
        },
      },
    },
    422: { description: '超出已录入的节假日数据范围' },
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/calendar/years',
  summary: '已有官方节假日数据的年份',
  tags: ['time'],
  responses: {
    200: {
      description: '年份及通知',
      content: { 'application/json': { schema: z.array(z.object({ year: z.number(), notice: z.string() })) } },
    },
  },
});
registry.registerPath({
  method: 'put',
  path: '/api/calendar/years/{year}',
  summary: '录入某年的国家法定节假日安排（管理员）',
  tags: ['time'],
  request: { params: z.object({ year: z.string() }), body: { content: { 'application/json': { schema: CalendarYearBody } } } },
  responses: { 200: { description: '已录入；未结案件的期限已重新计算' } },
});
registry.registerPath({
  method: 'get',
  path: '/api/deadlines',
  summary: '即将到期和已逾期的期限（逾期在前）',
  tags: ['time'],
  request: { query: DueQuery },
  responses: {
    200: {
      description: '期限',
      content: {
        'application/json': {
          schema: z.array(
            Deadline.extend({
              caseId: z.number(),
              caseNo: z.string().nullable(),
              stateLabel: z.string(),
              applicantNames: z.array(z.string()),
            }),
          ),
        },
      },
    },
  },
});

export function createTimeRouter(deps: Deps): Router {
  const { db, stores, clock } = deps;
  const router = Router();

  router.get('/calendar/deadline', async (req, res) => {
    const q = parse(DeadlineQuery, req.query);
    const cal = await deps.calendar.get();
    try {
      if (q.unit === 'working') {
        const r = cal.addWorkingDays(q.from, q.days);
        const c = computePeriod(cal, { days: q.days, unit: 'working' }, q.from, '起算日');
        res.json({ from: q.from, days: q.days, unit: q.unit, dueOn: r.dueOn, skipped: r.skipped, explanation: c.explanation });
      } else {
        const r = cal.addCalendarDays(q.from, q.days);
        const c = computePeriod(cal, { days: q.days, unit: 'calendar' }, q.from, '起算日');
        res.json({ from: q.from, days: q.days, unit: q.unit, dueOn: r.dueOn, skipped: r.rolledOver, explanation: c.explanation });
      }
    } catch (e) {
      if (e instanceof MissingCalendarYearError) {
        throw unprocessable(`${e.message}；已有数据的年份：${cal.years()[0]}–${cal.years().at(-1)}`, {
          rule: 'calendar-data-missing',
          missingYear: e.year,
        });
      }
      throw e;
    }
  });

  router.get('/calendar/years', async (_req, res) => {
    const cal = await deps.calendar.get();
    res.json(cal.years().map((year) => ({ year, notice: cal.notice(year) })));
  });

  router.put('/calendar/years/:year', async (req, res) => {
    const raw = String(req.params.year);
    const year = Number(raw);
    // One schema for the whole request, so that every bad field is named in one answer.
    const schema = CalendarYearBody.superRefine((b, ctx) => {
      if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100)
        ctx.addIssue({ code: 'custom', path: ['year'], message: '年份应为2000–2100' });
      for (const field of ['offDays', 'workDays'] as const) {
        b[field].forEach((d, i) => {
          // December dates may belong to the next year's notice (domain.md §14.4).
          const y = Number(d.slice(0, 4));
          if (y !== year && !(y === year - 1 && d.slice(5, 7) === '12'))
            ctx.addIssue({ code: 'custom', path: [field, i], message: `日期不属于${year}年` });
        });
      }
      const both = b.offDays.filter((d) => b.workDays.includes(d));
      if (both.length) ctx.addIssue({ code: 'custom', path: ['workDays'], message: `同一天既是放假日又是调休上班日：${both.join('、')}` });
    });
    const body = parse(schema, req.body);
    const user = requireRole(req, ['admin'], '录入节假日安排');
    const y: CalendarYear = {
      year,
      notice: body.notice,
      offDays: [...new Set(body.offDays)].sort(),
      workDays: [...new Set(body.workDays)].sort(),
      names: body.names ?? {},
    };
    const now = clock.now().toISOString();
    await runWrite(
      db.knex,
      req,
      res,
      now,
      async (trx) => {
        await stores.calendar.put(trx, y, user.id, now);
        await stores.reference.audit(trx, {
          entity: 'calendar_years',
          key: String(year),
          action: 'put',
          actorId: user.id,
          actorRole: user.role,
          at: now,
          before: undefined,
          after: y,
        });
        return { status: 200, body: { year, notice: y.notice, offDays: y.offDays.length, workDays: y.workDays.length } };
      },
      // The new year takes effect after commit: rebuild the calendar and recompute the open cases' deadlines before
      // answering, so that "已录入；期限已重新计算" is true when the admin reads it (it raced the next read before).
      async () => {
        deps.calendar.invalidate();
        await sweepDeadlines(deps, clock.today());
      },
    );
  });

  router.get('/deadlines', async (req, res) => {
    const q = parse(DueQuery, req.query);
    const user = currentUser(req);
    const until = new Date(Date.parse(`${clock.today()}T00:00:00Z`) + q.within * 86_400_000).toISOString().slice(0, 10);
    const list = await stores.deadlines.due(db.knex, until, q.assignee === 'me' ? { role: user.role, userId: user.id } : undefined);
    const ids = [...new Set(list.map((d) => d.caseId))];
    const cases = ids.length ? await db.knex('cases').whereIn('id', ids).select('id', 'case_no', 'state', 'search_text') : [];
    const byId = new Map(cases.map((c) => [Number(c.id), c]));
    const parties = ids.length
      ? await db.knex('parties').whereIn('case_id', ids).where({ side: 'applicant' }).orderBy(['case_id', 'seq']).select('case_id', 'name')
      : [];
    res.json(
      list
        .filter((d) => d.assignee !== 'party')
        .map(({ metOn: _m, ...d }) => {
          const c = byId.get(d.caseId);
          return {
            ...d,
            caseNo: c?.case_no ?? null,
            stateLabel: stateLabel(c?.state ?? ''),
            applicantNames: parties.filter((p) => Number(p.case_id) === d.caseId).map((p) => p.name),
          };
        }),
    );
  });

  return router;
}
