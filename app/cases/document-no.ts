import type { Knex } from 'knex';
import { formatCaseNo } from '../../workflows/case-number.ts';
import type { Deps } from '../deps.ts';

/**
 * The number a case without a case number is known by (reviewer docsfix L1, M1): an arbitral review's 审字 number
 * (Rules Arts. 74–79; taken with its first numbered document, app/documents/generate-document.ts reviewNumber, in the
 * REVIEW_NO_PREFIX series) or a rejected application's 不予受理通知书 不字 number (LDMAL Art. 29; Rules Art. 30; taken
 * with REJECT, REJECTION_NO_PREFIX). Read only — never taken here — for the given cases without a case number, two
 * statements whatever their count; absent from the map where none was taken.
 */
export async function documentNumbersOf(
  deps: Pick<Deps, 'stores' | 'config'>,
  k: Knex,
  cases: { id: number; caseNo: string | null }[],
): Promise<Map<number, string>> {
  const ids = cases.filter((c) => c.caseNo === null).map((c) => c.id);
  const out = new Map<number, string>();
  if (!ids.length) return out;
  const [reviews, rejections] = await Promise.all([
    deps.stores.documents.numbersOf(k, ids, 'review'),
    deps.stores.documents.numbersOf(k, ids, 'rejection_notice'),
  ]);
  for (const id of ids) {
    const r = reviews.get(id);
    const n = rejections.get(id);
    if (r) out.set(id, formatCaseNo(deps.config.reviewNoPrefix, r.year, r.serial));
    else if (n) out.set(id, formatCaseNo(deps.config.rejectionNoPrefix, n.year, n.serial));
  }
  return out;
}
