import { Router } from 'express';
import { z } from 'zod';
import { assertMayReplayCaseView } from '../../app/cases/queries.ts';
import type { Deps } from '../../app/deps.ts';
import { type FieldError, validationError, zodFieldErrors } from '../../app/errors.ts';
import { AwardPreview, EVENT_PAYLOADS, EventEnvelope, ProcedureEvent } from '../../app/event-schemas.ts';
import { assertMayCorrectDate, assertRoleMayPreviewAward, assertRoleMaySendEvent } from '../../app/policy.ts';
import { type EventInput, previewEvent, submitEvent } from '../../app/procedure/apply-event.ts';
import { awardPreview } from '../../app/procedure/award-preview.ts';
import { submitDateCorrection } from '../../app/procedure/correct-date.ts';
import { nextEvents } from '../../app/procedure/next-events.ts';
import { AwardPreviewResult, Case, Day, Deadline, IsoDate, RecordId } from '../../app/schemas.ts';
import { EVENT_TYPES, type EventType } from '../../workflows/procedure-types.ts';
import { ROLE_CODES } from '../../workflows/reference.ts';
import { assertShallow, controlCharErrors, ifMatch, mergedFieldErrors, onePerField, withoutInvisibleText } from './parse.ts';
import { ETagHeader, IdParams, route, WriteHeaders } from './route.ts';
import { runWriteStaged } from './write.ts';

const NextEvent = z
  .strictObject({
    type: z.enum(EVENT_TYPES),
    label: z.string(),
    roles: z.array(z.enum(ROLE_CODES)),
    suits: z
      .array(z.strictObject({ partyId: RecordId, court: z.string(), filedOn: Day }))
      .optional()
      .openapi({
        description:
          'RECORD_COURT_OUTCOME：尚待登记结果的起诉；多于一件时登记须以 partyId 写明裁判针对哪一件（legal49c H2；劳动争议调解仲裁法第四十八条、第五十条）',
      }),
    refusalOnly: z.literal(true).optional().openapi({
      description:
        'SIGN_MEDIATION_DOCUMENT：仲裁调解书尚未出具，只能记录当事人拒绝签收（反悔）；签收须待调解书出具（med51 H1；劳动争议调解仲裁法第四十二条、办案规则第七十七条）',
    }),
    note: z.string().optional().openapi({ description: '此事项目前受到的限制及其原因' }),
    blocked: z
      .strictObject({
        rule: z.string(),
        source: z.string(),
        reason: z.string(),
        precondition: z.literal(true).optional().openapi({
          description:
            '案件本身现在不具备办理条件（如尚未开庭的部分裁决、本期已延长过一次的延长审理期限）：他人的行为也不能使其成为可办理，界面只向办理该事项的人员说明；不带此项的，是未到庭当事人无开庭通知送达记录等可由他人办理后解除的阻止',
        }),
      })
      .optional()
      .openapi({
        description:
          '仅在 blocked=true 时出现：案件状态允许、但无论如何填写都会被法定规则拒绝（422）的事项，不能办理；rule、source 与拒绝时相同，reason 说明原因及如何处理（例如未到庭当事人无开庭通知送达记录：劳动争议调解仲裁法第三十六条、办案规则第三十九条）。这些事项列在可办理的事项之后（fixU57 #3）',
      }),
  })
  .openapi('NextEvent');

/** Payload dates of acts that have already happened (a hearing date may be in the future; these may not). */
const PAST_DATE_FIELDS = ['servedOn', 'signedOn', 'filedOn', 'decidedOn', 'requestedOn', 'approvedOn'];

/**
 * Each event's payload schema with unknown keys refused, made once: zod compiles an object schema's parser on its first
 * use, so a schema made per request (`.strict()`) is compiled again for every event (issue 15).
 */
const STRICT_PAYLOADS = Object.fromEntries(
  EVENT_TYPES.map((t) => {
    const schema = EVENT_PAYLOADS[t];
    return [t, schema instanceof z.ZodObject ? schema.strict() : schema];
  }),
) as Record<EventType, z.ZodType>;

/**
 * The payload field that holds the day an act itself happened, when the body carries one: a service on its servedOn, a
 * signature on its signedOn, a defense on the day it was received (ui49 M4), a suit, a set-aside or an enforcement
 * application on the day it was filed in court, a
 * court's ruling on the day it was made. Not a counterclaim's filedOn: its occurredOn is the commission's merger of it,
 * from which the award limit restarts (Rules Art. 46(4)).
 */
function actDayField(type: EventType, payload: Record<string, unknown>): string | undefined {
  const field =
    type === 'SERVE'
      ? 'servedOn'
      : type === 'SIGN_MEDIATION_DOCUMENT'
        ? 'signedOn'
        : type === 'RECORD_LAWSUIT' || type === 'APPLY_ENFORCEMENT' || type === 'FILE_DEFENSE'
          ? 'filedOn'
          : type === 'RECORD_SET_ASIDE'
            ? payload.result === undefined
              ? 'filedOn'
              : 'decidedOn'
            : type === 'RECORD_COURT_OUTCOME' || type === 'RECORD_ENFORCEMENT_OUTCOME'
              ? 'decidedOn'
              : // The chair's extension (LDMAL Art. 43(1)), a suspension and a resumption (Rules Art. 47) approved in time
                // and entered late (legal50b H1).
                type === 'EXTEND_TIME_LIMIT'
                ? 'approvedOn'
                : type === 'SUSPEND' || type === 'RESUME'
                  ? 'decidedOn'
                  : undefined;
  return field && typeof payload[field] === 'string' ? field : undefined;
}

/** Parses `{type, occurredOn?, ...payload}` against the event's own strict schema; 400 naming every bad field. */
export function parseEventBody(body: unknown, today: string): EventInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw validationError([{ path: '', message: '请求体应为 JSON 对象' }]);
  assertShallow(body);
  const { type, occurredOn, ...rest } = body as Record<string, unknown>;
  const env = EventEnvelope.safeParse({ type, occurredOn });
  const errors: FieldError[] = env.success ? [] : zodFieldErrors(onePerField(env.error));
  if (!env.success && errors.some((e) => e.path === 'type')) {
    throw validationError(
      errors.map((e) => (e.path === 'type' ? { ...e, message: `未知的事件类型；可用：${EVENT_TYPES.join(', ')}` } : e)),
    );
  }
  const t = type as EventType;
  // The payload's text without invisible characters (parse.ts `withoutInvisibleText`), as every request's.
  const payload = STRICT_PAYLOADS[t].safeParse(withoutInvisibleText(rest));
  errors.push(...mergedFieldErrors(controlCharErrors(rest), payload.success ? [] : zodFieldErrors(onePerField(payload.error))));
  // api.md: occurredOn is the day the act happened (default today). An act whose body carries its own day — a service's
  // servedOn, a signature's signedOn, a court filing's filedOn, a court's decidedOn (ACT_DAY) — sent without occurredOn
  // happened on that day: a paper entered weeks later does not date every later act after its entry (ui48 H1, legal49b M1).
  const fromField = payload.success && occurredOn === undefined ? actDayField(t, payload.data as Record<string, unknown>) : undefined;
  const actDay = fromField ? ((payload.data as Record<string, unknown>)[fromField] as string) : undefined;
  const on = (occurredOn as string | undefined) ?? actDay ?? today;
  // A day taken from the body is named there (below), not as occurredOn, which was not sent.
  if (env.success && on > today && occurredOn !== undefined)
    errors.push({ path: 'occurredOn', message: `发生日期不能晚于今天（${today}）` });
  // Dates of acts inside the payload are validated like occurredOn: never in the future.
  for (const key of PAST_DATE_FIELDS) {
    // The value as parsed (invisible characters gone), not as sent: "20\u200b25-01-01" is 2025-01-01.
    const d = payload.success ? (payload.data as Record<string, unknown>)[key] : undefined;
    if (typeof d === 'string' && d > today) errors.push({ path: key, message: `日期不能晚于今天（${today}）` });
  }
  if (errors.length) throw validationError(errors);
  return {
    type: t,
    occurredOn: on,
    payload: payload.data as Record<string, unknown>,
    ...(fromField && actDay !== undefined ? { occurredOnFrom: fromField } : {}),
  };
}

/** fixC56: the chair's correction of a procedural date (app/procedure/correct-date.ts). */
const DateCorrectionBody = z
  .strictObject({
    target: z
      .union([z.literal('receivedOn'), z.strictObject({ seq: RecordId })])
      .openapi({ description: '"receivedOn"（收件日期），或办理记录的序号 { seq }' }),
    field: z.enum(['receivedOn', 'occurredOn', 'decidedOn', 'approvedOn']).openapi({
      description: '所更正的日期：receivedOn（收件）；ACCEPT 的 occurredOn；SUSPEND / RESUME 的 decidedOn；EXTEND_TIME_LIMIT 的 approvedOn',
    }),
    value: IsoDate.openapi({ description: '更正后的日期' }),
    reason: z.string().trim().min(1, '不能为空').max(500, '不能超过500个字符').openapi({ description: '更正理由（主任决定）' }),
  })
  .openapi('DateCorrection');

export function createEventsRouter(deps: Deps): Router {
  const router = Router();

  route(router, {
    method: 'get',
    path: '/api/cases/{id}/next-events',
    operationId: 'nextEvents',
    summary: '当前可进行的程序事件（按调用者角色与案件范围筛选）',
    tags: ['procedure'],
    params: IdParams,
    query: z
      .object({
        all: z.enum(['true', 'false']).optional().openapi({ description: 'true：不按角色筛选' }),
        blocked: z.enum(['true', 'false']).optional().openapi({
          description:
            'true：另列出受法定规则阻止、暂不能办理的事项（带 blocked 及其原因），排在可办理的事项之后；包括案件本身不具备条件的事项，如本期审理期限已延长过一次的延长审理期限（extension-once，劳动争议调解仲裁法第四十三条第一款）',
        }),
      })
      .strict(),
    responses: { 200: { description: '事件', schema: z.array(NextEvent) } },
    problems: [403],
    handler: async ({ actor, params, query }) => ({
      body: await nextEvents(deps, actor, params.id, { all: query.all === 'true', blocked: query.blocked === 'true' }),
    }),
  });

  route(router, {
    method: 'post',
    path: '/api/cases/{id}/events',
    operationId: 'applyEvent',
    summary: '对案件施加一个程序事件',
    description:
      '检查顺序：401 → 400（未知事件或字段无效）→ 403（角色不能发送该事件：不论案件是否存在；案件范围：找到案件后判断）→ 404 → 412（If-Match 过期）→ 409（当前状态不允许，返回 allowed）→ 422（法定规则拒绝，返回 rule 与 source）。',
    tags: ['procedure'],
    params: IdParams,
    headers: WriteHeaders,
    body: ProcedureEvent,
    parseBody: (raw) => parseEventBody(raw, deps.clock.today()),
    responses: {
      200: {
        description: '更新后的案件（REFER_TO_ARBITRATION 另含 linkedCaseId；warnings：记录时的提示）',
        schema: Case,
        headers: ETagHeader,
      },
    },
    problems: [403, 409, 412, 422],
    authorize: (actor, body) => assertRoleMaySendEvent(actor, body.type),
    handler: async ({ req, res, actor, params, body }) => {
      const expectedVersion = ifMatch(req);
      await runWriteStaged(
        deps,
        req,
        res,
        (transact) => submitEvent(deps, transact, actor, params.id, body, { expectedVersion }),
        (r) => ({
          status: 200,
          body: {
            ...r.view,
            ...(r.linkedCaseId ? { linkedCaseId: r.linkedCaseId } : {}),
            ...(r.warnings.length ? { warnings: r.warnings } : {}),
          },
          headers: { ETag: `"${r.version}"` },
        }),
        undefined,
        (stored) => assertMayReplayCaseView(deps, actor, stored.body),
      );
    },
  });

  route(router, {
    method: 'post',
    path: '/api/cases/{id}/event-preview',
    operationId: 'previewEvent',
    summary: '程序事件预览（不写入）：按发送时同样的检查决定该事件，返回其后的状态与各项期限',
    description:
      '与 POST /api/cases/{id}/events 相同的请求体与检查（400/403/404/409/422 同样回答），但不写入任何内容：供确认框在记录前显示新的期限（如延长审理期限后的届满日）。增加当事人、变更请求、反申请、委托代理人（及解除委托）在一个随即回滚的事务中按同样方式决定，也不写入任何内容；转入仲裁预览到其拒绝为止（如调解期限未满，422 mediation-15-days），可以办理的仍答 422 preview-not-available。',
    tags: ['procedure'],
    params: IdParams,
    body: ProcedureEvent,
    parseBody: (raw) => parseEventBody(raw, deps.clock.today()),
    responses: {
      200: {
        description: '事件之后的状态与期限',
        schema: z
          .strictObject({
            state: z.string(),
            stateLabel: z.string(),
            deadlines: z.array(Deadline),
            warnings: z.array(z.string()).optional().openapi({ description: '记录时将给出的提示（如开庭日期在答辩期内）' }),
            record: z.string().optional().openapi({
              description:
                '记录后办理记录中该事项的文字（同 CaseEvent.record，如“经被申请人同意，答辩期缩短为5个工作日”）；由服务器写成的事项才有',
            }),
            answerPeriodPending: z.array(z.number().int()).optional().openapi({
              description:
                'SCHEDULE_HEARING、POSTPONE_HEARING：开庭日期在其答辩期内、既未答辩也未同意提前开庭的被申请人（当事人编号；劳动争议调解仲裁法第三十条）——可在 answerPeriodWaived 中记录其同意的，正是这些被申请人',
            }),
          })
          .openapi('EventPreview'),
      },
    },
    problems: [403, 409, 422],
    authorize: (actor, body) => assertRoleMaySendEvent(actor, body.type),
    handler: async ({ actor, params, body }) => ({ body: await previewEvent(deps, actor, params.id, body) }),
  });

  route(router, {
    method: 'post',
    path: '/api/cases/{id}/award-preview',
    operationId: 'awardPreview',
    summary:
      '裁决终局性预判（不写入）：逐项判断终局/非终局，供裁决表单即时显示；对所填各项的检查与作出裁决（ISSUE_AWARD）相同（400/422 同一字段），但不要求已处理每一项请求',
    description:
      '案件现状使裁决无论所填各项如何都会被拒绝的，预判即答与作出裁决相同的 422（rule、source、detail、field 相同；与 next-events 的 blocked 同出一处）：未到庭的被申请人未经书面通知开庭（default-award-notice-not-proven、absence-notice-late；劳动争议调解仲裁法第三十六条），管辖异议或回避申请尚未决定（jurisdiction-objection-pending、recusal-pending；办案规则第十条、第十二条），追加的当事人尚未送达（added-party-not-served），最后一次开庭后追加的被申请人未经开庭审理（party-joined-after-hearing；劳动争议调解仲裁法第三十条、第三十五条、第三十六条，办案规则第四十六条第（一）项）。只提醒、不拒绝的情形在 200 应答的 warnings 中（s60 L3）。',
    tags: ['procedure'],
    params: IdParams,
    body: AwardPreview,
    responses: { 200: { description: '逐项结果与整体终局性', schema: AwardPreviewResult } },
    problems: [403, 422],
    authorize: assertRoleMayPreviewAward,
    handler: async ({ actor, params, body }) => ({ body: await awardPreview(deps, actor, params.id, body) }),
  });

  route(router, {
    method: 'post',
    path: '/api/cases/{id}/date-corrections',
    operationId: 'correctDate',
    summary: '更正程序事项的日期（补正，仲裁委员会主任）：受理后录错的收件日期、受理日期、中止／恢复审理决定日期、延长审理期限批准日期',
    description:
      '受理后发现计入法定期限的日期录错的，经主任决定更正：改变案件记录的该日期，在同一写入中重新计算各项期限与统计，并追加一条“更正日期”（CORRECT_DATE）记录，写明所更正的记录、原日期、更正后日期与理由；被更正的记录本身保持原样（办理记录为哈希链）。可更正的：target 为 "receivedOn"（field: receivedOn）；或 target 为 { seq }，指向 ACCEPT（field: occurredOn）、SUSPEND / RESUME（field: decidedOn）、EXTEND_TIME_LIMIT（field: approvedOn）的记录。打乱记录顺序的更正答 422 并写明规则（rule）：晚于今天（date-correction-future）、早于上一事项或晚于下一事项（date-correction-before-previous / date-correction-after-next）、收件晚于受理（receipt-after-acceptance）、晚于该事项登记之日（date-correction-after-entry）、早于受理（date-correction-before-acceptance）、跨越审理期限重新计算（date-correction-across-restart）、延长在期限届满后批准（extension-after-limit）、受理跨年度（date-correction-case-year）、与原日期相同（date-correction-unchanged）、收件早于邮戳（receipt-before-postmark）、收件晚于第一项程序行为（receipt-after-procedural-act）、受理早于收件（acceptance-before-receipt）、收件早于已登记的时效日期（receipt-before-limitation-dates）、移送来的案件收件早于原仲裁委员会收件（receipt-before-first-commission）；不计入期限的记录或字段答 422（date-correction-target / date-correction-field）。检查顺序：401 → 400 → 403 → 404 → 412 → 409（尚未受理）→ 422。',
    tags: ['procedure'],
    params: IdParams,
    headers: WriteHeaders,
    body: DateCorrectionBody,
    responses: {
      200: { description: '更新后的案件（warnings：审理期限届满日的变化）', schema: Case, headers: ETagHeader },
    },
    problems: [403, 409, 412, 422],
    authorize: (actor) => assertMayCorrectDate(actor),
    handler: async ({ req, res, actor, params, body }) => {
      const expectedVersion = ifMatch(req);
      await runWriteStaged(
        deps,
        req,
        res,
        (transact) => submitDateCorrection(deps, transact, actor, params.id, body, { expectedVersion }),
        (r) => ({
          status: 200,
          body: { ...r.view, ...(r.warnings.length ? { warnings: r.warnings } : {}) },
          headers: { ETag: `"${r.version}"` },
        }),
        undefined,
        (stored) => assertMayReplayCaseView(deps, actor, stored.body),
      );
    },
  });

  return router;
}
