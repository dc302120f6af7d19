import zlib from 'node:zlib';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { AppError, databaseFaultError, notFound, validationError } from '../../app/errors.ts';
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

/**
 * A path that exists with other methods: 405 with the methods it takes (RFC 9110 §15.5.6), the Allow header set; null
 * when the path takes the method or is no path of the API. OPTIONS is a method no path takes (no cross-origin use, no
 * preflight). The path read whole, wherever the handler is mounted.
 */
export function wrongMethod(req: Request, res: Response): AppError | null {
  const allowed = methodsAt(`${req.baseUrl ?? ''}${req.path}`);
  if (!allowed.length || allowed.includes(req.method)) return null;
  res.setHeader('Allow', allowed.join(', '));
  return new AppError(405, 'method-not-allowed', '不支持该请求方法', `该地址不接受 ${req.method}，可用：${allowed.join('、')}`);
}

export const notFoundRoute: RequestHandler = (req, res, next) => {
  // Not a 404 for a path that exists with other methods (contract check).
  next(wrongMethod(req, res) ?? notFound(`没有这个地址：${req.method} ${answeredPath(req)}`));
};

/**
 * OPTIONS, before any router answers it with Express's own `200 text/plain` list (outside tester sec47 L1): the 405
 * every path answers a method it does not take, or (no path of the API) the 404 at the end.
 *
 * HEAD on a path of the API: 405 too, before authentication, like any method the path does not take — Express would
 * run the GET handler and send its headers only, and a read of a case or a document's download recorded in the access
 * log would then stand for bytes never sent (outside tester secfix L1); /openapi.json documents no HEAD, and the Allow
 * header names none. Elsewhere (the web client's files, /openapi.json, /docs) HEAD is answered as before, and so are
 * the probes /healthz and /readyz, which record nothing and which an outside monitor may ask with HEAD.
 */
const PROBES = new Set(['/healthz', '/readyz']);
export const optionsRoute: RequestHandler = (req, res, next) => {
  if (req.method === 'HEAD') return next(PROBES.has(req.path) ? undefined : (wrongMethod(req, res) ?? undefined));
  if (req.method !== 'OPTIONS') return next();
  next(wrongMethod(req, res) ?? notFound(`没有这个地址：${req.method} ${answeredPath(req)}`));
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

/**
 * Whether this process's zlib decompresses zstd: Node.js 22.15 and 23.8 on (`zlib.createZstdDecompress`), not Node 20 —
 * the body parser decompresses a zstd body only then, and refuses it otherwise (outside tester secfix L2).
 */
export const ZSTD = typeof (zlib as { createZstdDecompress?: unknown }).createZstdDecompress === 'function';

/** The body's Content-Encoding when one the body parser decompresses (gzip, deflate, br; zstd with ZSTD), else null. */
function contentEncoding(req: Request): string | null {
  const enc = String(req.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  return ['gzip', 'deflate', 'br', ...(ZSTD ? ['zstd'] : [])].includes(enc) ? enc : null;
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
    } else if (err?.type === 'entity.parse.failed' && isJsonScalar(err.body)) {
      // `null`, a number, a string, true: valid JSON the parser refuses in its strict mode (objects and arrays only).
      // Not malformed (sec51 L3): answered as an array is, the body is not an object.
      e = validationError([{ path: '', message: '请求体应为 JSON 对象' }]);
    } else if (err?.type === 'entity.parse.failed') {
      e = new AppError(400, 'malformed-json', '请求体不是有效的 JSON', 'JSON 解析失败');
    } else if (err?.type === 'charset.unsupported' || err?.type === 'encoding.unsupported') {
      // The JSON body parser refuses a charset other than UTF-8 (api.md: JSON in UTF-8) or an unknown Content-Encoding
      // with 415, which no operation documents: answered as the 400 every write documents, naming the header.
      const header = err.type === 'charset.unsupported' ? 'Content-Type' : 'Content-Encoding';
      const what = err.type === 'charset.unsupported' ? `字符集 ${err.charset}` : `内容编码 ${err.encoding}`;
      // zstd is known, but this server's Node.js has no zstd in its zlib (before 22.15 / 23.8): say so.
      const zstd = err.type === 'encoding.unsupported' && String(err.encoding).toLowerCase() === 'zstd' && !ZSTD;
      const why = zstd
        ? `本服务器的 Node.js（${process.version}）不支持 zstd 解压（Node.js 22.15、23.8 起才支持）：请以 gzip、deflate 或 br 压缩，或不压缩发送 UTF-8 编码的 JSON`
        : '请求体须为 UTF-8 编码的 JSON';
      e = new AppError(400, 'unsupported-body-encoding', '不支持的请求体编码', `不支持的${what}：${why}`, {
        errors: [
          { path: header, message: zstd ? `不支持的${what}：本服务器的 Node.js（${process.version}）不支持 zstd` : `不支持的${what}` },
        ],
      });
    } else if (err?.status === 400 && err.type === undefined && typeof err.code === 'string' && contentEncoding(req) !== null) {
      // The body parser decompresses a gzip, deflate, br (or, with ZSTD, zstd) body and answers what zlib said ("incorrect header
      // check", outside tester sec47 L4): a body that is not what its Content-Encoding names, in the house's words.
      const enc = contentEncoding(req);
      e = new AppError(
        400,
        'malformed-body-encoding',
        '请求体无法解压',
        `请求体不是有效的 ${enc} 压缩数据：请按 Content-Encoding: ${enc} 压缩后发送，或不带该头发送 UTF-8 编码的 JSON`,
        { errors: [{ path: 'Content-Encoding', message: `请求体不是有效的 ${enc} 压缩数据` }] },
      );
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

/** The raw body a strict JSON parser refused is valid JSON all the same (`null`, `1`, `"x"`, `true`). */
function isJsonScalar(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const v: unknown = JSON.parse(body);
    return v === null || typeof v !== 'object';
  } catch {
    return false;
  }
}
