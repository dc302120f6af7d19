import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import pino, { type Logger } from 'pino';
import { maskPersonalNumbersLeniently } from '../workflows/identifiers.ts';

/**
 * What an error may put in a log line: its class, code, a message and the stack — never the values of a query. A
 * driver error carries them in several places: knex's message (SQL with bound values, unless `compileSqlOnError` is
 * off — it is, db/knex.ts), pg's `detail` ("Key (username)=(…) already exists"), `where`, `parameters`, and knex's
 * `bindings`/`sql`. Only the fields below are kept; the message is cut at its first line and scrubbed.
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!err || typeof err !== 'object') return { message: scrub(String(err)) };
  const e = err as { name?: unknown; constructor?: { name?: string }; code?: unknown; errno?: unknown; message?: unknown; stack?: unknown };
  const message = typeof e.message === 'string' ? scrub(firstLine(e.message)) : undefined;
  // The stack's first line repeats the message: keep only the frames.
  const frames = typeof e.stack === 'string' ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
  return {
    type: e.constructor?.name ?? (typeof e.name === 'string' ? e.name : 'Error'),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.errno === 'number' ? { errno: e.errno } : {}),
    message,
    stack: frames.slice(0, 20).join('\n'),
  };
}

/** The first line, at most ~450 characters: a knex message is the SQL (placeholders only) then " - " and the driver's. */
const firstLine = (s: string) => {
  const line = s.split('\n', 1)[0] ?? '';
  return line.length <= 450 ? line : `${line.slice(0, 200)} … ${line.slice(-250)}`;
};

/**
 * Masks identity-number and mobile-phone shaped digits (a last line of defence for log lines), read leniently — also
 * next to letters (`a<id>b`, after an escaped line break `\n`), in any grouping, and any group of 19 or more digits (an
 * identity number and a mobile written together): if in doubt, masked (workflows/identifiers.ts).
 */
export function scrub(text: string): string {
  return maskPersonalNumbersLeniently(text);
}

/**
 * Percent-encoding decoded where it can be (`%31%31…` is digits, `%20` a space, `%0A` a line break), byte sequences
 * that are no UTF-8 as U+FFFD, a stray `%` left as it is; twice, for a value encoded twice. Never throws.
 */
export function percentDecoded(text: string): string {
  let s = text;
  for (let pass = 0; pass < 2 && /%[0-9A-Fa-f]{2}/.test(s); pass++) {
    s = s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) =>
      Buffer.from(
        m
          .slice(1)
          .split('%')
          .map((h) => Number.parseInt(h, 16)),
      ).toString('utf8'),
    );
  }
  return s;
}

/** A request's path as the log records it: percent-decoded, then scrubbed (never the query string). */
export function loggedPath(path: string): string {
  return scrub(percentDecoded(path));
}

/**
 * pino with secrets and identity numbers redacted wherever they might appear in a logged object, errors reduced to
 * `safeError`, and every line scrubbed of identity-number and phone shaped digits before it is written.
 */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      serializers: { err: safeError, error: safeError },
      redact: {
        paths: [
          'password',
          '*.password',
          'currentPassword',
          'newPassword',
          'token',
          '*.token',
          'idNumber',
          '*.idNumber',
          '*.*.idNumber',
          'phone',
          '*.phone',
          'address',
          '*.address',
          'req.headers.authorization',
          'authorization',
        ],
        censor: '[redacted]',
      },
      hooks: {
        streamWrite: (line: string) => scrub(line),
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
    // A client's request id may hold what the log must not: as logged, scrubbed like the path (the answer echoes it).
    const loggedId = loggedPath(req.id);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
      logger.info(
        {
          reqId: loggedId,
          method: req.method,
          path: loggedPath(req.path),
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
