import { formatMoney, parseMoney } from '../../workflows/identifiers.ts';
import type { Deps } from '../deps.ts';
import { validationError } from '../errors.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';
import type { UnitOfWork } from '../unit-of-work.ts';
import { sameRows } from './same-rows.ts';

export interface MinimumWageInput {
  district: string;
  monthly: string;
  effectiveFrom: string;
  source?: string;
  confirmed?: boolean;
}

async function table(deps: Deps, k = deps.db.reader) {
  return (await deps.stores.reference.minimumWages(k)).map((r) => ({
    district: r.district,
    monthly: formatMoney(r.monthlyFen),
    effectiveFrom: r.effectiveFrom,
    source: r.source,
    confirmed: r.confirmed,
  }));
}

/** GET /api/reference/minimum-wages — the monthly minimum wage per district and date (final-award test, LDMAL Art. 47). */
export const minimumWages = (deps: Deps) => table(deps);

/** PUT /api/reference/minimum-wages — replaces the table (admin), audited with before and after. */
export async function replaceMinimumWages(deps: Deps, uow: UnitOfWork, actor: Actor, rows: MinimumWageInput[]) {
  const seen = new Set<string>();
  const dupes = rows.flatMap((r, i) => {
    const k = `${r.district}|${r.effectiveFrom}`;
    if (seen.has(k)) return [{ path: `${i}.effectiveFrom`, message: `${r.district} 在 ${r.effectiveFrom} 已有一行` }];
    seen.add(k);
    return [];
  });
  if (dupes.length) throw validationError(dupes);
  assertRole(actor, AREA_ROLES.referenceData, '修改最低工资标准');
  const records = rows.map((r) => ({
    district: r.district,
    monthlyFen: parseMoney(r.monthly) as number,
    effectiveFrom: r.effectiveFrom,
    source: r.source ?? '管理员录入',
    confirmed: r.confirmed ?? false,
  }));
  // The same table (in any order): nothing is written — no audit row, no version bump (sec52 L1, as average wages).
  if (sameRows(await deps.stores.reference.minimumWages(uow.trx), records)) return table(deps, uow.trx);
  const before = await table(deps, uow.trx);
  await deps.stores.reference.replaceMinimumWages(uow.trx, records);
  await deps.stores.reference.audit(uow.trx, {
    entity: 'minimum_wages',
    key: '*',
    action: 'replace',
    actorId: actor.id,
    actorRole: actor.role,
    at: uow.now,
    before,
    after: rows,
  });
  return table(deps, uow.trx);
}
