import { formatMoney, parseMoney } from './identifiers.ts';
import type { ClaimCategory } from './reference.ts';

/**
 * Final-award classification (终局裁决), LDMAL Art. 47; SPC-1 Arts. 19–20; Rules Art. 50.
 *
 * - Remuneration, work-injury medical costs, economic compensation and damages items are final when the
 *   **awarded** amount of each item does not exceed 12 × the local monthly minimum wage in force on the award
 *   date (SPC-1 Art. 19; "not exceeding" includes equality, CivCode Art. 1259). A dismissed item (0 awarded) is final.
 *   Both readings are local practice to confirm (domain.md §9.3): `dismissedItemsFinal` and `minimumWageDate`.
 * - Disputes over national labor standards (working hours, rest and leave, social insurance) are final
 *   (LDMAL Art. 47(2)).
 * - A claim confirming a labor relationship makes the items of the worker whose relationship it is non-final (Op-2022
 *   [R] — configurable): in a collective case each worker's dispute is his own and read item by item (SPC-1 Art. 19;
 *   Rules Art. 50), so another worker's items are classified on their own; a claim concerning every worker (an
 *   employer applicant's, a union's, the applicants' together) makes every item non-final.
 * - Anything else (contract disputes, other) is non-final (LDMAL Art. 50).
 */
export const MONETARY_FINAL_CATEGORIES: readonly ClaimCategory[] = ['wages', 'work_injury_medical', 'economic_compensation', 'damages'];
export const STANDARDS_FINAL_CATEGORIES: readonly ClaimCategory[] = ['labor_standards', 'social_insurance'];

export interface FinalityOptions {
  /**
   * Op-2022 [R]: a claim to confirm a labor relationship makes the award non-final — for the worker whose claim it is
   * (his items only, in a collective case), or for every worker where it concerns them all.
   */
  confirmRelationshipMakesCaseNonFinal: boolean;
  /**
   * domain.md §9.3 [S], to confirm locally: a dismissed LDMAL Art. 47(1) item (remuneration, work-injury medical costs,
   * compensation, damages) is final — awarded 0 is "not exceeding" the threshold (a Beijing guideline,
   * <http://m.cnlaw.net/doc/33044.htm>). Default true; false makes a dismissed Art. 47(1) item non-final
   * (config FINAL_AWARD_DISMISSED_ITEMS=non_final).
   */
  dismissedItemsFinal: boolean;
  /**
   * Zhongcai's reading of LDMAL Art. 47(1), not in domain.md (to confirm locally): an employer's claim against a worker
   * of an Art. 47(1) category is non-final — the article makes final what a worker 追索. Default true; false classifies
   * it by category and amount like a worker's (config FINAL_AWARD_EMPLOYER_CLAIMS=by_category).
   */
  employerClaimsNonFinal: boolean;
  /**
   * The same reading for a union's claim for the workers under a collective contract (Rules Art. 64; LCL Art. 56): the
   * union is not a worker recovering his own. Default true; false classifies it like a worker's (config
   * FINAL_AWARD_UNION_CLAIMS=by_category).
   */
  unionClaimsNonFinal: boolean;
}
export const DEFAULT_FINALITY_OPTIONS: FinalityOptions = {
  confirmRelationshipMakesCaseNonFinal: true,
  dismissedItemsFinal: true,
  employerClaimsNonFinal: true,
  unionClaimsNonFinal: true,
};

/**
 * Which day's monthly minimum wage the LDMAL Art. 47(1) threshold uses (domain.md §9.3 [S], to confirm locally):
 * `award` — the one in force when the award is made (the Beijing guideline's reading; the default); `received` — when
 * the application was received; `accepted` — when the case was accepted. Config FINAL_AWARD_WAGE_DATE.
 */
export const MINIMUM_WAGE_DATES = ['award', 'received', 'accepted'] as const;
export type MinimumWageDate = (typeof MINIMUM_WAGE_DATES)[number];
export const DEFAULT_MINIMUM_WAGE_DATE: MinimumWageDate = 'award';

/** The day whose minimum wage the final-award threshold reads, per the configured reading (the award day if unknown). */
export function minimumWageDate(
  reading: MinimumWageDate,
  dates: { awardOn: string; receivedOn?: string | null; acceptedOn?: string | null },
): string {
  if (reading === 'received') return dates.receivedOn ?? dates.awardOn;
  if (reading === 'accepted') return dates.acceptedOn ?? dates.awardOn;
  return dates.awardOn;
}

export type Outcome = 'granted' | 'partly' | 'dismissed';
export type Finality = 'final' | 'non_final' | 'mixed';

export interface ItemToClassify {
  claimId: number;
  category: ClaimCategory;
  outcome: Outcome;
  /** Awarded amount in fen; 0 or null when dismissed or non-monetary. */
  amountFen: number | null;
  /** The employer's claim against a worker: the employer applied, or counterclaimed (Rules Art. 36; workflows/sides.ts). */
  byEmployer?: boolean;
  /** A union's claim for the workers (Rules Art. 64; workflows/sides.ts claimByUnion), not a worker's own. */
  byUnion?: boolean;
  /** The worker whose own claim it is (workflows/sides.ts claimWorker); null or absent: it concerns every worker. */
  worker?: number | null;
  /**
   * docs56 #1: each worker's share of an item on a claim of several workers together (absent: the item's amount is read
   * as one, as before). Each worker's dispute is his own (SPC-1 Art. 19; Rules Art. 50): his share is compared.
   */
  shares?: { partyId: number; amountFen: number }[];
}

/** A claim of the case as the confirmation rule reads it: its category, and whose it is (absent: every worker's). */
export type CaseClaim = ClaimCategory | { category: ClaimCategory; worker?: number | null };

export interface ClassifiedItem extends Omit<ItemToClassify, 'shares'> {
  final: boolean;
  reason: string;
  /** docs56 #1: each share, final or not for its worker (LDMAL Art. 47(1) against his share). */
  shares?: { partyId: number; amountFen: number; final: boolean }[];
}

export function classifyAward(
  items: ItemToClassify[],
  monthlyMinimumWageFen: number,
  allClaimCategories: CaseClaim[],
  opts: Partial<FinalityOptions> = DEFAULT_FINALITY_OPTIONS,
): { items: ClassifiedItem[]; finality: Finality; thresholdFen: number } {
  const options: FinalityOptions = { ...DEFAULT_FINALITY_OPTIONS, ...opts };
  const thresholdFen = 12 * monthlyMinimumWageFen;
  // Op-2022 [R]: whose relationship is to be confirmed — one worker's (his own claim), or every worker's (null).
  const confirming = options.confirmRelationshipMakesCaseNonFinal
    ? allClaimCategories
        .map((c) => (typeof c === 'string' ? { category: c, worker: null } : { category: c.category, worker: c.worker ?? null }))
        .filter((c) => c.category === 'confirm_relationship')
        .map((c) => c.worker)
    : [];
  const one = ({ shares: given, ...it }: ItemToClassify): ClassifiedItem => {
    // legal51a L1: checked before the confirmation rule — an employer's claim is non-final whatever the case confirms,
    // and its reason is that ground (a partial award's counterclaim item read 「本案涉及确认劳动关系」).
    // LDMAL Art. 47(1) makes final what a worker 追索 (recovers: remuneration, work-injury medical costs, compensation or
    // damages) up to twelve months' minimum wage: an employer's claim of such a category against a worker — as the
    // applicant or by counterclaim — is not one. Art. 47(2) (national labor standards) does not ask who claims.
    if (it.byEmployer && options.employerClaimsNonFinal && MONETARY_FINAL_CATEGORIES.includes(it.category)) {
      return {
        ...it,
        final: false,
        reason:
          '用人单位对劳动者的请求，不属于劳动争议调解仲裁法第四十七条第一项（劳动者追索劳动报酬、工伤医疗费、经济补偿或者赔偿金）的终局裁决事项，非终局',
      };
    }
    // SPC-1 Art. 19; Rules Art. 50: item by item, per worker — another worker's confirmation is not this one's dispute.
    const mine = it.worker ?? null;
    if (confirming.some((w) => w === null || mine === null || w === mine))
      return {
        ...it,
        final: false,
        reason:
          mine !== null && !confirming.includes(null)
            ? '该劳动者的请求涉及确认劳动关系，其裁决事项为非终局（人社部发〔2022〕9号）'
            : '本案涉及确认劳动关系，裁决为非终局（人社部发〔2022〕9号）',
      };
    if (it.byUnion && options.unionClaimsNonFinal && MONETARY_FINAL_CATEGORIES.includes(it.category)) {
      return {
        ...it,
        final: false,
        reason:
          '工会为劳动者提出的请求（劳动人事争议仲裁办案规则第六十四条），不属于劳动争议调解仲裁法第四十七条第一项劳动者追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的终局裁决事项，非终局',
      };
    }
    if (MONETARY_FINAL_CATEGORIES.includes(it.category)) {
      // domain.md §9.3 (to confirm locally; FINAL_AWARD_DISMISSED_ITEMS): a dismissed Art. 47(1) item as non-final.
      if (it.outcome === 'dismissed' && !options.dismissedItemsFinal) {
        return { ...it, final: false, reason: '该项请求被驳回，按本委对驳回的第四十七条第一项请求的处理口径，非终局' };
      }
      // FINAL_AWARD_DISMISSED_ITEMS=final (the default): a dismissed item awards nothing, so no amount is compared — it is
      // counted final under the setting, and its reason says so (reviewer legal L1: it read "裁决金额不超过…").
      if (it.outcome === 'dismissed')
        return {
          ...it,
          final: true,
          reason: '该项请求被驳回，按本委对驳回的第四十七条第一项请求的处理口径，计为终局（劳动争议调解仲裁法第四十七条第一项）',
        };
      // fixS57 (legal57a #1, docs57 #1): a joint claim's sum split among its workers — each worker's share is final or
      // not on ITS OWN amount (LDMAL Art. 47(1): what a worker recovers; SPC-1 Art. 19: item by item, each worker's
      // dispute his own). An item whose shares differ is split (Rules Art. 50): its final shares belong to the final
      // award document (第N-1号), its non-final ones to the non-final one (第N-2号) — `itemPart` below. The item's own
      // `final` says whether ALL of it is final; every reader of finality reads the shares (`hasPart`), so that case.json,
      // the documents and the parties' windows agree share by share (reviewer s56 A M2).
      if (given?.length) {
        const limit = `当地月最低工资标准十二个月金额（${thresholdFen / 100}元）`;
        const shares = given.map((sh) => ({ ...sh, final: sh.amountFen <= thresholdFen }));
        const over = shares.filter((sh) => !sh.final).length;
        return over === 0
          ? {
              ...it,
              shares,
              final: true,
              reason: `每名申请人分得的裁决金额均不超过${limit}，终局（劳动争议调解仲裁法第四十七条第一项）`,
            }
          : {
              ...it,
              shares,
              final: false,
              reason:
                over === shares.length
                  ? `每名申请人分得的裁决金额均超过${limit}，非终局`
                  : `部分申请人分得的裁决金额超过${limit}：分得金额不超过的部分终局，超过的部分非终局（劳动争议调解仲裁法第四十七条第一项；最高人民法院劳动争议解释（一）第十九条；劳动人事争议仲裁办案规则第五十条）`,
            };
      }
      const amount = it.amountFen ?? 0;
      return amount <= thresholdFen
        ? {
            ...it,
            final: true,
            reason: `裁决金额不超过当地月最低工资标准十二个月金额（${thresholdFen / 100}元），终局（劳动争议调解仲裁法第四十七条第一项）`,
          }
        : { ...it, final: false, reason: `裁决金额超过当地月最低工资标准十二个月金额（${thresholdFen / 100}元），非终局` };
    }
    if (STANDARDS_FINAL_CATEGORIES.includes(it.category)) {
      return { ...it, final: true, reason: '执行国家劳动标准发生的争议，终局（劳动争议调解仲裁法第四十七条第二项）' };
    }
    return { ...it, final: false, reason: '不属于劳动争议调解仲裁法第四十七条规定的终局裁决事项，非终局' };
  };
  // A share of an item decided otherwise than by its amount (an employer's, a union's, a confirmation's, a dismissed
  // one's, a labor-standards item) is what the item is.
  const classified = items.map((it): ClassifiedItem => {
    const r = one(it);
    return it.shares?.length && !r.shares ? { ...r, shares: it.shares.map((sh) => ({ ...sh, final: r.final })) } : r;
  });
  // By parts: a split item (fixS57) gives the award a final part and a non-final part (Rules Art. 50).
  const anyFinal = classified.some((i) => hasPart(i, true));
  const anyNonFinal = classified.some((i) => hasPart(i, false));
  const finality: Finality = !anyNonFinal ? 'final' : !anyFinal ? 'non_final' : 'mixed';
  return { items: classified, finality, thresholdFen };
}

/** An award item as finality reads it: its own `final`, and each worker's share of a joint item with its own. */
export interface ItemWithParts {
  final: boolean;
  shares?: readonly { partyId: number; final: boolean }[];
}

/**
 * fixS57: the item has a part of this finality — a share of it (a joint item split among its workers: each share is
 * final or not on its own amount, LDMAL Art. 47(1); SPC-1 Art. 19), or, without shares, the item itself. A split item
 * (shares of both) has both: it belongs to both documents of a split award (Rules Art. 50).
 */
export function hasPart(item: ItemWithParts, final: boolean): boolean {
  return item.shares?.length ? item.shares.some((sh) => sh.final === final) : item.final === final;
}

/** The item is split: some of its shares final, some not (fixS57; Rules Art. 50). */
export const isSplit = (item: ItemWithParts): boolean => hasPart(item, true) && hasPart(item, false);

/** The workers whose shares of the item are of this finality; null: the item has no shares (it is whole). */
export function partWorkers(item: ItemWithParts, final: boolean): number[] | null {
  return item.shares?.length ? item.shares.filter((sh) => sh.final === final).map((sh) => sh.partyId) : null;
}

/** An award record's item (amounts as text), as `itemPart` splits it. */
export interface PartItem extends ItemWithParts {
  amount?: string | null;
  shares?: readonly { partyId: number; final: boolean; amount: string }[];
}

/**
 * fixS57: the item's part of this finality, as the award document (-1 final, -2 non-final; Rules Art. 50), the windows,
 * the court hand-off and the enforcement read it: a whole item of that finality as it is; of a split item, its shares of
 * that finality only, its `amount` their sum and `final` the part's; null where the item has no such part.
 */
export function itemPart<T extends PartItem>(item: T, final: boolean): T | null {
  if (!hasPart(item, final)) return null;
  if (!isSplit(item)) return item;
  const shares = (item.shares ?? []).filter((sh) => sh.final === final);
  const fen = shares.reduce((n, sh) => n + (parseMoney(sh.amount) ?? 0), 0);
  return { ...item, final, shares, amount: formatMoney(fen) };
}

/** The parts of these items of this finality (fixS57): what a split award's document of that finality decides. */
export function itemsPart<T extends PartItem>(items: readonly T[], final: boolean): T[] {
  return items.flatMap((i) => {
    const p = itemPart(i, final);
    return p ? [p] : [];
  });
}
