/**
 * Statutory periods. The split "3/5/10 days are working days, 15/45 days calendar days" follows Rules
 * Art. 80 as restated in domain.md §14.1 — tagged [R] (not confirmed verbatim), so every entry can be
 * overridden (config PERIODS_OVERRIDE, e.g. {"acceptance":{"unit":"calendar"}}).
 */
export type Unit = 'working' | 'calendar';

export interface PeriodRule {
  days: number;
  unit: Unit;
  basis: string;
  label: string;
  /**
   * Deemed-service periods only (`public_notice`, `deemed_service_left`, `deemed_service_posted`): whether a calendar-day
   * deemed service day moves off a rest day (CPL Art. 85(3)). Default false — see `deemedServiceDay`; a commission whose
   * practice rolls it over sets {"public_notice":{"rollOver":true}}.
   */
  rollOver?: boolean;
  /**
   * Periods counted back from a day (`hearing_notice` 开庭五日前, `postponement_request` 开庭三日前; LDMAL Art. 35): by
   * default the whole period must lie between the act and that day, both excluded (five clear working days between the
   * notice's service and the hearing). `true` counts the period back from the day itself, which then ends it: a notice
   * served on the fifth working day before the hearing is in time (CPL Art. 85's counting read from the hearing day) —
   * a commission reading 「开庭五日前」 so sets {"hearing_notice":{"countsTargetDay":true}} (legal52a Q1; domain.md §5).
   */
  countsTargetDay?: boolean;
  /**
   * s62 B #1 — `hearing_notice` only: whether the notice period is kept in simple handling (简易处理). LDMAL Art. 35
   * (开庭五日前书面通知) names no exception; Rules Art. 60 lets the tribunal of a simple case set the hearing date
   * flexibly (「可以根据案件情况确定…开庭日期」) and Art. 59 lets it notify by phone or SMS. Whether that relaxes the
   * statute's five days is Zhongcai's reading, not settled (domain.md §8.1 [S]): by default (false) a simple case's
   * hearing may be set at short notice — recorded with a warning that says so (workflows/hearings.ts
   * `simpleHearingNoticeWarnings`), never silently; a commission that keeps the period sets
   * {"hearing_notice":{"keptInSimple":true}}: refused as in an ordinary case, the notice deadline listed, and a late
   * notice grounds no deemed withdrawal or default award.
   */
  keptInSimple?: boolean;
}

export const DEFAULT_PERIODS = {
  supplement_notice: { days: 5, unit: 'working', basis: 'Rules Art. 29', label: '一次性告知补正期限' },
  acceptance: { days: 5, unit: 'working', basis: 'LDMAL Art. 29; Rules Arts. 30–31, 46(2)', label: '受理审查期限' },
  serve_respondent: { days: 5, unit: 'working', basis: 'LDMAL Art. 30; Rules Art. 33', label: '向被申请人送达申请书副本' },
  defense: { days: 10, unit: 'working', basis: 'LDMAL Art. 30; Rules Art. 33', label: '被申请人答辩期' },
  serve_defense_copy: { days: 5, unit: 'working', basis: 'LDMAL Art. 30', label: '向申请人送达答辩书副本' },
  tribunal_notice: { days: 5, unit: 'working', basis: 'LDMAL Art. 32; Rules Art. 37', label: '书面通知仲裁庭组成情况' },
  hearing_notice: { days: 5, unit: 'working', basis: 'LDMAL Art. 35; Rules Art. 38', label: '开庭通知送达（开庭5日前）' },
  postponement_request: { days: 3, unit: 'working', basis: 'LDMAL Art. 35; Rules Art. 38', label: '当事人申请延期开庭（开庭3日前）' },
  award: { days: 45, unit: 'calendar', basis: 'LDMAL Art. 43; Rules Arts. 45–46', label: '仲裁审理期限' },
  // domain.md §8.1 [S]: the national Rules (Arts. 56–61) do not shorten the 45 days for simple handling (简易处理); a
  // province may (Zhejiang-Reg Art. 39: 30 days from acceptance). Shandong-Reg is unread, so the default is the
  // statutory 45 and a commission sets its own, e.g. {"award_simple":{"days":30}}. It applies while the case is on
  // the simple procedure; after CONVERT_TO_ORDINARY `award` applies, still from the original acceptance (Rules Art. 61).
  award_simple: {
    days: 45,
    unit: 'calendar',
    basis: 'LDMAL Art. 43; Rules Arts. 45–46, 56–61 (provincial regulation may shorten)',
    label: '简易处理案件仲裁审理期限',
  },
  mediation: { days: 15, unit: 'calendar', basis: 'LDMAL Art. 14', label: '调解期限' },
  sue_non_final: { days: 15, unit: 'calendar', basis: 'LDMAL Art. 50', label: '非终局裁决起诉期间' },
  sue_final_worker: { days: 15, unit: 'calendar', basis: 'LDMAL Art. 48', label: '终局裁决劳动者起诉期间' },
  set_aside_employer: { days: 30, unit: 'calendar', basis: 'LDMAL Art. 49', label: '用人单位申请撤销终局裁决期间' },
  public_notice: { days: 30, unit: 'calendar', basis: 'CPL Art. 95; Rules Art. 46(6)', label: '公告送达期间' },
  // domain.md §14.2, §8.2, §16.1 #28, §16.2 #40: a document left at the addressee's domicile on refusal (留置送达), or
  // left or posted there in a mass case where the employer stopped business (张贴), with photo/video record, is deemed
  // served 3 days after (Rules Art. 20) — tagged [R], not confirmed against the text, hence configurable. Working days by
  // Rules Art. 80 [R] (its "3 days"). {"deemed_service_left":{"days":0}} is the CPL Art. 89 reading (served on the day
  // it is left).
  deemed_service_left: { days: 3, unit: 'working', basis: 'Rules Art. 20 [R]; CPL Art. 89', label: '留置送达视为送达' },
  deemed_service_posted: { days: 3, unit: 'working', basis: 'Rules Art. 20(2) [R]', label: '张贴送达视为送达' },
  // Round 2 (issue 11 "Missing"). Tagged [R] in domain.md (3-day recusal decision, 5+5-day review): configurable like the rest.
  recusal_decision: { days: 3, unit: 'working', basis: 'LDMAL Art. 33; Rules Arts. 11–12', label: '回避申请决定期限' },
  serve_added_party: { days: 5, unit: 'working', basis: 'Rules Art. 46(1); LDMAL Art. 30', label: '向追加的当事人送达申请书副本' },
  review_filing: { days: 15, unit: 'calendar', basis: 'Rules Art. 74', label: '申请仲裁审查期间（调解协议生效之日起）' },
  review: { days: 5, unit: 'working', basis: 'Rules Art. 76', label: '仲裁审查期限' },
  review_extension: { days: 5, unit: 'working', basis: 'Rules Art. 76', label: '仲裁审查期限延长（最多）' },
  sue_after_non_enforcement: { days: 30, unit: 'calendar', basis: 'SPC-1 Art. 24', label: '不予执行后起诉期间' },
  counterclaim_decision: { days: 5, unit: 'working', basis: 'Rules Art. 36', label: '反申请受理决定' },
  extension: { days: 15, unit: 'calendar', basis: 'LDMAL Art. 43; Rules Art. 45', label: '延长审理期限（最长）' },
  set_aside_after_suit: {
    days: 30,
    unit: 'calendar',
    basis: 'SPC-1 Art. 21(2)',
    label: '劳动者撤诉或起诉被驳回后用人单位申请撤销终局裁决期间',
  },
  sue_after_set_aside: { days: 15, unit: 'calendar', basis: 'LDMAL Art. 49(3)', label: '终局裁决被撤销后起诉期间' },
} satisfies Record<string, PeriodRule>;

/**
 * Days to pay printed on an award item that orders a payment and was issued without `paymentDays` (裁决主文
 * "于本裁决生效之日起十日内支付"). The document (templates/kinds.ts) and the enforcement window (CPL Art. 250: two
 * years from the last day of the performance period) read this one constant, so they cannot disagree. No statute
 * fixes it: it is the commission's drafting default.
 */
export const DEFAULT_PAYMENT_DAYS = 10;

/** CPL Art. 250: two years to apply for enforcement (a statutory year period, CivCode Art. 202 — not a day count). */
export const ENFORCEMENT_YEARS = 2;

export type PeriodKind = keyof typeof DEFAULT_PERIODS;

/**
 * Service methods whose service day is deemed, and the period after the commission's act that deems it (domain.md
 * §14.2): public notice (CPL Art. 95), leaving on refusal (留置, Rules Art. 20; CPL Art. 89) and posting (张贴, Rules
 * Art. 20(2)). Every period counted from service (defense, suing windows, hearing notice…) runs from the deemed day.
 */
export const DEEMED_SERVICE: Readonly<Record<string, PeriodKind>> = {
  public_notice: 'public_notice',
  left: 'deemed_service_left',
  posted: 'deemed_service_posted',
};
export const DEEMED_SERVICE_PERIODS = ['public_notice', 'deemed_service_left', 'deemed_service_posted'] as const;
/** The periods counted back from a day (the hearing): the ones `countsTargetDay` may be set for. */
export const BEFORE_TARGET_PERIODS = ['hearing_notice', 'postponement_request'] as const;
export type Periods = Record<PeriodKind, PeriodRule>;

/** LDMAL Art. 43: the award limit may be extended once by no more than 15 days (`extension` in the table). */
export const MAX_EXTENSION_DAYS = DEFAULT_PERIODS.extension.days;

/** "5个工作日" / "15日": the words for a period in Chinese, for explanations and rule messages. */
export const periodWords = (rule: { days: number; unit: Unit }): string => `${rule.days}${rule.unit === 'working' ? '个工作日' : '日'}`;

export function resolvePeriods(override?: string): Periods {
  const out = structuredClone(DEFAULT_PERIODS) as Periods;
  if (!override) return out;
  const parsed = JSON.parse(override) as Record<string, Partial<PeriodRule>>;
  for (const [k, v] of Object.entries(parsed)) {
    if (!(k in out)) throw new Error(`PERIODS_OVERRIDE: unknown period "${k}"`);
    const cur = out[k as PeriodKind];
    if (v.days !== undefined && (!Number.isInteger(v.days) || v.days < 0))
      throw new Error(`PERIODS_OVERRIDE: ${k}.days must be a whole number`);
    if (v.unit !== undefined && v.unit !== 'working' && v.unit !== 'calendar')
      throw new Error(`PERIODS_OVERRIDE: ${k}.unit must be working or calendar`);
    if (v.rollOver !== undefined && (!(DEEMED_SERVICE_PERIODS as readonly string[]).includes(k) || typeof v.rollOver !== 'boolean'))
      throw new Error(`PERIODS_OVERRIDE: rollOver is a true/false setting of public_notice only (and the other deemed-service periods)`);
    if (
      v.countsTargetDay !== undefined &&
      (!(BEFORE_TARGET_PERIODS as readonly string[]).includes(k) || typeof v.countsTargetDay !== 'boolean')
    )
      throw new Error(`PERIODS_OVERRIDE: countsTargetDay is a true/false setting of hearing_notice and postponement_request only`);
    if (v.keptInSimple !== undefined && (k !== 'hearing_notice' || typeof v.keptInSimple !== 'boolean'))
      throw new Error(`PERIODS_OVERRIDE: keptInSimple is a true/false setting of hearing_notice only`);
    out[k as PeriodKind] = { ...cur, ...v };
  }
  return out;
}
