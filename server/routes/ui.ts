import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../templates/kinds.ts';
import { classifyAward } from '../../workflows/finality.ts';
import { EVENT_LABELS, STATE_LABELS } from '../../workflows/labels.ts';
import { AGENT_KINDS, CHANNELS, CLAIM_CATEGORIES, DISTRICTS, PROCEDURES, ROLES } from '../../workflows/reference.ts';
import { EVENT_ROLES } from '../../workflows/roles.ts';
import { PROCEDURE_KINDS, STAT_CAUSES } from '../../workflows/stat-facts.ts';
import { loadCaseOr404 } from '../case-state.ts';
import type { Deps } from '../deps.ts';
import { unprocessable, validationError } from '../errors.ts';
import { parse, pathId } from '../http.ts';
import { IsoDate, Money, registry } from '../schemas.ts';
import { formatMoney, parseMoney } from '../validation/identifiers.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The web interface (web/): static files with no build step, and ECharts from its npm package. */
export function createWebRouter(): Router {
  const router = Router();
  const require = createRequire(import.meta.url);
  const echarts = join(dirname(require.resolve('echarts/package.json')), 'dist', 'echarts.min.js');
  router.get('/vendor/echarts.min.js', (_req, res) => {
    res.type('application/javascript').setHeader('Cache-Control', 'public, max-age=86400');
    res.send(readFileSync(echarts));
  });
  router.use('/web', express.static(join(root, 'web'), { index: false, maxAge: 0 }));
  const index = join(root, 'web', 'index.html');
  router.get('/', (_req, res) => {
    if (!existsSync(index)) return void res.status(404).end();
    res.type('html').setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}

const AwardPreview = z
  .object({
    occurredOn: IsoDate.optional(),
    items: z
      .array(
        z
          .object({
            claimId: z.number().int().positive(),
            outcome: z.enum(['granted', 'partly', 'dismissed']),
            amount: Money.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();

registry.registerPath({
  method: 'post',
  path: '/api/cases/{id}/award-preview',
  summary: '裁决终局性预判（不写入）：逐项判断终局/非终局，供裁决表单即时显示',
  tags: ['procedure'],
  request: { params: z.object({ id: z.string() }), body: { content: { 'application/json': { schema: AwardPreview } } } },
  responses: { 200: { description: '逐项结果与整体终局性' } },
});
registry.registerPath({
  method: 'get',
  path: '/api/reference/vocabulary',
  summary: '界面用词表：地区、请求类别、状态、事件、角色、文书种类',
  tags: ['reference'],
  responses: { 200: { description: '词表' } },
});

/** What the web interface needs besides the v1 contract: the vocabulary and a side-effect-free award preview. */
export function createUiApiRouter(deps: Deps): Router {
  const router = Router();
  router.get('/reference/vocabulary', (_req, res) => {
    res.json({
      districts: DISTRICTS,
      claimCategories: CLAIM_CATEGORIES,
      channels: CHANNELS,
      procedures: PROCEDURES,
      roles: ROLES,
      agentKinds: AGENT_KINDS,
      states: STATE_LABELS,
      events: EVENT_LABELS,
      eventRoles: EVENT_ROLES,
      documentKinds: DOCUMENT_KINDS,
      statCauses: STAT_CAUSES,
      procedureKinds: PROCEDURE_KINDS,
      closureTarget: deps.config.statsClosureTarget,
    });
  });
  router.post('/cases/:id/award-preview', async (req, res) => {
    const body = parse(AwardPreview, req.body);
    const c = await loadCaseOr404(deps, deps.db.knex, pathId(req));
    const unknown = body.items.flatMap((it, i) =>
      c.claims.some((cl) => cl.id === it.claimId) ? [] : [{ path: `items.${i}.claimId`, message: `请求 ${it.claimId} 不属于本案` }],
    );
    if (unknown.length) throw validationError(unknown);
    const on = body.occurredOn ?? deps.clock.today();
    const wage = await deps.stores.reference.minimumWageOn(deps.db.knex, c.district, on);
    if (!wage)
      throw unprocessable(`没有${c.district}在${on}有效的月最低工资标准`, { rule: 'minimum-wage-missing', source: 'LDMAL Art. 47' });
    const r = classifyAward(
      body.items.map((it) => ({
        claimId: it.claimId,
        category: (c.claims.find((cl) => cl.id === it.claimId) as (typeof c.claims)[number]).category,
        outcome: it.outcome,
        amountFen: it.amount === undefined ? null : parseMoney(it.amount),
      })),
      wage.monthlyFen,
      c.claims.map((cl) => cl.category),
      { confirmRelationshipMakesCaseNonFinal: deps.config.confirmRelationshipNonFinal },
    );
    res.json({
      finality: r.finality,
      thresholdAmount: formatMoney(r.thresholdFen),
      minimumWage: { monthly: formatMoney(wage.monthlyFen), effectiveFrom: wage.effectiveFrom, confirmed: wage.confirmed },
      items: r.items.map((i) => ({ claimId: i.claimId, final: i.final, reason: i.reason })),
    });
  });
  return router;
}
