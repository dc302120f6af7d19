import { type StandardsSubject, standardsSubject } from '../workflows/standards-subject.ts';

/**
 * The legal basis an award cites (本委认为…依照…之规定，裁决如下), per item and per finality. These are suggestions the
 * arbitrator confirms or edits (ISSUE_AWARD `items[].legalBasis`, or `legalBasis` on the document request); the
 * award prints the edited list when there is one. The substantive articles are the usual ones for each claim
 * category; the final-award article (LDMAL Art. 47) is suggested only for items classified final, and a wholly
 * dismissed item suggests the burden-of-proof rule (LDMAL Art. 6). Edit SUGGESTED to change them.
 */
const LCL = '《中华人民共和国劳动合同法》';
const LL = '《中华人民共和国劳动法》';
const LDMAL = '《中华人民共和国劳动争议调解仲裁法》';

export const SUGGESTED: Record<string, string[]> = {
  wages: [`${LCL}第三十条`],
  work_injury_medical: ['《工伤保险条例》第三十条'],
  economic_compensation: [`${LCL}第四十六条`, `${LCL}第四十七条`],
  // A broad category (LCL Chapter 7: 二倍工资, 违法解除赔偿金, 违法约定试用期赔偿金, 加付赔偿金 …): each has its own article —
  // see `damagesSubject`; what its words do not name, the arbitrator cites (an outside tester: 违法解除劳动合同赔偿金 cited
  // Art. 82, the double wages for no written contract).
  damages: [],
  // A broad category (LDMAL Art. 47(2): 工作时间、休息休假、社会保险等国家劳动标准): no one article fits all it holds — see
  // `standardsSubject`; what its words do not name, the arbitrator cites.
  labor_standards: [],
  social_insurance: [`${LL}第七十二条`],
  labor_protection: [`${LL}第五十二条`],
  training: [`${LCL}第二十二条`],
  contract_change: [`${LCL}第三十五条`],
  confirm_relationship: [`${LCL}第七条`],
  // A broad category (a certificate of termination, continued performance, a contract signed …): each has its own
  // article — see `contractSubject`; what its words do not name, the arbitrator cites (reviewer docs45 M1: LCL Art. 3,
  // the principles of contracting, was cited for 出具解除劳动合同的证明).
  contract: [],
  other: [],
};
/** LDMAL Art. 47(1): remuneration, work-injury medical costs, compensation, damages up to 12 months' minimum wage. */
const FINAL_MONETARY = ['wages', 'work_injury_medical', 'economic_compensation', 'damages'];
/** LDMAL Art. 47(2): national labor standards (working hours, rest and leave, social insurance). */
const FINAL_STANDARDS = ['labor_standards', 'social_insurance'];

/**
 * An employer's claim against a worker (an employer applying, or its counterclaim, Rules Art. 36): the articles on the
 * worker's liability. Anything else it claims has no usual article: the arbitrator writes the basis.
 */
export const EMPLOYER_SUGGESTED: Record<string, string[]> = {
  // 服务期违约金 for training paid by the employer.
  training: [`${LCL}第二十二条`],
  // Damages for an unlawful resignation or a breach of confidentiality or non-competition.
  damages: [`${LCL}第九十条`],
  contract: [`${LCL}第二十三条`, `${LCL}第九十条`],
};

/**
 * What a worker's claim of the category `damages` is for, read from its words where they name one kind only; null when
 * they name none or several (no suggestion then: the arbitrator writes the basis).
 */
export type DamagesSubject = 'double_wages' | 'unlawful_termination' | 'unlawful_probation' | 'additional_compensation';
const DAMAGES_WORDS: [DamagesSubject, RegExp][] = [
  ['double_wages', /二倍工资|双倍工资|未(依法)?(签订|订立|签)(书面)?劳动合同/u],
  ['unlawful_termination', /违法(解除|终止)|违反.{0,8}(解除|终止)/u],
  ['unlawful_probation', /试用期/u],
  ['additional_compensation', /加付赔偿金/u],
];
export function damagesSubject(description: string | null | undefined): DamagesSubject | null {
  const found = DAMAGES_WORDS.filter(([, re]) => re.test(description ?? '')).map(([s]) => s);
  return found.length === 1 ? (found[0] as DamagesSubject) : null;
}
const DAMAGES_SUGGESTED: Record<DamagesSubject, string[]> = {
  // LCL Art. 82: twice the monthly wage for each month without a written contract (Art. 10: within one month).
  double_wages: [`${LCL}第十条`, `${LCL}第八十二条`],
  // LCL Art. 87 (twice the Art. 47 economic compensation) for a termination contrary to the law; Art. 48 the choice.
  unlawful_termination: [`${LCL}第四十八条`, `${LCL}第八十七条`],
  // LCL Art. 83: a probation agreed contrary to the law, paid for the time it exceeded.
  unlawful_probation: [`${LCL}第十九条`, `${LCL}第八十三条`],
  // LCL Art. 85: the additional compensation (50–100%) after an order to pay by the labor administration.
  additional_compensation: [`${LCL}第八十五条`],
};

/**
 * What a worker's claim of the category `contract` asks for, read from its words where they name one kind only; null
 * when they name none or several (no suggestion then: the arbitrator writes the basis).
 */
export type ContractSubject = 'termination_papers' | 'continued_performance' | 'open_ended_contract';
const CONTRACT_WORDS: [ContractSubject, RegExp][] = [
  ['termination_papers', /(解除|终止|离职)[^，。；;]{0,10}证明|(退还|转移|移交|办理).{0,8}(档案|社会保险关系|社保关系)/u],
  ['continued_performance', /继续履行|恢复劳动关系|撤销.{0,10}(解除|终止)/u],
  ['open_ended_contract', /无固定期限劳动合同/u],
];
export function contractSubject(description: string | null | undefined): ContractSubject | null {
  const found = CONTRACT_WORDS.filter(([, re]) => re.test(description ?? '')).map(([x]) => x);
  return found.length === 1 ? (found[0] as ContractSubject) : null;
}
const CONTRACT_SUGGESTED: Record<ContractSubject, string[]> = {
  // LCL Art. 50: on ending the contract the employer issues a certificate of its termination and, within 15 days,
  // transfers the worker's file and social-insurance relationship.
  termination_papers: [`${LCL}第五十条`],
  // LCL Art. 48: a termination contrary to the law, and the worker asks that the contract go on — it is performed.
  continued_performance: [`${LCL}第四十八条`],
  // LCL Art. 14: when an open-ended contract is to be concluded (ten years' service, the third contract …).
  open_ended_contract: [`${LCL}第十四条`],
};
/**
 * An `economic_compensation` claim whose words ask for damages (赔偿金, 二倍工资) rather than the compensation of LCL
 * Art. 46–47 (reviewer docs45 M1: 违法解除劳动合同赔偿金 cited Arts. 46/47, not Arts. 48/87): read as `damagesSubject`.
 */
const DAMAGES_NAMED = /赔偿金|二倍工资|双倍工资/u;

/** LL Art. 44 and LCL Art. 31: the articles on overtime and its pay. */
const OVERTIME = [`${LL}第四十四条`, `${LCL}第三十一条`];
/**
 * 工伤保险条例 Art. 33(1): during the 停工留薪期 the worker's former wages and benefits stay unchanged, paid monthly by
 * the employer — the article a claim to wages for that period rests on, not LCL Art. 30 nor Art. 30 of the regulation
 * (medical treatment).
 */
const INJURY_LEAVE = ['《工伤保险条例》第三十三条'];
/**
 * A worker's claim to pay of a kind with an article of its own, read from its words (reviewer docs45 #4): overtime pay
 * (加班费, 延长工作时间工资) or wages during work-injury leave (停工留薪期工资); null when they name neither or both.
 */
export type PaySubject = 'overtime' | 'injury_leave';
const PAY_WORDS: [PaySubject, RegExp][] = [
  ['overtime', /加班|延长工作时间/u],
  ['injury_leave', /停工留薪/u],
];
export function paySubject(description: string | null | undefined): PaySubject | null {
  const found = PAY_WORDS.filter(([, re]) => re.test(description ?? '')).map(([x]) => x);
  return found.length === 1 ? (found[0] as PaySubject) : null;
}
const PAY_SUGGESTED: Record<PaySubject, string[]> = { overtime: OVERTIME, injury_leave: INJURY_LEAVE };
/** The categories a claim to such pay is filed under: remuneration, work-injury costs, or a labor standard. */
const PAY_CATEGORIES = new Set(['wages', 'work_injury_medical']);

/** Words of a claim to a social-insurance benefit rather than to contributions paid (`suggestedBasis`). */
const SOCIAL_INSURANCE_BENEFIT = /待遇|津贴|保险金|报销|医疗费|损失|赔偿/u;
const SUBJECT_SUGGESTED: Record<StandardsSubject, string[]> = {
  // LL Art. 72: employer and worker take part in social insurance and pay its contributions (as category social_insurance).
  social_insurance: [`${LL}第七十二条`],
  // LL Art. 44: the pay for extended hours, rest days and holidays (150%, 200%, 300%); LCL Art. 31: no forced overtime,
  // and overtime arranged is paid as the state provides (reviewer docs45 #4: the two articles an overtime award cites).
  overtime: OVERTIME,
  // 职工带薪年休假条例 Art. 5: leave not taken is paid at 300% of the daily wage.
  annual_leave: ['《职工带薪年休假条例》第五条'],
};

/**
 * fixD57 #3 — the joint liability an award item orders (`jointLiability`, 连带责任), by who answers jointly:
 * `dispatch`: a labor-dispatch agency and the unit using the worker — jointly liable where the user unit harmed the
 *   dispatched worker (LCL Art. 92(2); domain.md §1.2 [C]);
 * `contractor`: the organization that let a contract and the individual contractor who took on workers contrary to the
 *   law (LCL Art. 94; Rules Art. 7 makes them co-parties; domain.md §1.2 [R]).
 * Read from the record (`jointGround`); where it cannot tell, no article is suggested for the joint liability — the
 * arbitrator writes it (jointly liable is by law or agreement only, so no general article fits every case).
 */
export type JointGround = 'dispatch' | 'contractor';
const JOINT_SUGGESTED: Record<JointGround, string[]> = {
  dispatch: [`${LCL}第九十二条第二款`],
  contractor: [`${LCL}第九十四条`],
};
/** The name of a labor-dispatch agency (劳务派遣单位 must be licensed, LCL Art. 57; its name says its trade). */
const DISPATCH_NAME = /劳务派遣/u;
/**
 * What kind of joint liability an item's obligors (the respondents who perform it and answer jointly, two or more)
 * bear, from how the record knows them: a respondent added on the ground `dispatch` or `contractor` (ADD_PARTY, LDMAL
 * Art. 22(2); Rules Art. 7), else an organization named as a dispatch agency (劳务派遣) beside one that is not (the
 * user unit) [R — a reading of the name; the arbitrator confirms the suggestion]. null: it cannot tell.
 */
export function jointGround(
  obligors: readonly { id?: number; name: string; kind?: string }[],
  additions: readonly { partyId: number; ground: string }[] = [],
): JointGround | null {
  if (obligors.length < 2) return null;
  const grounds = new Set(obligors.map((p) => additions.find((a) => a.partyId === p.id)?.ground));
  if (grounds.has('dispatch')) return 'dispatch';
  if (grounds.has('contractor')) return 'contractor';
  const agency = obligors.filter((p) => p.kind !== 'person' && DISPATCH_NAME.test(p.name));
  return agency.length >= 1 && agency.length < obligors.length ? 'dispatch' : null;
}

/**
 * `description`: the claim's words, which tell what a claim of a broad category is about (`standardsSubject`). A
 * granted or partly granted claim of that category whose words do not tell gets no suggestion at all — not even
 * LDMAL Art. 47(2) alone — so the award asks the arbitrator for its basis rather than cite an article it may not fit.
 */
export function suggestedBasis(
  category: string,
  outcome: string,
  final: boolean,
  opts: { byEmployer?: boolean; description?: string | null; joint?: JointGround | null } = {},
): string[] {
  const table = opts.byEmployer ? EMPLOYER_SUGGESTED : SUGGESTED;
  const subject = !opts.byEmployer && category === 'labor_standards' ? standardsSubject(opts.description) : null;
  if (!opts.byEmployer && category === 'labor_standards' && !subject && outcome !== 'dismissed') return [];
  // A social-insurance benefit (工伤保险待遇, 失业保险金, 生育津贴, medical costs) is not LL Art. 72's joining and paying
  // contributions: its basis is the benefit's own regulation (工伤保险条例, 社会保险法), which the arbitrator writes (reviewer).
  if (subject === 'social_insurance' && SOCIAL_INSURANCE_BENEFIT.test(opts.description ?? '') && outcome !== 'dismissed') return [];
  // A worker's damages claim: the article of the kind its words name, or none (never LCL Art. 82 for a termination).
  const damages =
    !opts.byEmployer && (category === 'damages' || (category === 'economic_compensation' && DAMAGES_NAMED.test(opts.description ?? '')))
      ? damagesSubject(opts.description)
      : null;
  if (!opts.byEmployer && category === 'damages' && !damages && outcome !== 'dismissed') return [];
  // A worker's contract claim: the article of what its words ask for, or none (never LCL Art. 3 for a certificate).
  const contract = !opts.byEmployer && category === 'contract' ? contractSubject(opts.description) : null;
  // Overtime pay or wages during work-injury leave filed as remuneration (or work-injury costs): their own articles.
  const pay = !opts.byEmployer && PAY_CATEGORIES.has(category) ? paySubject(opts.description) : null;
  const substantive = subject
    ? SUBJECT_SUGGESTED[subject]
    : damages
      ? DAMAGES_SUGGESTED[damages]
      : pay
        ? PAY_SUGGESTED[pay]
        : contract
          ? CONTRACT_SUGGESTED[contract]
          : (table[category] ?? []);
  const out = outcome === 'dismissed' ? [] : [...substantive];
  // fixD57 #3: the article of the joint liability the item orders (an item with nothing else to suggest still needs the
  // arbitrator's substantive article: none is suggested then, so the award asks for it).
  if (outcome !== 'dismissed' && out.length && opts.joint) out.push(...JOINT_SUGGESTED[opts.joint]);
  // LDMAL Art. 6 (burden of proof) is suggested for a claim wholly dismissed, the usual ground; not for one partly granted
  // (an outside tester, L4: a mixed award's non-final document cited it for an amount reduced) — the part not granted
  // is mostly what the substantive article does not give, which the arbitrator cites where it was for want of proof.
  if (outcome === 'dismissed') out.push(`${LDMAL}第六条`);
  if (final && FINAL_MONETARY.includes(category)) out.push(`${LDMAL}第四十七条第（一）项`);
  if (final && FINAL_STANDARDS.includes(category)) out.push(`${LDMAL}第四十七条第（二）项`);
  return out;
}

/**
 * "《甲法》第一条、第二条，《乙法》第三条" from a list of citations, each 《title》+ article; repeats dropped, laws in
 * order of first citation.
 */
export function formatBasis(citations: string[]): string {
  const byLaw = new Map<string, string[]>();
  for (const c of citations) {
    const m = /^(《[^》]+》)(.*)$/.exec(c.trim());
    const [law, art] = m ? [m[1] as string, (m[2] as string).trim()] : [c.trim(), ''];
    const arts = byLaw.get(law) ?? [];
    if (art && !arts.includes(art)) arts.push(art);
    byLaw.set(law, arts);
  }
  return [...byLaw].map(([law, arts]) => `${law}${withoutRepeatedArticle(sortArticles(arts)).join('、')}`).join('，');
}

/**
 * 第四十七条第（一）项、第（二）项 — not 第四十七条第（一）项、第四十七条第（二）项: a citation that follows another of the same
 * article (or the same paragraph of it) leaves out the article (and paragraph) already named, as citations are
 * customarily written (outside tester L1). The articles come sorted, so those of one article are together.
 */
function withoutRepeatedArticle(arts: string[]): string[] {
  // 第X条, then 第Y款, then 第（Z）项: the units a citation is made of; null for one that is not of that form.
  const units = (a: string) =>
    /^(第[〇零一二两三四五六七八九十百千]+条)(第[〇零一二两三四五六七八九十]+款)?(第[（(][〇零一二三四五六七八九十]+[）)]项)?$/.exec(a);
  return arts.map((a, i) => {
    const cur = units(a);
    const prev = i > 0 ? units(arts[i - 1] as string) : null;
    // Only a part of the article after a part of it: "第四十七条、第（一）项" would not read as the same article's.
    if (!cur || !prev || cur[1] !== prev[1] || (!cur[2] && !cur[3]) || (!prev[2] && !prev[3])) return a;
    // Items of one paragraph: 第一款第（一）项、第（二）项.
    if (cur[2] === prev[2]) return cur[2] && !(cur[3] && prev[3]) ? a : (cur[3] as string);
    // Another paragraph: 第一款、第二款; an item with no paragraph after one with a paragraph keeps its article.
    return cur[2] ? `${cur[2]}${cur[3] ?? ''}` : a;
  });
}

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/**
 * 四十七 → 47, 一百零三 → 103: the number an article or item is written with, read back (workflows/dates.ts
 * `chineseNumber` writes one); NaN for anything else.
 */
function articleNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch] as number;
    else if (ch === '十' || ch === '百' || ch === '千') {
      total += (digit || 1) * (ch === '十' ? 10 : ch === '百' ? 100 : 1000);
      digit = 0;
    } else return Number.NaN;
  }
  return total + digit;
}
/**
 * A law's cited articles in the law's own order — 第六条 before 第四十七条第（一）项 before 第四十七条第（二）项 — however the
 * items brought them together; a citation that is not of that form keeps its place after them.
 */
function sortArticles(arts: string[]): string[] {
  const key = (a: string): [number, number] | null => {
    const m = /^第([〇零一二两三四五六七八九十百千]+)条(?:第[（(]?([〇零一二三四五六七八九十]+)[）)]?[项款])?/.exec(a);
    if (!m) return null;
    const n = articleNumber(m[1] as string);
    return Number.isNaN(n) ? null : [n, m[2] ? articleNumber(m[2]) || 0 : 0];
  };
  const keyed = arts.map((a, i) => ({ a, i, k: key(a) }));
  return keyed
    .sort((x, y) => {
      if (x.k && y.k) return x.k[0] - y.k[0] || x.k[1] - y.k[1] || x.i - y.i;
      if (x.k) return -1;
      if (y.k) return 1;
      return x.i - y.i;
    })
    .map((x) => x.a);
}
