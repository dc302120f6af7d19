import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { DOCUMENT_ROLES, documentRoles } from '../../app/policy.ts';
import { AUDIT_ENTITIES } from '../../db/stores/reference.ts';
import { DOCUMENT_KINDS, SERVED_DOCUMENTS } from '../../templates/kinds.ts';
import { MONETARY_FINAL_CATEGORIES } from '../../workflows/finality.ts';
import { CLOSURE_MODE_LABELS, EVENT_LABELS, STATE_LABELS, SUSPENSION_GROUNDS } from '../../workflows/labels.ts';
import {
  ADDITION_GROUND_SIDES,
  AGENT_KINDS,
  CHANNELS,
  CLAIM_CATEGORIES,
  DISTRICTS,
  OWNERSHIP_TYPES,
  PROCEDURES,
  ROLES,
} from '../../workflows/reference.ts';
import { EVENT_ROLES } from '../../workflows/roles.ts';
import { mediationDocumentMethods } from '../../workflows/rules.ts';
import { PROCEDURE_KINDS, STAT_CAUSES } from '../../workflows/stat-facts.ts';
import { route } from './route.ts';
import { createWorkRouter } from './work.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The only address Redoc 2's bundle loads from the network by itself: its footer logo. */
const REDOC_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const LOCAL_LOGO =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='20' height='20'%3E%3Ccircle cx='10' cy='10' r='8' fill='%2332329f'/%3E%3C/svg%3E";

/**
 * Redoc's standalone bundle from node_modules, read once. Offline (the docs page must not reach the internet, and the
 * CSP allows no other host): its one built-in network address, the footer logo, is replaced by a local image.
 */
function redocBundle(resolve: (id: string) => string): Buffer {
  const text = readFileSync(join(dirname(resolve('redoc/package.json')), 'bundles', 'redoc.standalone.js'), 'utf8');
  if (!text.includes(REDOC_LOGO)) throw new Error('redoc.standalone.js: the logo address changed; check /docs for network requests');
  return Buffer.from(text.replaceAll(REDOC_LOGO, LOCAL_LOGO));
}

/** The web interface (web/): static files with no build step, and ECharts from its npm package. */
export function createWebRouter(): Router {
  const router = Router();
  const require = createRequire(import.meta.url);
  const echarts = join(dirname(require.resolve('echarts/package.json')), 'dist', 'echarts.min.js');
  router.get('/vendor/echarts.min.js', (_req, res) => {
    res.type('application/javascript').setHeader('Cache-Control', 'public, max-age=86400');
    res.send(readFileSync(echarts));
  });
  let redoc: Buffer | undefined;
  router.get('/vendor/redoc.standalone.js', (_req, res) => {
    redoc ??= redocBundle(require.resolve);
    res.type('application/javascript').setHeader('Cache-Control', 'public, max-age=86400');
    res.send(redoc);
  });
  router.use('/web', express.static(join(root, 'web'), { index: false, maxAge: 0 }));
  const page = (file: string) => (_req: express.Request, res: express.Response) => {
    const path = join(root, 'web', file);
    if (!existsSync(path)) return void res.status(404).end();
    res.type('html').setHeader('Cache-Control', 'no-cache');
    res.sendFile(path);
  };
  router.get('/', page('index.html'));
  // The API reference: Redoc over /openapi.json. The page's script carries this response's style nonce (the CSP's
  // style-src allows it, server/app.ts) and gives it to the <style> elements Redoc creates.
  router.get('/docs', (_req, res) => {
    const html = readFileSync(join(root, 'web', 'docs.html'), 'utf8').replaceAll('{{nonce}}', String(res.locals.styleNonce ?? ''));
    res.type('html').setHeader('Cache-Control', 'no-store');
    res.send(html);
  });
  return router;
}

const Labels = z.record(z.string(), z.string());
const Vocabulary = z
  .strictObject({
    districts: z.array(z.string()),
    claimCategories: Labels,
    channels: Labels,
    procedures: Labels,
    roles: Labels,
    agentKinds: Labels,
    ownershipTypes: Labels.openapi({ description: '用人单位经济类型（当事人 ownership 的代码）的中文名称' }),
    states: Labels,
    events: Labels,
    auditEntities: Labels.openapi({ description: '变更记录可按其筛选的对象（GET /api/audit-log?entity=）及其中文名称' }),
    closureModes: Labels.openapi({ description: '结案方式（案件 closure.mode、统计明细 closureMode 的代码）的中文名称' }),
    eventRoles: z.record(z.string(), z.array(z.string())),
    documentKinds: Labels,
    servedDocuments: z.record(z.string(), z.strictObject({ name: z.string(), short: z.string() })).openapi({
      description: '可记录送达的文书（SERVE document 的代码）：name 为文书上印的全称（送达回证），short 为界面列表与选项中的简称',
    }),
    statCauses: Labels,
    procedureKinds: Labels,
    suspensionGrounds: Labels.openapi({
      description: '中止审理的事由（SUSPEND ground 的代码）及其《劳动人事争议仲裁办案规则》第四十七条的表述',
    }),
    closureTarget: z.string(),
    documentRoles: z.record(z.string(), z.array(z.string())).openapi({
      description:
        '各文书种类可由哪些角色生成（书记员另可打印已作出的裁决书、部分裁决书、先予执行裁决书和已记录行为的决定书的正式文本，不能生成草稿）',
    }),
    commissionName: z.string(),
    mediationDocumentMethods: z.array(z.string()).openapi({
      description:
        '调解书可用的送达方式（直接送达、委托送达、经同意的电子送达；MEDIATION_DOCUMENT_BY_POST=true 时另有邮寄送达）：调解书须当事人签收，不适用留置、张贴、公告及简便方式送达',
    }),
    advanceExecutionCategories: z.array(z.string()).openapi({
      description:
        '可以先予执行的请求类别（劳动争议调解仲裁法第四十四条：追索劳动报酬、工伤医疗费、经济补偿或者赔偿金）：其他类别的请求申请先予执行的，返回 422 advance-execution-categories',
    }),
    additionGroundSides: z.record(z.string(), z.array(z.enum(['respondent', 'third_party']))).openapi({
      description:
        '追加当事人（ADD_PARTY）各追加理由（ground）可追加为哪一方（side）：与 side 不符的 ground 返回 400（劳动争议调解仲裁法第二十二条、第二十三条，劳动人事争议仲裁办案规则第六条、第七条）',
    }),
    today: z.string().openapi({ description: '服务器的今天（中国标准时间）：日期默认值与“不晚于今天”的检查以此为准' }),
  })
  .openapi('Vocabulary');

/** What the web interface needs besides the v1 contract: the vocabulary of labels, and the work views. */
export function createUiApiRouter(deps: Deps): Router {
  const router = Router();
  router.use(createWorkRouter(deps));
  route(router, {
    method: 'get',
    path: '/api/reference/vocabulary',
    operationId: 'vocabulary',
    summary: '界面用词表：地区、请求类别、状态、事件、结案方式、角色、文书种类',
    tags: ['reference'],
    responses: { 200: { description: '词表', schema: Vocabulary } },
    handler: () => ({
      body: {
        districts: DISTRICTS,
        claimCategories: CLAIM_CATEGORIES,
        channels: CHANNELS,
        procedures: PROCEDURES,
        roles: ROLES,
        agentKinds: AGENT_KINDS,
        ownershipTypes: OWNERSHIP_TYPES,
        states: STATE_LABELS,
        events: EVENT_LABELS,
        closureModes: CLOSURE_MODE_LABELS,
        auditEntities: AUDIT_ENTITIES,
        eventRoles: EVENT_ROLES,
        documentKinds: DOCUMENT_KINDS,
        servedDocuments: SERVED_DOCUMENTS,
        statCauses: STAT_CAUSES,
        procedureKinds: PROCEDURE_KINDS,
        suspensionGrounds: SUSPENSION_GROUNDS,
        closureTarget: deps.config.statsClosureTarget,
        // With those who print an act already made (the clerk: an issued award, partial award or 先予执行 ruling).
        documentRoles: Object.fromEntries(Object.keys(DOCUMENT_ROLES).map((k) => [k, [...documentRoles(k)]])),
        commissionName: deps.config.commissionName,
        mediationDocumentMethods: mediationDocumentMethods(deps.config.mediationDocumentByPost),
        // ui55 #2: the 先予执行 form offers only these (the rule's own list, workflows/rules.ts ADVANCE_EXECUTION).
        advanceExecutionCategories: MONETARY_FINAL_CATEGORIES,
        // s62 E #1: the 追加当事人 form offers the grounds of the side chosen (the schema's own rule).
        additionGroundSides: ADDITION_GROUND_SIDES as unknown as Record<string, ('respondent' | 'third_party')[]>,
        today: deps.clock.today(),
      },
    }),
  });
  return router;
}
