import { Router } from 'express';
import { z } from 'zod';
import { DISTRICTS } from '../../workflows/reference.ts';
import { requireRole } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { validationError } from '../errors.ts';
import { parse, runWrite } from '../http.ts';
import { IsoDate, Money, registry } from '../schemas.ts';
import { formatMoney, parseMoney } from '../validation/identifiers.ts';

const MinimumWage = z
  .object({
    district: z.enum(DISTRICTS),
    monthly: Money,
    effectiveFrom: IsoDate,
    source: z.string().trim().min(1).max(200).optional().openapi({ description: '依据（如省政府通知文号）' }),
    confirmed: z.boolean().optional().openapi({ description: '是否已对照官方文件核实' }),
  })
  .strict()
  .openapi('MinimumWage');
const MinimumWageTable = z.array(MinimumWage).max(1000);

registry.registerPath({
  method: 'get',
  path: '/api/reference/minimum-wages',
  summary: '各区县月最低工资标准（终局裁决判断用）',
  tags: ['reference'],
  responses: { 200: { description: '全部标准', content: { 'application/json': { schema: MinimumWageTable } } } },
});
registry.registerPath({
  method: 'put',
  path: '/api/reference/minimum-wages',
  summary: '替换月最低工资标准表（管理员）',
  tags: ['reference'],
  request: { body: { content: { 'application/json': { schema: MinimumWageTable } } } },
  responses: { 200: { description: '新表', content: { 'application/json': { schema: MinimumWageTable } } } },
});

export function createReferenceRouter({ db, stores, clock }: Deps): Router {
  const router = Router();
  const view = async (k = db.knex) =>
    (await stores.reference.minimumWages(k)).map((r) => ({
      district: r.district,
      monthly: formatMoney(r.monthlyFen),
      effectiveFrom: r.effectiveFrom,
      source: r.source,
      confirmed: r.confirmed,
    }));

  router.get('/reference/minimum-wages', async (_req, res) => {
    res.json(await view());
  });

  router.put('/reference/minimum-wages', async (req, res) => {
    const rows = parse(MinimumWageTable, req.body);
    const user = requireRole(req, ['admin'], '修改最低工资标准');
    const seen = new Set<string>();
    const dupes = rows.flatMap((r, i) => {
      const k = `${r.district}|${r.effectiveFrom}`;
      if (seen.has(k)) return [{ path: `${i}.effectiveFrom`, message: `${r.district} 在 ${r.effectiveFrom} 已有一行` }];
      seen.add(k);
      return [];
    });
    if (dupes.length) throw validationError(dupes);
    const now = clock.now().toISOString();
    const before = await view();
    await runWrite(db.knex, req, res, now, async (trx) => {
      await stores.reference.replaceMinimumWages(
        trx,
        rows.map((r) => ({
          district: r.district,
          monthlyFen: parseMoney(r.monthly) as number,
          effectiveFrom: r.effectiveFrom,
          source: r.source ?? '管理员录入',
          confirmed: r.confirmed ?? false,
        })),
      );
      await stores.reference.audit(trx, {
        entity: 'minimum_wages',
        key: '*',
        action: 'replace',
        actorId: user.id,
        actorRole: user.role,
        at: now,
        before,
        after: rows,
      });
      return { status: 200, body: await view(trx) };
    });
  });
  return router;
}
