import { Router } from 'express';
import { z } from 'zod';
import { auditLog, awardClockBoard, exportCases, hearingCalendar, workload } from '../../app/cases/work-views.ts';
import type { Deps } from '../../app/deps.ts';
import { CaseListQuery, CaseState, Day, Instant, IsoDate, listOf, Pagination, QueryId, queryInt } from '../../app/schemas.ts';
import { AUDIT_ENTITIES, AUDIT_ENTITY_CODES } from '../../db/stores/reference.ts';
import { route } from './route.ts';

const Hearing = z
  .strictObject({
    caseId: z.number().int(),
    session: z.number().int().min(1).openapi({ description: '本案第几次开庭（续行开庭为2、3…）' }),
    caseNo: z.string().nullable(),
    state: CaseState,
    hearingOn: Day,
    time: z.string().nullable(),
    place: z.string(),
    public: z.boolean(),
    status: z.enum(['scheduled', 'held']),
    scheduledOn: Day,
    arbitrators: z.array(z.strictObject({ id: z.number().int(), displayName: z.string(), presiding: z.boolean() })),
    applicantNames: z.array(z.string()),
    respondentNames: z.array(z.string()),
    jointWith: z
      .array(z.strictObject({ caseId: z.number().int(), caseNo: z.string().nullable() }))
      .openapi({ description: '合并开庭：同日同一法庭、相距不足一个开庭时段（HEARING_SLOT_MINUTES）的其他案件的开庭' }),
    beforeAnswerPeriodEnds: z.boolean().openapi({
      description:
        '尚未开庭的，开庭日期在被申请人答辩期可能届满之前，且该被申请人未提交答辩书、未记录其同意提前开庭（劳动争议调解仲裁法第三十条）；随送达、答辩等操作按其日期判断，每日巡检、节假日安排更新后按当日重新判断',
    }),
  })
  .openapi('Hearing');
const AwardClock = z
  .strictObject({
    caseId: z.number().int(),
    caseNo: z.string().nullable(),
    state: CaseState,
    stateLabel: z.string(),
    dueOn: Day.nullable(),
    daysLeft: z.number().int().nullable(),
    status: z.string(),
    provisional: z.boolean(),
    explanation: z.string(),
    arbitrators: z.array(z.strictObject({ id: z.number().int(), displayName: z.string() })),
    applicantNames: z.array(z.string()),
    extended: z.boolean().openapi({ description: '审理期限已经批准延长（延长只能批准一次，《劳动争议调解仲裁法》第四十三条）' }),
  })
  .openapi('AwardClock');
const Workload = z
  .strictObject({ id: z.number().int(), displayName: z.string(), openCases: z.number().int(), hearingsThisWeek: z.number().int() })
  .openapi('Workload');

// An audit row keeps what was there and what is now as recorded (a user's fields, a whole reference table, a year's
// holiday arrangement): open maps, said so in the document.
const Recorded = z.record(z.string(), z.any()).openapi({ additionalProperties: true });
const AuditValue = z.union([Recorded, z.array(Recorded), z.null()]);
const AuditEntityCode = z.enum(AUDIT_ENTITY_CODES).openapi({
  description: `变更记录的对象：${Object.entries(AUDIT_ENTITIES)
    .map(([k, v]) => `${k} ${v}`)
    .join('；')}`,
});

/** Work views of the web interface (issue 16): the hearing calendar, the chair's board, workload, the list export. */
export function createWorkRouter(deps: Deps): Router {
  const router = Router();

  route(router, {
    method: 'get',
    path: '/api/hearings',
    operationId: 'hearingCalendar',
    summary: '开庭日历：某段日期（最多31天）内的每一次开庭（含续行开庭；延期的按新日期，已开庭的按开庭之日），可按仲裁员、法庭筛选',
    tags: ['work'],
    query: Pagination.extend({
      from: IsoDate,
      to: IsoDate,
      arbitratorId: QueryId.optional(),
      place: z.string().trim().min(1).max(100).optional(),
    }).strict(),
    responses: { 200: { description: '开庭', schema: listOf(Hearing, 'HearingPage') } },
    handler: async ({ actor, query }) => ({ body: await hearingCalendar(deps, actor, query) }),
  });

  route(router, {
    method: 'get',
    path: '/api/board/award-clock',
    operationId: 'awardClockBoard',
    summary: '审限督办：未结仲裁案件按审理期限剩余天数排列（逾期在前；仲裁委领导、管理员）',
    tags: ['work'],
    query: Pagination.extend({ within: queryInt('within', 0, 366, 'within 为 0–366').optional() }).strict(),
    responses: {
      200: {
        description: '案件',
        schema: listOf(AwardClock, 'AwardClockBoard', { overdue: z.number().int().openapi({ description: '已逾期的案件数' }) }),
      },
    },
    problems: [403],
    handler: async ({ actor, query }) => ({ body: await awardClockBoard(deps, actor, query) }),
  });

  route(router, {
    method: 'get',
    path: '/api/workload',
    operationId: 'workload',
    summary:
      '办案量（组庭、替换仲裁员、指派调解员时参考）：仲裁员在办案件数与本周开庭次数；调解员在办调解数（指派的未结仲裁案件及进行中的案前调解）与所指派案件本周开庭次数',
    tags: ['work'],
    // A list like the others (api.md): page and pageSize (1–200, default 50), paged here over the whole load.
    query: Pagination.extend({ role: z.enum(['arbitrator', 'mediator']).default('arbitrator') }).strict(),
    responses: {
      200: {
        description: '办案量',
        schema: listOf(Workload, 'WorkloadList', {
          week: z.strictObject({ from: Day, to: Day }).openapi({ description: '本周（周一至周日）' }),
        }),
      },
    },
    problems: [403],
    handler: async ({ actor, query }) => {
      const all = await workload(deps, actor, query.role);
      const start = (query.page - 1) * query.pageSize;
      const items = all.items.slice(start, start + query.pageSize);
      return { body: { ...all, items, total: all.items.length, page: query.page, pageSize: query.pageSize } };
    },
  });

  route(router, {
    method: 'get',
    path: '/api/exports/cases',
    operationId: 'exportCases',
    summary: '导出案件列表（xlsx，与列表相同的筛选与排序；不含身份证号码与联系方式）',
    description:
      '每人每分钟至多 EXPORTS_PER_MINUTE 次（与统计报表合计，超出 429）；所选案件超过 EXPORT_MAX_ROWS（默认 5000）件时 413（rule: export-max-rows），请先筛选。以公式开头的文字（= + - @ 制表符 回车）前加撇号。',
    tags: ['work'],
    query: CaseListQuery.omit({ page: true, pageSize: true }).extend({ state: CaseState.optional() }),
    responses: {
      200: {
        description: 'xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        schema: z.string().openapi({ format: 'binary' }),
      },
    },
    problems: [413, 429],
    handler: async ({ res, actor, query: q }) => {
      const bool = (v?: 'true' | 'false') => (v === undefined ? undefined : v === 'true');
      const bytes = await exportCases(deps, actor, {
        ...q,
        collective: bool(q.collective),
        wageArrears: bool(q.wageArrears),
        major: bool(q.major),
        overdue: q.overdue === 'true' ? true : undefined,
      });
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="cases.xlsx"; filename*=UTF-8''${encodeURIComponent('案件列表.xlsx')}`);
      res.send(bytes);
      return undefined;
    },
  });

  route(router, {
    method: 'get',
    path: '/api/audit-log',
    operationId: 'auditLog',
    summary: '变更记录：用户、最低工资标准、职工月平均工资、节假日安排的每次修改（管理员、仲裁委领导）',
    tags: ['admin'],
    query: Pagination.extend({ entity: AuditEntityCode.optional() }).strict(),
    responses: {
      200: {
        description: '记录（新在前）',
        schema: listOf(
          z
            .strictObject({
              id: z.number().int(),
              entity: AuditEntityCode,
              key: z.string(),
              action: z.string(),
              at: Instant,
              actor: z.strictObject({ id: z.number().int(), username: z.string(), displayName: z.string(), role: z.string() }).nullable(),
              before: AuditValue.openapi({ description: '修改前（按记录时的样子保存：用户字段、整张参考表或节假日安排）' }),
              after: AuditValue.openapi({ description: '修改后（同 before）' }),
            })
            .openapi('AuditEntry'),
          'AuditEntryPage',
        ),
      },
    },
    problems: [403],
    handler: async ({ actor, query }) => ({ body: await auditLog(deps, actor, query) }),
  });

  return router;
}
