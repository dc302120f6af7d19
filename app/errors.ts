import type { ZodError } from 'zod';
import { classifyDatabaseError, type DatabaseFault } from '../db/knex.ts';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * A typed error with a stable status and problem type. Use cases throw these; the HTTP layer renders them as
 * RFC 9457 problem+json (server/http/errors.ts), a CLI prints their detail.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new AppError(400, 'validation-error', '请求内容无效', detail, errors ? { errors } : {});
export const unauthorized = (detail = '需要登录：缺少或无效的访问令牌') => new AppError(401, 'unauthorized', '未登录', detail);
export const forbidden = (detail: string) => new AppError(403, 'forbidden', '无权操作', detail);
export const notFound = (detail: string, extra: Record<string, unknown> = {}) => new AppError(404, 'not-found', '未找到', detail, extra);
/**
 * A 404 for a path parameter that names no record (docs/api-contract.md, Conventions): it names the parameter in
 * `field` and in `detail`, never the value sent (a path may hold what someone typed by mistake: an identity number).
 */
export const unknownPathParam = (param: string, what: string) =>
  notFound(`没有这个${what}：路径参数 ${param}（${what}编号）不存在`, { field: param });
export const conflict = (detail: string, extra: Record<string, unknown> = {}) =>
  new AppError(409, 'conflict', '当前状态不允许此操作', detail, extra);
/** The latest act on a case, as a 412 names it: what the person's screen did not show. */
export interface LatestAct {
  type: string;
  label: string;
  actorName: string | null;
  recordedAt: string;
}
export const preconditionFailed = (current: number, latest?: LatestAct) => {
  const by = latest ? `${latest.actorName ?? '系统'}于 ${chinaMinute(latest.recordedAt)} 办理了“${latest.label}”，` : '';
  return new AppError(412, 'stale-version', '数据已被他人修改', `If-Match 版本已过期：${by}当前版本为 ${current}，请刷新后重试`, {
    currentVersion: current,
    ...(latest ? { latest } : {}),
  });
};
/** An instant as a person in China reads it: 2026-12-03 10:03. */
const chinaMinute = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
export const unprocessable = (detail: string, extra: Record<string, unknown> = {}) =>
  new AppError(422, 'rule-violation', '不符合法定规则', detail, extra);
/**
 * A legal rule's refusal (a workflows/rules.ts violation): 422 with its rule, its source after the detail, and the
 * field it is about. `detail` replaces the rule's own wording (the parties named instead of numbered).
 */
export const ruleRefusal = (v: { rule: string; source: string; detail: string; field?: string }, detail = v.detail) =>
  unprocessable(`${detail}（${v.source}）`, { rule: v.rule, source: v.source, ...(v.field ? { field: v.field } : {}) });
/** A result over a configured size limit (an export's rows, a court package's bytes): `rule` names the limit. */
export const tooLarge = (detail: string, extra: { rule: string } & Record<string, unknown>) =>
  new AppError(413, 'too-large', '超出上限', detail, extra);
export const serviceUnavailable = (detail: string, retryAfterSeconds = 5) =>
  new AppError(503, 'unavailable', '服务暂时不可用', detail, { retryAfterSeconds });

const FAULTS: Record<DatabaseFault, { detail: string; retryAfterSeconds: number }> = {
  unavailable: { detail: '数据库暂时无法连接，请稍后重试', retryAfterSeconds: 5 },
  busy: { detail: '数据库繁忙，请稍后重试', retryAfterSeconds: 2 },
  timeout: { detail: '数据库响应超时，请稍后重试', retryAfterSeconds: 5 },
  full: { detail: '数据库存储空间不足，暂时无法保存；请联系管理员', retryAfterSeconds: 60 },
  read_only: { detail: '数据库当前为只读状态（维护、备库切换或权限设置），暂时无法保存；请联系管理员', retryAfterSeconds: 30 },
};

/**
 * A database that is unavailable, busy, too slow or out of space is a 503 with Retry-After (api.md), never a 500:
 * the one place where driver errors become service errors (db/knex.ts classifies them). Null for any other error.
 */
export function databaseFaultError(err: unknown): AppError | null {
  const fault = classifyDatabaseError(err);
  if (!fault) return null;
  const f = FAULTS[fault];
  return new AppError(503, 'unavailable', '服务暂时不可用', f.detail, { retryAfterSeconds: f.retryAfterSeconds, fault });
}

export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new AppError(429, 'rate-limited', '请求过于频繁', detail, { retryAfterSeconds });

/** Converts zod issues to field errors, one per bad field (unknown keys named individually). */
export function zodFieldErrors(error: ZodError, prefix: (string | number)[] = []): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const base = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...base, key].join('.'), message: `不允许的字段“${key}”` });
    } else {
      out.push({ path: base.join('.'), message: issue.message });
    }
  }
  return out;
}

/**
 * A field path (at most 200 characters) or message (2,000: the longest, an unknown event type's, lists every type) as
 * a 400 repeats it: a key sent may be as long as the body.
 */
const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
const shortened = (e: FieldError): FieldError =>
  e.path.length <= 200 && e.message.length <= 2000 ? e : { path: cut(e.path, 200), message: cut(e.message, 2000) };

/** How many field errors a 400's `detail` names; it counts the rest ("另有N个字段无效"). `errors` names every one. */
export const MAX_LISTED_ERRORS = 20;
/**
 * A safety bound on `errors` (api.md: a 400 names every bad field): more than any real form has — a body is refused
 * before validation when an object holds over 1,000 keys or the whole over 20,000 values (server/http/body-size.ts).
 */
export const MAX_ERRORS = 1_000;

/**
 * 400 naming the bad fields: every one in `errors` (up to MAX_ERRORS), the first MAX_LISTED_ERRORS in the detail with the
 * rest counted — a body of thousands of unknown keys answers kilobytes, not megabytes (an outside security tester's
 * finding, stop 43).
 */
export const validationError = (errors: FieldError[]) => {
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  const more = errors.length - listed.length;
  const names = listed.map((e) => cut(e.path || '(body)', 200)).join(', ');
  return badRequest(
    `${errors.length} 个字段无效：${names}${more ? `；另有${more}个字段无效` : ''}`,
    errors.slice(0, MAX_ERRORS).map(shortened),
  );
};
