import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import pino, { type Logger } from 'pino';

/** pino with secrets and identity numbers redacted wherever they might appear in a logged object. */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'password',
          '*.password',
          'token',
          '*.token',
          'idNumber',
          '*.idNumber',
          '*.*.idNumber',
          'req.headers.authorization',
          'authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * One log line per request: request id, method, path (never the query string, which may hold names),
 * status, duration and the user id. No bodies, tokens or identity numbers are logged.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    req.id = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    res.setHeader('X-Request-Id', req.id);
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
      logger.info(
        {
          reqId: req.id,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
          userId: req.user?.id,
        },
        'request',
      );
    });
    next();
  };
}
