import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import type { z } from 'zod';
import { isUniqueViolation } from '../db/knex.ts';
import { badRequest, type FieldError, HttpError, notFound, unprocessable, validationError, zodFieldErrors } from './errors.ts';
import { sha256 } from './passwords.ts';

// C0 control characters other than tab, line feed and carriage return (PostgreSQL refuses NUL in text).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Field errors for every string (or key) in the input that holds a control character. */
export function controlCharErrors(value: unknown, path: (string | number)[] = []): FieldError[] {
  if (typeof value === 'string') return CONTROL.test(value) ? [{ path: path.join('.'), message: '包含不允许的控制字符' }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharErrors(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      CONTROL.test(k) ? [{ path: [...path, k].join('.'), message: '字段名包含控制字符' }] : controlCharErrors(v, [...path, k]),
    );
  }
  return [];
}

/** Parses a body or query with a zod schema; 400 naming every bad field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: (string | number)[] = []): z.infer<S> {
  if (value === undefined) value = {};
  const r = schema.safeParse(value);
  const errors = [...(r.success ? [] : zodFieldErrors(r.error, prefix)), ...controlCharErrors(value, prefix)];
  if (errors.length) throw validationError(errors);
  return r.data as z.infer<S>;
}

/** A positive integer id from the path; anything else is simply not found. */
export function pathId(req: Request, name = 'id'): number {
  const raw = req.params[name];
  const n = Number(raw);
  if (!/^\d{1,12}$/.test(String(raw)) || !Number.isSafeInteger(n) || n <= 0) throw notFound(`没有编号为 ${raw} 的记录`);
  return n;
}

/** `If-Match: 3`, `"3"` or `W/"3"` → 3; absent → undefined; anything else → 400. */
export function ifMatch(req: Request): number | undefined {
  const raw = req.get('if-match');
  if (raw === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m) throw badRequest('If-Match 应为案件的版本号，例如 If-Match: 3', [{ path: 'If-Match', message: '无效的版本号' }]);
  return Number(m[1]);
}

export interface WriteResult {
  status: number;
  body: unknown;
}

function idempotencyKey(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw badRequest('Idempotency-Key 应为1–200个可见ASCII字符', [{ path: 'Idempotency-Key', message: '无效' }]);
  }
  return key;
}

function requestHash(req: Request): string {
  return sha256(`${req.method} ${req.baseUrl}${req.path}\n${JSON.stringify(req.body ?? null)}`);
}

async function replay(knex: Knex, req: Request, res: Response, key: string): Promise<boolean> {
  const userId = req.user?.id;
  const row = await knex('idempotency_keys').where({ user_id: userId, key }).first();
  if (!row) return false;
  if (row.request_hash !== requestHash(req)) {
    throw unprocessable('同一个 Idempotency-Key 已用于另一个请求；请为新的请求使用新的键');
  }
  res.setHeader('Idempotent-Replayed', 'true');
  res.status(Number(row.status)).json(JSON.parse(row.response));
  return true;
}

/**
 * Runs a write in one transaction and answers with its result. With an `Idempotency-Key`, the
 * first result is stored in the same transaction, and a retry answers it again without writing.
 */
export async function runWrite(
  knex: Knex,
  req: Request,
  res: Response,
  now: string,
  fn: (trx: Knex.Transaction) => Promise<WriteResult>,
  /** Work that needs the committed write (e.g. recomputing with a new calendar), done before the answer goes out. */
  afterCommit?: () => Promise<void>,
): Promise<void> {
  const key = idempotencyKey(req);
  if (key && (await replay(knex, req, res, key))) return;
  let result: WriteResult;
  try {
    result = await knex.transaction(async (trx) => {
      const r = await fn(trx);
      if (key) {
        await trx('idempotency_keys').insert({
          user_id: req.user?.id,
          key,
          request_hash: requestHash(req),
          status: r.status,
          response: JSON.stringify(r.body),
          created_at: now,
        });
      }
      return r;
    });
  } catch (err) {
    // A concurrent retry with the same key committed first: answer its result.
    if (key && !(err instanceof HttpError) && isUniqueViolation(err) && (await replay(knex, req, res, key))) return;
    throw err;
  }
  if (afterCommit) await afterCommit();
  res.status(result.status).json(result.body);
}
