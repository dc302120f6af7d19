import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ZodError } from 'zod';

export interface FieldError {
  path: string;
  message: string;
}

/** A typed error with a stable status and problem type; rendered as RFC 9457 problem+json. */
export class HttpError extends Error {
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
  new HttpError(400, 'validation-error', '请求内容无效', detail, errors ? { errors } : {});
export const unauthorized = (detail = '需要登录：缺少或无效的访问令牌') => new HttpError(401, 'unauthorized', '未登录', detail);
export const forbidden = (detail: string) => new HttpError(403, 'forbidden', '无权操作', detail);
export const notFound = (detail: string) => new HttpError(404, 'not-found', '未找到', detail);
export const conflict = (detail: string, extra: Record<string, unknown> = {}) =>
  new HttpError(409, 'conflict', '当前状态不允许此操作', detail, extra);
export const preconditionFailed = (current: number) =>
  new HttpError(412, 'stale-version', '数据已被他人修改', `If-Match 版本已过期，当前版本为 ${current}，请刷新后重试`, {
    currentVersion: current,
  });
export const unprocessable = (detail: string, extra: Record<string, unknown> = {}) =>
  new HttpError(422, 'rule-violation', '不符合法定规则', detail, extra);
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new HttpError(429, 'rate-limited', '请求过于频繁', detail, { retryAfterSeconds });

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

export const validationError = (errors: FieldError[]) =>
  badRequest(`${errors.length} 个字段无效：${errors.map((e) => e.path || '(body)').join(', ')}`, errors);

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(notFound(`没有这个地址：${req.method} ${req.path}`));
};

/** The single error renderer. Unknown errors are 500 with an id to find them in the log. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let e: HttpError;
    if (err instanceof HttpError) {
      e = err;
    } else if (err?.type === 'entity.too.large') {
      e = new HttpError(413, 'payload-too-large', '请求体过大', `请求体超过上限（${err.limit} 字节）`);
    } else if (err?.type === 'entity.parse.failed') {
      e = new HttpError(400, 'malformed-json', '请求体不是有效的 JSON', 'JSON 解析失败');
    } else if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      e = new HttpError(err.status, 'bad-request', '请求无效', String(err.message ?? ''));
    } else {
      const errorId = (req as { id?: string }).id ?? 'unknown';
      logger.error({ err, reqId: errorId }, 'unhandled error');
      e = new HttpError(500, 'internal-error', '服务器内部错误', `内部错误，错误编号 ${errorId}`, { errorId });
    }
    if (res.headersSent) return;
    if (e.status === 429 && typeof e.extra.retryAfterSeconds === 'number') {
      res.setHeader('Retry-After', String(e.extra.retryAfterSeconds));
    }
    res
      .status(e.status)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: `https://zhongcai.dev/problems/${e.type}`,
          title: e.title,
          status: e.status,
          detail: e.message,
          instance: req.originalUrl,
          ...e.extra,
        }),
      );
  };
}
