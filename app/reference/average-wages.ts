import { yuan } from '../../workflows/calculators/index.ts';
import { parseMoney } from '../../workflows/identifiers.ts';
import type { Deps } from '../deps.ts';
import { validationError } from '../errors.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';
import type { UnitOfWork } from '../unit-of-work.ts';
import { sameRows } from './same-rows.ts';

export interface AverageWageInput {
  district: string;
  year: number;
  monthly: string;
  publishedOn?: string;
  source: string;
  confirmed?: boolean;
}

async function table(deps: Deps, k = deps.db.reader) {
  return (await deps.stores.reference.averageWages(k)).map((r) => ({
    district: r.district,
    year: r.year,
    monthly: yuan(r.monthlyFen),
    // Left out when not given, as the schema has it (optional, not nullable): a null broke the documented answer.
    ...(r.publishedOn ? { publishedOn: r.publishedOn } : {}),
    source: r.source,
    confirmed: r.confirmed,
  }));
}

/** GET /api/reference/average-wages — the city's average monthly wage per year (LCL Art. 47(2): the 3× cap). */
export const averageWages = (deps: Deps) => table(deps);

/**
 * PUT /api/reference/average-wages — replaces the table (admin), audited with before and after. A row stays
 * unconfirmed (and the calculators say so) until the admin sets `confirmed: true` after checking the published notice.
 */
export async function replaceAverageWages(deps: Deps, uow: UnitOfWork, actor: Actor, rows: AverageWageInput[]) {
  const seen = new Set<string>();
  const errors = rows.flatMap((r, i) => {
    const k = `${r.district}|${r.year}`;
    if (seen.has(k)) return [{ path: `${i}.year`, message: `${r.district} 的 ${r.year} 年度已有一行` }];
    seen.add(k);
    if (r.publishedOn && Number(r.publishedOn.slice(0, 4)) <= r.year)
      return [{ path: `${i}.publishedOn`, message: `${r.year}年度的平均工资应在次年以后公布` }];
    return [];
  });
  if (errors.length) throw validationError(errors);
  assertRole(actor, AREA_ROLES.referenceData, '修改职工月平均工资');
  const records = rows.map((r) => ({
    district: r.district,
    year: r.year,
    monthlyFen: parseMoney(r.monthly) as number,
    publishedOn: r.publishedOn ?? null,
    source: r.source,
    confirmed: r.confirmed ?? false,
  }));
  // The same table (in any order): nothing is written — no audit row, and no version bump, which would make every
  // process re-read the table and recompute the deadlines that depend on reference data (outside checker sec52 L1).
  if (sameRows(await deps.stores.reference.averageWages(uow.trx), records)) return table(deps, uow.trx);
  const before = await table(deps, uow.trx);
  await deps.stores.reference.replaceAverageWages(uow.trx, records);
  await deps.stores.reference.audit(uow.trx, {
    entity: 'average_wages',
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
