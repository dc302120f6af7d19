import type { Request, Response } from 'express';
import type { Deps } from '../../app/deps.ts';
import { AppError, unprocessable } from '../../app/errors.ts';
import { sha256 } from '../../app/passwords.ts';
import { inTransaction, type Transact, type UnitOfWork } from '../../app/unit-of-work.ts';
import { isUniqueViolation } from '../../db/knex.ts';
import { idempotencyKey } from './parse.ts';

/** What a write answers: status, JSON body and the headers a replay must repeat (Location, ETag). */
export interface WriteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Passwords never reach the stored request hash (a fast, unsalted hash of a body is a password hash one can guess). */
const SECRET_FIELDS = new Set(['password', 'currentPassword', 'newPassword']);

function requestHash(req: Request): string {
  const body = req.body ?? null;
  const { ...shown } = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  for (const k of SECRET_FIELDS) if (k in shown) shown[k] = '[secret]';
  const text = body && typeof body === 'object' && !Array.isArray(body) ? JSON.stringify(shown) : JSON.stringify(body);
  return sha256(`${req.method} ${req.baseUrl}${req.path}\n${text}`);
}

function send(res: Response, r: WriteResult): void {
  for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
  res.status(r.status).json(r.body);
}

async function replay(deps: Deps, req: Request, res: Response, key: string): Promise<boolean> {
  const stored = await deps.stores.idempotency.find(deps.db.knex, req.user?.id as number, key);
  if (!stored) return false;
  if (stored.requestHash !== requestHash(req)) {
    throw unprocessable('同一个 Idempotency-Key 已用于另一个请求；请为新的请求使用新的键', { rule: 'idempotency-key-reused' });
  }
  res.setHeader('Idempotent-Replayed', 'true');
  send(res, stored);
  return true;
}

/**
 * Runs a write use case and answers with `render(result)`. The use case opens its unit of work through `transact`
 * (once, or again after a unit of work it rolled back); with an `Idempotency-Key`, the rendered answer (status, body
 * and headers) is stored in the transaction that commits, and a retry answers it again without writing.
 */
export async function runWriteStaged<T>(
  deps: Deps,
  req: Request,
  res: Response,
  work: (transact: Transact) => Promise<T>,
  render: (result: T) => WriteResult,
  /** Work that needs the committed write, done before the answer goes out. */
  afterCommit?: () => Promise<void>,
): Promise<void> {
  const key = idempotencyKey(req);
  if (key && (await replay(deps, req, res, key))) return;
  const transact: Transact = (fn) =>
    inTransaction(deps, async (uow) => {
      const r = await fn(uow);
      if (key) {
        const w = render(r as unknown as T);
        await deps.stores.idempotency.save(
          uow.trx,
          req.user?.id as number,
          key,
          { requestHash: requestHash(req), status: w.status, body: w.body, headers: w.headers ?? {} },
          uow.now,
        );
      }
      return r;
    });
  let result: T;
  try {
    result = await work(transact);
  } catch (err) {
    // A retry with the same key sent while the first was still being written, which committed first: answer its
    // result — whether this one then met the stored key (a unique violation) or the case as the first left it (an
    // ACCEPT already accepted: 409; a version the first moved: 412).
    if (key && (err instanceof AppError || isUniqueViolation(err)) && (await replay(deps, req, res, key))) return;
    throw err;
  }
  if (afterCommit) await afterCommit();
  send(res, render(result));
}

/** `runWriteStaged` for a use case that does all its work in one unit of work. */
export function runWrite<T>(
  deps: Deps,
  req: Request,
  res: Response,
  fn: (uow: UnitOfWork) => Promise<T>,
  render: (result: T) => WriteResult,
  afterCommit?: () => Promise<void>,
): Promise<void> {
  return runWriteStaged(deps, req, res, (transact) => transact(fn), render, afterCommit);
}
