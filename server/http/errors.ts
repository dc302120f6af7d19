import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, databaseFaultError, notFound } from '../../app/errors.ts';
import { percentDecoded, scrub } from '../logger.ts';
import { methodsAt } from './route.ts';

/**
 * The request's path as an answer names it (`instance`, a 404's detail): never the query string (it may hold a name,
 * an identity number or a token), and identity-number and phone shaped digits masked — also percent-encoded ones (the
 * path is then answered decoded, masked).
 */
export function answeredPath(req: Request): string {
  const raw = (req.originalUrl ?? req.url).split('?', 1)[0] ?? '';
  const decoded = percentDecoded(raw);
  const masked = scrub(decoded);
  return masked === decoded ? scrub(raw) : masked;
}

export const notFoundRoute: RequestHandler = (req, res, next) => {
  // A path that exists with other methods: 405 with the methods it takes (RFC 9110 §15.5.6), not a 404 (contract check).
  const allowed = methodsAt(req.path);
  if (allowed.length && !allowed.includes(req.method)) {
    res.setHeader('Allow', allowed.join(', '));
    return next(new AppError(405, 'method-not-allowed', '不支持该请求方法', `该地址不接受 ${req.method}，可用：${allowed.join('、')}`));
  }
  next(notFound(`没有这个地址：${req.method} ${answeredPath(req)}`));
};

/**
 * At most `perMinute` lines a minute; the lines beyond are counted and reported in one line when the minute is over.
 * A database outage would otherwise write thousands of stack traces a second. `now` is injectable for tests.
 */
export function createLogLimiter(logger: Logger, perMinute: number, now: () => number = Date.now) {
  let windowStart = Number.NEGATIVE_INFINITY;
  let used = 0;
  let suppressed = 0;
  return (write: () => void): void => {
    const t = now();
    if (t - windowStart >= 60_000) {
      if (suppressed) logger.warn({ suppressed }, `error log rate limit: ${suppressed} lines suppressed in the last minute`);
      windowStart = t;
      used = 0;
      suppressed = 0;
    }
    if (used < perMinute) {
      used++;
      write();
    } else suppressed++;
  };
}

/** The media types a request body is read as (api.md: JSON in UTF-8). */
export const JSON_TYPES = ['application/json', 'application/*+json'];

/** The request carries a body (a length above zero, or chunks): the test body-parser makes, without its package. */
export function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A body sent as another media type than JSON: 400 naming the header (no operation documents 415). */
export function notJsonBody(contentType: string | undefined): AppError {
  const what = contentType ? `“${contentType.split(';')[0]?.trim()}”` : '（未注明）';
  return new AppError(
    400,
    'unsupported-media-type',
    '请求体须为 JSON',
    `请求体的类型${what}不是 JSON：请以 Content-Type: application/json 发送 UTF-8 编码的 JSON`,
    {
      errors: [{ path: 'Content-Type', message: `请求体类型${what}不受支持，须为 application/json` }],
    },
  );
}

/**
 * The single error renderer: AppError → problem+json; a database fault → 503 with Retry-After; anything else is a 500
 * with an id to find it in the log. Error lines are rate-limited (`errorLogPerMinute`).
 */
export function errorHandler(logger: Logger, opts: { errorLogPerMinute?: number; now?: () => number } = {}): ErrorRequestHandler {
  const limitErrors = createLogLimiter(logger, opts.errorLogPerMinute ?? 30, opts.now);
  const limitFaults = createLogLimiter(logger, opts.errorLogPerMinute ?? 30, opts.now);
  return (err, req, res, _next) => {
    let e: AppError;
    const fault = err instanceof AppError ? null : databaseFaultError(err);
    if (err instanceof AppError) {
      e = err;
    } else if (fault) {
      e = fault;
      const reqId = (req as { id?: string }).id;
      limitFaults(() => logger.warn({ reqId, fault: fault.extra.fault, code: err?.code }, 'database unavailable'));
    } else if (err instanceof URIError && (err as { status?: number }).status === 400 && /^Failed to decode param/.test(err.message)) {
      // A path segment that is not valid percent-encoding (express: "Failed to decode param") names no record: the 404
      // a path id that is not one answers (server/http/route.ts), not a 400 no operation with a path id documents.
      e = notFound('没有这个记录：路径中的编码无效');
    } else if (err?.type === 'entity.too.large') {
      e = new AppError(413, 'payload-too-large', '请求体过大', `请求体超过上限（${err.limit} 字节）`);
    } else if (err?.type === 'entity.parse.failed') {
      e = new AppError(400, 'malformed-json', '请求体不是有效的 JSON', 'JSON 解析失败');
    } else if (err?.type === 'charset.unsupported' || err?.type === 'encoding.unsupported') {
      // The JSON body parser refuses a charset other than UTF-8 (api.md: JSON in UTF-8) or an unknown Content-Encoding
      // with 415, which no operation documents: answered as the 400 every write documents, naming the header.
      const header = err.type === 'charset.unsupported' ? 'Content-Type' : 'Content-Encoding';
      const what = err.type === 'charset.unsupported' ? `字符集 ${err.charset}` : `内容编码 ${err.encoding}`;
      e = new AppError(400, 'unsupported-body-encoding', '不支持的请求体编码', `不支持的${what}：请求体须为 UTF-8 编码的 JSON`, {
        errors: [{ path: header, message: `不支持的${what}` }],
      });
    } else if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      e = new AppError(err.status, 'bad-request', '请求无效', String(err.message ?? ''));
    } else {
      const errorId = (req as { id?: string }).id ?? 'unknown';
      limitErrors(() => logger.error({ err, reqId: errorId }, 'unhandled error'));
      e = new AppError(500, 'internal-error', '服务器内部错误', `内部错误，错误编号 ${errorId}`, { errorId });
    }
    if (res.headersSent) return;
    if ((e.status === 429 || e.status === 503) && typeof e.extra.retryAfterSeconds === 'number') {
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
          instance: answeredPath(req),
          ...e.extra,
        }),
      );
  };
}
