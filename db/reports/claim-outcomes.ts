import type { Knex } from 'knex';
import { type ClaimStatLine, changedByCourt, courtDecided } from '../../workflows/claim-outcomes.ts';
import { formatMoney } from '../../workflows/identifiers.ts';
import { claimLinesOf } from '../../workflows/stat-facts.ts';
import { factsFromRow } from '../stores/stats.ts';
import { counterSums, type PeriodQuery, rowsOf, type Sums, validRows, zeroSums } from './closure-rate.ts';
import { type Fraction, fraction } from './fraction.ts';

/**
 * Claims awarded in a period and what courts made of them (issue 17): the amount claimed vs awarded vs finally upheld,
 * and the share of awards changed by courts, per claim category — a measure of award quality. Formula version
 * CLAIM_FORMULA_VERSION, returned with every figure.
 *
 * - the cohort is the award items made in [from, to] (partial awards on their own day), counted once per claim;
 * - claimed / awarded: the amounts of those items (a dismissed item awards 0);
 * - settled: the items whose final amount is known — decided by a court, or standing unchallenged (a final item, or a
 *   non-final one once the award took effect); upheld: the final amount of the settled items, compared with
 *   `settledAwarded`, the awarded amount of the same items;
 * - challenged: items a suit or set-aside application reached; courtDecided: of those, the proceeding ended;
 *   courtChanged: changed, revoked, or found without effect (SPC-2000 Art. 3);
 * - changedShare = courtChanged ÷ courtDecided (how often a court that decided an award changed it);
 *   changedOfAwarded = courtChanged ÷ items (how many awards of the period ended up changed).
 * Read from the counters (dim `claim_category` and the headline); `asOf` reproduces the figures as recorded then.
 *
 * 2026.2 (stop 46, M4): under claims of each worker's own (`applicant` set, Rules Art. 62) a worker's suit reaches his
 * own items and the applicants' together only — another worker's final award stands for him (LDMAL Art. 48; SPC-1
 * Arts. 17, 19); a worker's own non-final item is settled once the award took effect for him. The claim lines are stored
 * per case (case_stat_rows): after upgrading run `npm run stats:reproject` once.
 */
export const CLAIM_FORMULA_VERSION = 'zhongcai-claims-2026.3';

export interface ClaimFigures {
  items: number;
  claimed: string;
  awarded: string;
  settled: number;
  settledAwarded: string;
  upheld: string;
  challenged: number;
  courtDecided: number;
  courtChanged: number;
  changedShare: Fraction;
  changedOfAwarded: Fraction;
}

function figures(s: Sums): ClaimFigures {
  return {
    items: s.claim_items,
    claimed: formatMoney(s.claim_claimed_fen),
    awarded: formatMoney(s.claim_awarded_fen),
    settled: s.claim_settled,
    settledAwarded: formatMoney(s.claim_settled_awarded_fen),
    upheld: formatMoney(s.claim_upheld_fen),
    challenged: s.claim_challenged,
    courtDecided: s.claim_court_decided,
    courtChanged: s.claim_court_changed,
    changedShare: fraction(s.claim_court_changed, s.claim_court_decided),
    changedOfAwarded: fraction(s.claim_court_changed, s.claim_items),
  };
}

/** GET /api/stats/claims: the headline and one row per claim category with items in the period. */
export async function claimOutcomeFigures(knex: Knex, q: PeriodQuery, label: (category: string) => string) {
  const sums = await counterSums(knex, q, ['all', 'claim_category']);
  const categories = [...sums]
    .filter(([k, s]) => k.startsWith('claim_category\u0000') && s.claim_items !== 0)
    .map(([k, s]) => {
      const key = k.split('\u0000')[1] as string;
      return { key, label: label(key), ...figures(s) };
    })
    .sort((a, b) => b.items - a.items || a.key.localeCompare(b.key));
  return {
    from: q.from,
    to: q.to,
    asOf: q.asOf ?? null,
    formulaVersion: CLAIM_FORMULA_VERSION,
    ...figures(sums.get('all\u0000all') ?? zeroSums()),
    categories,
  };
}

export const CLAIM_MEASURES = ['items', 'settled', 'challenged', 'courtDecided', 'courtChanged'] as const;
export type ClaimMeasure = (typeof CLAIM_MEASURES)[number];

const MEASURE_TEST: Record<ClaimMeasure, (l: ClaimStatLine) => boolean> = {
  items: () => true,
  settled: (l) => l.upheldFen !== null,
  challenged: (l) => l.challenged,
  courtDecided: (l) => courtDecided(l.court),
  courtChanged: (l) => changedByCourt(l.court),
};

/**
 * GET /api/stats/claims/cases: the claims behind one figure, read from the row versions (not the counters): the rows
 * valid at the end of `asOf` (or now) whose award days meet the period, each claim line tested in turn.
 */
export async function claimOutcomeClaims(
  knex: Knex,
  q: PeriodQuery & { measure: ClaimMeasure; category?: string; limit: number; offset: number },
) {
  const v = validRows(q);
  const rows = rowsOf(
    await knex.raw(
      `SELECT s.*, c.case_no FROM case_stat_rows s JOIN cases c ON c.id = s.case_id
       WHERE ${v.sql.replace(/recorded_/g, 's.recorded_')} AND s.claim_award_to >= ? AND s.claim_award_from <= ?
       ORDER BY s.case_id`,
      [...v.bindings, q.from, q.to],
    ),
  );
  const items: Record<string, unknown>[] = [];
  for (const r of rows) {
    for (const l of claimLinesOf(factsFromRow(r))) {
      if (l.on < q.from || l.on > q.to) continue;
      if (q.category && l.category !== q.category) continue;
      if (!MEASURE_TEST[q.measure](l)) continue;
      items.push({
        caseId: Number(r.case_id),
        caseNo: r.case_no ?? null,
        claimId: l.claimId,
        category: l.category,
        awardedOn: l.on,
        claimed: formatMoney(l.claimedFen),
        awarded: formatMoney(l.awardedFen),
        challenged: l.challenged,
        court: l.court,
        upheld: l.upheldFen === null ? null : formatMoney(l.upheldFen),
      });
    }
  }
  return { total: items.length, items: items.slice(q.offset, q.offset + q.limit) };
}
