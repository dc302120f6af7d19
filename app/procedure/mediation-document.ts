import type { Knex } from 'knex';
import type { CaseContext } from '../../workflows/procedure-types.ts';
import type { Deps } from '../deps.ts';
import { generations } from '../documents/originals.ts';

/**
 * med51 H1 — LDMAL Art. 42(3); Rules Art. 77: a 调解书 takes effect when the parties sign for it, and the signature is
 * its service (docs/api-contract.md): nothing is signed for before the document exists. Whether an issued (not draft)
 * 仲裁调解书 of the act now in signing has been generated: after the latest MEDIATION_AGREED (arbitration) or
 * CONFIRM_AGREEMENT (review) — one printed for an earlier agreement that a party went back on is not this one.
 */
export async function mediationDocumentIssued(deps: Deps, k: Knex, caseId: number, ctx: CaseContext): Promise<boolean> {
  const events = await deps.stores.cases.events(k, caseId);
  const making = ctx.track === 'review' ? 'CONFIRM_AGREEMENT' : 'MEDIATION_AGREED';
  const madeAt = events.filter((e) => e.type === making).at(-1)?.seq ?? 0;
  return generations(events).some((g) => g.kind === 'mediation_document' && !g.draft && g.documents.length > 0 && g.seq > madeAt);
}

/** What a signature before the 调解书 exists is refused with (409, the field `document`), and next-events says. */
export const MEDIATION_DOCUMENT_MISSING =
  '本案尚未出具仲裁调解书，该文书尚不存在，不能签收：请先生成（出具）调解书，当事人签收调解书即为送达，调解书经双方当事人签收后发生法律效力（《劳动争议调解仲裁法》第四十二条；《劳动人事争议仲裁办案规则》第七十七条）；调解书出具前当事人反悔的，可记录其拒绝签收';
