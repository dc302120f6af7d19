import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, notFound } from '../../app/errors.ts';

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(notFound(`没有这个地址：${req.method} ${req.path}`));
};

/** The single error renderer: AppError → problem+json; anything else is a 500 with an id to find it in the log. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let e: AppError;
    if (err instanceof AppError) {
      e = err;
    } else if (err?.type === 'entity.too.large') {
      e = new AppError(413, 'payload-too-large', '请求体过大', `请求体超过上限（${err.limit} 字节）`);
    } else if (err?.type === 'entity.parse.failed') {
      e = new AppError(400, 'malformed-json', '请求体不是有效的 JSON', 'JSON 解析失败');
    } else if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      e = new AppError(err.status, 'bad-request', '请求无效', String(err.message ?? ''));
    } else {
      const errorId = (req as { id?: string }).id ?? 'unknown';
      logger.error({ err, reqId: errorId }, 'unhandled error');
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
          instance: req.originalUrl,
          ...e.extra,
        }),
      );
  };
}
