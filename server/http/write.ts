import type { Request, Response } from 'express';
import type { Deps } from '../../app/deps.ts';
import { AppError, serviceUnavailable, unprocessable } from '../../app/errors.ts';
import { secretDigest, sha256 } from '../../app/passwords.ts';
import { inTransaction, type Transact, type UnitOfWork } from '../../app/unit-of-work.ts';
import { isUniqueViolation } from '../../db/knex.ts';
import { answersNow } from '../../db/write-later.ts';
import { idempotencyKey } from './parse.ts';

/** What a write answers: status, JSON body and the headers a replay must repeat (Location, ETag). */
export interface WriteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const SECRET_FIELDS = new Set(['password', 'currentPassword', 'newPassword']);

/** JSON with every object's keys in sorted order: the same body sent with its fields in another order is the same. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/**
 * The fingerprint an Idempotency-Key is bound to: the caller's role, the method, the path and the body. The role is
 * in it so that a stored answer is never served to a user whose role changed since (a clerk made analyst would be
 * answered the full view the clerk was shown: 422 instead). Passwords in the body go in as slow salted digests
 * (`secretDigest`), never in a fast hash one could guess them from — yet the same key sent with another password is
 * another request (422), not a replay.
 */
async function requestHash(req: Request, key: string): Promise<string> {
  const body = req.body ?? null;
  let shown: unknown = body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const fields = { ...(body as Record<string, unknown>) };
    const secrets = [...SECRET_FIELDS].filter((k) => typeof fields[k] === 'string');
    if (secrets.length) {
      // One user's digests one at a time (a second request of theirs meanwhile is a 503): no user fills the gate.
      const user = req.user?.id as number;
      if (digesting.has(user)) throw serviceUnavailable('上一个含密码的请求仍在处理，请稍后再试', 2);
      digesting.add(user);
      try {
        for (const k of secrets) fields[k] = await secretDigest(fields[k] as string, `${user}\n${key}\n${k}`);
      } finally {
        digesting.delete(user);
      }
    }
    shown = fields;
  }
  return sha256(`${req.user?.role} ${req.method} ${req.baseUrl}${req.path}\n${canonicalJson(shown)}`);
}
/** Users whose request fingerprint is being digested in this process (a guard against one user's flood, nothing more). */
const digesting = new Set<number>();

function send(res: Response, r: WriteResult): void {
  for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
  // What `res.json` sends (this app sets no JSON replacer, spaces or escape; no ETag is generated), without its
  // detours: no content-type parsing and no copy of a body over 1,000 characters into a Buffer (issue 15: every write
  // answers a case view of several KB). Anything unusual goes through express.
  const plain = r.status !== 204 && r.status !== 304 && r.body !== undefined && res.req.method !== 'HEAD' && !res.hasHeader('Content-Type');
  if (!plain) {
    res.status(r.status).json(r.body);
    return;
  }
  const text = JSON.stringify(r.body);
  res.statusCode = r.status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** A check before a stored answer is sent again (it throws to refuse): the policy asked anew, as for a first answer. */
export type ReplayGuard = (stored: WriteResult) => Promise<void>;

async function replay(
  deps: Deps,
  req: Request,
  res: Response,
  key: string,
  fingerprint: () => Promise<string>,
  guard: ReplayGuard | undefined,
): Promise<boolean> {
  const stored = await deps.stores.idempotency.find(deps.db.knex, req.user?.id as number, key);
  if (!stored) return false;
  if (stored.requestHash !== (await fingerprint())) {
    throw unprocessable('同一个 Idempotency-Key 已用于另一个请求；请为新的请求使用新的键', { rule: 'idempotency-key-reused' });
  }
  if (guard) await guard(stored);
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
  /** Asked before a stored answer is sent again: what it shows may no longer be this user's to see. */
  replayGuard?: ReplayGuard,
): Promise<void> {
  const key = idempotencyKey(req);
  // The fingerprint is taken only when needed — to compare with a stored one, or right before the transaction that
  // stores it (after the use case's own checks: a password change refused by its throttle digests nothing) — and once.
  let hashed: Promise<string> | undefined;
  const fingerprint = () => {
    hashed ??= requestHash(req, key as string);
    return hashed;
  };
  if (key && (await replay(deps, req, res, key, fingerprint, replayGuard))) return;
  const transact: Transact = async (fn) => {
    const hash = key ? await fingerprint() : '';
    return inTransaction(deps, async (uow) => {
      const r = await fn(uow);
      if (key) {
        // A value the write takes with COMMIT (an ACCEPT's case number on PostgreSQL) is in the answer stored here.
        await answersNow(uow.trx);
        const w = render(r as unknown as T);
        await deps.stores.idempotency.save(
          uow.trx,
          req.user?.id as number,
          key,
          { requestHash: hash, status: w.status, body: w.body, headers: w.headers ?? {} },
          uow.now,
        );
      }
      return r;
    });
  };
  let result: T;
  try {
    result = await work(transact);
  } catch (err) {
    // A retry with the same key sent while the first was still being written, which committed first: answer its
    // result — whether this one then met the stored key (a unique violation) or the case as the first left it (an
    // ACCEPT already accepted: 409; a version the first moved: 412).
    if (key && (err instanceof AppError || isUniqueViolation(err)) && (await replay(deps, req, res, key, fingerprint, replayGuard))) return;
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
  replayGuard?: ReplayGuard,
): Promise<void> {
  return runWriteStaged(deps, req, res, (transact) => transact(fn), render, afterCommit, replayGuard);
}
