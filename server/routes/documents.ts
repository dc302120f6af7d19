import crypto from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { BUILDERS, DOCUMENT_KINDS, type DocumentKind, MissingTextError, NotReadyError } from '../../templates/kinds.ts';
import { MissingGlyphError, renderPdf } from '../../templates/layout.ts';
import type { Role } from '../../workflows/reference.ts';
import { currentUser, requireRole } from '../auth.ts';
import { caseSnapshot, loadCaseOr404 } from '../case-state.ts';
import type { Deps } from '../deps.ts';
import { conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import { parse, pathId, runWrite } from '../http.ts';
import { Problem, registry } from '../schemas.ts';

const KINDS = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];
const Long = z.string().trim().min(1).max(20000);
const DocumentRequest = z
  .object({
    kind: z.enum(KINDS),
    facts: Long.optional().openapi({ description: '裁决书“经审理查明”（仲裁员撰写；缺省取作出裁决时提交的文字）' }),
    reasoning: Long.optional().openapi({ description: '裁决书“本委认为”（仲裁员撰写）' }),
    defenseSummary: Long.optional(),
    matter: z.enum(['suspension', 'extension', 'termination', 'correction']).optional().openapi({ description: '决定书事项' }),
    body: Long.optional().openapi({ description: '补正决定的补正内容' }),
    court: z.string().trim().min(1).max(100).optional(),
    purpose: z.enum(['enforcement', 'advance_execution', 'litigation']).optional(),
  })
  .strict()
  .openapi('DocumentRequest');
const DocumentInfo = z
  .object({
    id: z.number(),
    kind: z.enum(KINDS),
    title: z.string(),
    caseNo: z.string().nullable(),
    sha256: z.string(),
    size: z.number(),
    caseVersion: z.number(),
    createdAt: z.string(),
  })
  .openapi('Document');

/** Who may generate each kind (api.md roles; an arbitrator only on its own tribunal). */
export const DOCUMENT_ROLES: Record<DocumentKind, readonly Role[]> = {
  acceptance_notice: ['clerk'],
  rejection_notice: ['clerk'],
  respond_notice: ['clerk'],
  hearing_notice: ['clerk', 'arbitrator'],
  award: ['arbitrator'],
  mediation_document: ['arbitrator', 'mediator'],
  advance_execution_ruling: ['arbitrator'],
  court_transfer_letter: ['clerk'],
  decision: ['chair', 'arbitrator'],
};

registry.registerPath({
  method: 'post',
  path: '/api/cases/{id}/documents',
  summary: '生成法律文书（PDF）；混合裁决生成终局、非终局两份裁决书',
  tags: ['documents'],
  request: { params: z.object({ id: z.string() }), body: { content: { 'application/json': { schema: DocumentRequest } } } },
  responses: {
    201: { description: '已生成', content: { 'application/json': { schema: DocumentInfo.extend({ documents: z.array(DocumentInfo) }) } } },
    409: { description: '案件尚未到可生成该文书的阶段', content: { 'application/problem+json': { schema: Problem } } },
    422: {
      description: '缺少仲裁员撰写的文字，或字体缺字（指明缺少的字符）',
      content: { 'application/problem+json': { schema: Problem } },
    },
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/cases/{id}/documents',
  summary: '案件已生成的文书',
  tags: ['documents'],
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: { description: '文书', content: { 'application/json': { schema: z.array(DocumentInfo) } } } },
});
registry.registerPath({
  method: 'get',
  path: '/api/documents/{id}',
  summary: '下载文书 PDF（每次相同的字节）',
  tags: ['documents'],
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } } },
});

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
const info = (r: Record<string, any>) => ({
  id: Number(r.id),
  kind: r.kind as DocumentKind,
  title: r.title,
  caseNo: r.case_no ?? null,
  sha256: r.sha256,
  size: Number(r.size),
  caseVersion: Number(r.case_version),
  createdAt: r.created_at,
});

export function createDocumentsRouter(deps: Deps): Router {
  const { db, stores, clock, config } = deps;
  const router = Router();

  router.post('/cases/:id/documents', async (req, res) => {
    const body = parse(DocumentRequest, req.body);
    const user = requireRole(req, DOCUMENT_ROLES[body.kind], `生成${DOCUMENT_KINDS[body.kind]}`);
    const id = pathId(req);
    const c = await loadCaseOr404(deps, db.knex, id);
    const ctx = caseSnapshot(c).context;
    if (user.role === 'arbitrator' && ctx.tribunal && !ctx.tribunal.arbitratorIds.includes(user.id))
      throw forbidden('仲裁员只能为本人所在仲裁庭的案件生成文书');
    const arbitrators = ctx.tribunal
      ? (await stores.users.listByIds(ctx.tribunal.arbitratorIds)).map((u) => ({
          displayName: u.displayName,
          presiding: u.id === ctx.tribunal?.presidingId,
        }))
      : [];
    arbitrators.sort((a, b) => Number(b.presiding) - Number(a.presiding));
    const clerk = c.createdBy ? await stores.users.findById(c.createdBy) : undefined;
    const events = await stores.cases.events(db.knex, id);
    const awardEvent = events.filter((e) => e.type === 'ISSUE_AWARD').at(-1)?.payload as
      | { facts?: string; reasoning?: string; defenseSummary?: string }
      | undefined;
    const side = (s: string) =>
      c.parties
        .filter((p) => p.side === s)
        .map((p) => ({ ...p, id: p.id as number, agents: p.agents.map((a) => ({ name: a.name, kind: a.kind, unit: a.unit })) }));
    let specs: ReturnType<(typeof BUILDERS)[DocumentKind]>;
    try {
      specs = BUILDERS[body.kind]({
        commission: config.commissionName,
        caseNo: c.caseNo,
        receivedOn: c.receivedOn,
        applicants: side('applicant'),
        respondents: side('respondent'),
        claims: c.claims.map((cl) => ({
          id: cl.id as number,
          seq: cl.seq as number,
          category: cl.category,
          amount: cl.amountFen === null ? null : (cl.amountFen / 100).toFixed(2),
          description: cl.description,
        })),
        ctx,
        arbitrators,
        clerkName: clerk?.displayName ?? '',
        today: clock.today(),
        maskIds: config.documentIdNumbers === 'masked',
        text: body,
        awardText: awardEvent ?? {},
      });
    } catch (e) {
      if (e instanceof NotReadyError) throw conflict(e.message, { state: c.state });
      if (e instanceof MissingTextError) throw unprocessable(e.message, { rule: 'text-from-arbitrator', field: e.field });
      throw e;
    }
    const now = clock.now();
    const rendered: { title: string; caseNo: string | null; bytes: Buffer }[] = [];
    for (const spec of specs) {
      try {
        rendered.push({ title: spec.title, caseNo: spec.caseNo, bytes: await renderPdf(spec, { createdAt: now }) });
      } catch (e) {
        if (e instanceof MissingGlyphError) throw unprocessable(e.message, { rule: 'missing-glyph', characters: e.chars });
        throw e;
      }
    }
    await runWrite(db.knex, req, res, now.toISOString(), async (trx) => {
      const created = [];
      for (const r of rendered) {
        const row = {
          case_id: id,
          kind: body.kind,
          title: r.title,
          case_no: r.caseNo,
          sha256: crypto.createHash('sha256').update(r.bytes).digest('hex'),
          size: r.bytes.length,
          bytes: r.bytes,
          case_version: c.version,
          created_by: user.id,
          created_at: now.toISOString(),
        };
        const [ins] = await trx('documents').insert(row).returning('id');
        created.push(info({ ...row, id: (ins as { id: number }).id }));
      }
      // Generating a document is recorded in the case history (no state change).
      await stores.cases.appendEvent(trx, {
        caseId: id,
        type: 'GENERATE_DOCUMENT',
        occurredOn: clock.today(),
        recordedAt: now.toISOString(),
        actorId: user.id,
        actorRole: user.role,
        actorName: user.displayName,
        payload: { kind: body.kind, documents: created.map((d) => ({ id: d.id, sha256: d.sha256, caseNo: d.caseNo })) },
        stateBefore: c.state,
        stateAfter: c.state,
        before: null,
        after: { documents: created },
      });
      return { status: 201, body: { ...created[0], documents: created } };
    });
  });

  router.get('/cases/:id/documents', async (req, res) => {
    const id = pathId(req);
    await loadCaseOr404(deps, db.knex, id);
    const rows = await db
      .knex('documents')
      .where({ case_id: id })
      .orderBy('id')
      .select('id', 'kind', 'title', 'case_no', 'sha256', 'size', 'case_version', 'created_at');
    res.json(rows.map(info));
  });

  router.get('/documents/:id', async (req, res) => {
    currentUser(req);
    const row = await db
      .knex('documents')
      .where({ id: pathId(req) })
      .first();
    if (!row) throw notFound('没有这份文书');
    const bytes = Buffer.from(row.bytes);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('ETag', `"${row.sha256}"`);
    res.setHeader(
      'Content-Disposition',
      `inline; filename="document-${row.id}.pdf"; filename*=UTF-8''${encodeURIComponent(`${row.title}${row.case_no ?? ''}.pdf`)}`,
    );
    res.send(bytes);
  });

  return router;
}
