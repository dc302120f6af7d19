import { CLAIM_FORMULA_VERSION, type ClaimMeasure, claimOutcomeClaims, claimOutcomeFigures } from '../../db/reports/claim-outcomes.ts';
import { CLAIM_CATEGORIES } from '../../workflows/reference.ts';
import type { Deps } from '../deps.ts';
import { own } from '../own.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';
import { type PeriodInput, period } from './closure.ts';

const label = (k: string) => own(CLAIM_CATEGORIES, k) ?? k;

/** GET /api/stats/claims — claimed vs awarded vs finally upheld, and awards changed by courts, per claim category. */
export async function claimStatistics(deps: Deps, actor: Actor, q: PeriodInput) {
  assertRole(actor, AREA_ROLES.stats, '查看统计');
  const p = period(deps, q);
  const base = `/api/stats/claims/cases?from=${p.from}&to=${p.to}${p.asOf ? `&asOf=${p.asOf}` : ''}`;
  await deps.stores.stats.settle(deps.db.knex);
  return { ...(await claimOutcomeFigures(deps.db.reader, p, label)), links: { claims: `${base}&measure={measure}[&category={key}]` } };
}

/** GET /api/stats/claims/cases — the claims behind one of those figures. */
export async function claimStatisticsDrillDown(
  deps: Deps,
  actor: Actor,
  q: PeriodInput & { measure: ClaimMeasure; category?: string; page: number; pageSize: number },
) {
  assertRole(actor, AREA_ROLES.stats, '查看统计');
  const p = period(deps, q);
  const r = await claimOutcomeClaims(deps.db.reader, {
    ...p,
    measure: q.measure,
    category: q.category,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    ...r,
    page: q.page,
    pageSize: q.pageSize,
    from: p.from,
    to: p.to,
    asOf: p.asOf,
    measure: q.measure,
    formulaVersion: CLAIM_FORMULA_VERSION,
  };
}
