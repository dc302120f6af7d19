import crypto from 'node:crypto';
import type { DocumentInfo } from '../../db/stores/documents.ts';
import { BUILDERS, DOCUMENT_KINDS, type DocumentKind, MissingTextError, NotReadyError } from '../../templates/kinds.ts';
import { MissingGlyphError, renderPdf } from '../../templates/layout.ts';
import { caseContext, caseScope, loadCase, userNames } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';
import { conflict, notFound, unprocessable } from '../errors.ts';
import { type Actor, assertMayGenerateDocument } from '../policy.ts';
import type { Transact } from '../unit-of-work.ts';

export interface DocumentRequest {
  kind: DocumentKind;
  facts?: string;
  reasoning?: string;
  defenseSummary?: string;
  matter?: 'suspension' | 'extension' | 'termination' | 'correction';
  body?: string;
  court?: string;
  purpose?: 'enforcement' | 'advance_execution' | 'litigation';
}

export type DocumentView = Omit<DocumentInfo, 'caseId'>;
const view = ({ caseId: _c, ...d }: DocumentInfo): DocumentView => d;

/**
 * POST /api/cases/:id/documents — renders the document(s) of `kind` from the record (outside any transaction: PDF
 * rendering takes tens of milliseconds), then stores the bytes and records the act in the history in one unit of
 * work. A mixed award gives two documents, -1 final and -2 non-final.
 */
export async function generateDocument(
  deps: Deps,
  actor: Actor,
  caseId: number,
  req: DocumentRequest,
  transact: Transact,
): Promise<{ documents: DocumentView[] }> {
  const { stores, config } = deps;
  const k = deps.db.reader;
  const c = await loadCase(deps, k, caseId);
  const ctx = caseContext(c);
  assertMayGenerateDocument(actor, req.kind, DOCUMENT_KINDS[req.kind], caseScope(c, ctx));
  const names = await userNames(deps, k, [...(ctx.tribunal?.arbitratorIds ?? []), ...(c.createdBy ? [c.createdBy] : [])]);
  const arbitrators = (ctx.tribunal?.arbitratorIds ?? [])
    .map((id) => ({ displayName: names.get(id) ?? '', presiding: id === ctx.tribunal?.presidingId }))
    .sort((a, b) => Number(b.presiding) - Number(a.presiding));
  const awardEvent = (await stores.cases.lastEventOfType(k, caseId, 'ISSUE_AWARD'))?.payload as
    | { facts?: string; reasoning?: string; defenseSummary?: string }
    | undefined;
  const side = (s: string) =>
    c.parties
      .filter((p) => p.side === s)
      .map((p) => ({ ...p, id: p.id as number, agents: p.agents.map((a) => ({ name: a.name, kind: a.kind, unit: a.unit })) }));
  let specs: ReturnType<(typeof BUILDERS)[DocumentKind]>;
  try {
    specs = BUILDERS[req.kind]({
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
      clerkName: (c.createdBy && names.get(c.createdBy)) || '',
      today: deps.clock.today(),
      maskIds: config.documentIdNumbers === 'masked',
      text: req,
      awardText: awardEvent ?? {},
    });
  } catch (e) {
    if (e instanceof NotReadyError) throw conflict(e.message, { state: c.state });
    if (e instanceof MissingTextError) throw unprocessable(e.message, { rule: 'text-from-arbitrator', field: e.field });
    throw e;
  }
  const createdAt = deps.clock.now();
  const rendered: { title: string; caseNo: string | null; bytes: Buffer }[] = [];
  for (const spec of specs) {
    try {
      rendered.push({ title: spec.title, caseNo: spec.caseNo, bytes: await renderPdf(spec, { createdAt }) });
    } catch (e) {
      if (e instanceof MissingGlyphError) throw unprocessable(e.message, { rule: 'missing-glyph', characters: e.chars });
      throw e;
    }
  }
  return transact(async (uow) => {
    const created: DocumentInfo[] = [];
    for (const r of rendered) {
      created.push(
        await stores.documents.insert(uow.trx, {
          caseId,
          kind: req.kind,
          title: r.title,
          caseNo: r.caseNo,
          sha256: crypto.createHash('sha256').update(r.bytes).digest('hex'),
          bytes: r.bytes,
          caseVersion: c.version,
          createdBy: actor.id,
          createdAt: createdAt.toISOString(),
        }),
      );
    }
    // Generating a document is a bookkeeping entry in the history (no state change, not a procedural date).
    await stores.cases.appendEvent(uow.trx, {
      caseId,
      type: 'GENERATE_DOCUMENT',
      occurredOn: uow.today,
      recordedAt: uow.now,
      actorId: actor.id,
      actorRole: actor.role,
      actorName: actor.displayName,
      payload: { kind: req.kind, documents: created.map((d) => ({ id: d.id, sha256: d.sha256, caseNo: d.caseNo })) },
      stateBefore: c.state,
      stateAfter: c.state,
      before: null,
      after: { documents: created.map(view) },
    });
    return { documents: created.map(view) };
  });
}

/** GET /api/cases/:id/documents. */
export async function listDocuments(deps: Deps, _actor: Actor, caseId: number): Promise<DocumentView[]> {
  await loadCase(deps, deps.db.reader, caseId);
  return (await deps.stores.documents.forCase(deps.db.reader, caseId)).map(view);
}

/** GET /api/documents/:id — the stored bytes, the same every time. */
export async function readDocument(deps: Deps, _actor: Actor, id: number) {
  const d = await deps.stores.documents.find(deps.db.reader, id);
  if (!d) throw notFound('没有这份文书');
  return d;
}
