import type { Knex } from 'knex';
import type { AccessAction } from '../../db/stores/access-log.ts';
import { addDays, cstDayStart } from '../../workflows/dates.ts';
import { documentNumbersOf } from '../cases/document-no.ts';
import type { Deps } from '../deps.ts';
import { validationError } from '../errors.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';

/**
 * Records that the actor read personal data in full (a whole case, its history, a document's bytes) — who, when,
 * what (api.md "Reading (v1.1)"). Written before the data is answered: a read that cannot be logged is not served.
 */
export async function recordAccess(
  deps: Deps,
  actor: Actor,
  action: AccessAction,
  target: { caseId: number | null; documentId?: number | null },
  /** Inside a unit of work, its transaction (on SQLite the one writer connection is held by it). */
  k: Knex = deps.db.knex,
): Promise<void> {
  await deps.stores.accessLog.append(k, {
    at: deps.clock.now().toISOString(),
    userId: actor.id,
    role: actor.role,
    action,
    caseId: target.caseId,
    documentId: target.documentId ?? null,
  });
}

export interface AccessLogQuery {
  userId?: number;
  caseId?: number;
  action?: AccessAction;
  /** Days (China Standard Time), inclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** GET /api/access-log (admin, chair) — newest first, in the list envelope. */
export async function listAccessLog(deps: Deps, actor: Actor, q: AccessLogQuery) {
  assertRole(actor, AREA_ROLES.accessLog, '查看访问记录');
  if (q.from && q.to && q.from > q.to) throw validationError([{ path: 'to', message: '截止日不能早于起始日' }]);
  const r = await deps.stores.accessLog.list(deps.db.reader, {
    userId: q.userId,
    caseId: q.caseId,
    action: q.action,
    from: q.from ? cstDayStart(q.from) : undefined,
    to: q.to ? cstDayStart(addDays(q.to, 1)) : undefined,
    page: q.page,
    pageSize: q.pageSize,
  });
  // A case without a 案字 number — a rejected application (不予受理, its 不字 number), an arbitral review (审字) — is
  // named by the number its document took, so the chair can tell which case was read (sec51 L5; LDMAL Art. 29).
  const numbered = r.items.flatMap((e) => (e.caseId !== null && e.caseNo === null ? [{ id: e.caseId, caseNo: null }] : []));
  const numbers = await documentNumbersOf(deps, deps.db.reader, numbered);
  const items = r.items.map((e) => ({ ...e, documentNo: e.caseId !== null && e.caseNo === null ? (numbers.get(e.caseId) ?? null) : null }));
  return { items, total: r.total, page: q.page, pageSize: q.pageSize };
}
