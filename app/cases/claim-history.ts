import { type ClaimLine, claimLine } from '../../workflows/claim-line.ts';
import { namePartiesIn } from '../../workflows/labels.ts';
import type { Deps } from '../deps.ts';
import { unknownPathParam } from '../errors.ts';
import { type Actor, assertMayReadClaimHistory, assertRoleMayReadClaimHistory } from '../policy.ts';
import { caseContext, caseScope, loadCase } from './case-state.ts';
import { maskForReader, partyNameMap } from './views.ts';

/**
 * GET /api/cases/:id/claims/:claimId/history — one claim from the application to the court's judgment (issue 17). The
 * line carries no identity data (policy `claimHistoryRefusal`): identity and mobile numbers that someone wrote into a
 * text it quotes (mediation terms, a reason) are masked for every reader.
 */
export async function claimHistory(deps: Deps, actor: Actor, caseId: number, claimId: number): Promise<ClaimLine> {
  const k = deps.db.reader;
  assertRoleMayReadClaimHistory(actor);
  const c = await loadCase(deps, k, caseId);
  const ctx = caseContext(c);
  assertMayReadClaimHistory(actor, caseScope(c, ctx));
  const claim = c.claims.find((cl) => cl.id === claimId);
  if (!claim) throw unknownPathParam('claimId', '仲裁请求');
  const events = await deps.stores.cases.events(k, caseId);
  const line = claimLine({ ...claim, id: claimId, seq: claim.seq }, ctx, events);
  // The line's texts number the parties ("对未起诉的劳动者（当事人57）"); a reader is shown their names.
  const names = partyNameMap(c.parties);
  const named = { ...line, line: line.line.map((e) => ({ ...e, text: namePartiesIn(e.text, names) })) };
  return maskForReader(named, true);
}
