import { isEmployerParty, type SidedCase, type SidedParty } from './sides.ts';

/**
 * fixA53 (legal53a M2, L2, L3): what a clerk must see about the agents and the sides of a case — said at registration
 * (`partyWarnings`) and at APPOINT_AGENT (`warnings`), never refused (domain.md §1.2):
 *
 * - One name as the agent of both opposing sides, or an agent of one side who is a party (or an organization party's
 *   legal representative) on the other: a conflict of interest. A lawyer may not act for both parties in one case
 *   (律师法 Art. 39 [C]); the civil-procedure representation rules are read by analogy [R]; LDMAL Art.
 *   24 itself says nothing of it. Zhongcai warns and does not refuse: the same name is not the same person (the record
 *   holds no agent's identity number), and only the lawyer's case is forbidden in terms.
 * - A near-relative agent without his `relationship`, a lawyer (or 基层法律服务工作者) without his firm `unit`: the
 *   documents print them (LDMAL Art. 24: the power of attorney states who acts) — the contract keeps both optional, so
 *   warned of, not refused.
 * - A legal-aid agent (`legal_aid`) of a party on the employer side: legal aid in labor matters is for the worker
 *   (法律援助法 Arts. 2, 31 [R]: citizens in economic difficulty, claims of labor remuneration) — most often a wrong kind chosen; the statistics do not count it (§13.2).
 * - Both sides natural persons and no side marked as the employer (`ownership`): the record cannot tell the worker
 *   from the employer; workflows/sides.ts takes the applicants for the workers (its rule 4) — LDMAL Art. 22.
 */

export interface CheckedAgent {
  name: string;
  kind: string;
  unit?: string | null;
  relationship?: string | null;
}

export interface CheckedParty extends SidedParty {
  name: string;
  legalRepresentative?: string | null;
  agents?: readonly CheckedAgent[];
}

const SIDE_WORDS: Record<string, string> = { applicant: '申请人', respondent: '被申请人' };
const opposing = (a: string | undefined, b: string | undefined) =>
  (a === 'applicant' && b === 'respondent') || (a === 'respondent' && b === 'applicant');
const named = (p: CheckedParty) => `${SIDE_WORDS[p.side ?? ''] ?? ''}${p.name}`;
const CHECK = '（同名不一定是同一人，请核对身份）';

/** The warnings about one agent of `party` (its conflicts with the other side, and what it lacks). */
export function agentWarnings(c: SidedCase<CheckedParty>, party: CheckedParty, agent: CheckedAgent): string[] {
  const out: string[] = [];
  for (const other of c.parties) {
    if (other === party || !opposing(party.side, other.side)) continue;
    // Both sides' agents: named in the same order (applicant first) whichever side is checked, so that a registration
    // listing every agent says it once.
    if ((other.agents ?? []).some((a) => a.name === agent.name)) {
      const [first, second] = party.side === 'applicant' ? [party, other] : [other, party];
      out.push(
        `${agent.name}同时登记为${named(first)}和${named(second)}的委托代理人${CHECK}：同一人不得在同一案件中代理双方当事人（律师法第三十九条；民事诉讼代理规则参照适用）`,
      );
    }
    if (other.kind === 'organization' && other.legalRepresentative === agent.name)
      out.push(
        `${named(party)}的委托代理人${agent.name}与对方当事人${named(other)}的法定代表人同名${CHECK}：对方的法定代表人代理本方，利益冲突（劳动争议调解仲裁法第二十四条；律师法第三十九条参照）`,
      );
    if (other.kind === 'person' && other.name === agent.name)
      out.push(
        `${named(party)}的委托代理人${agent.name}与对方当事人${named(other)}同名${CHECK}：当事人不能代理对方（劳动争议调解仲裁法第二十四条）`,
      );
  }
  if (agent.kind === 'relative' && !agent.relationship)
    out.push(`${named(party)}的委托代理人${agent.name}登记为近亲属，未填写与当事人的关系：文书载明其关系，请补填`);
  if ((agent.kind === 'lawyer' || agent.kind === 'legal_worker') && !agent.unit)
    out.push(
      `${named(party)}的委托代理人${agent.name}登记为${agent.kind === 'lawyer' ? '律师' : '基层法律服务工作者'}，未填写所在${agent.kind === 'lawyer' ? '律师事务所' : '法律服务所'}：请补填`,
    );
  if (agent.kind === 'legal_aid' && isEmployerParty(c, party))
    out.push(
      `${named(party)}是用人单位一方，其委托代理人${agent.name}登记为法律援助：劳动争议中的法律援助为劳动者提供（法律援助法第二条、第三十一条），请核对代理人类型；法律援助统计不计此代理人`,
    );
  return out;
}

/** Every agent of every party (registration): each warning once. */
export function casePartyWarnings(c: SidedCase<CheckedParty>): string[] {
  const out = new Set<string>();
  for (const party of c.parties) for (const agent of party.agents ?? []) for (const w of agentWarnings(c, party, agent)) out.add(w);
  for (const w of undecidedSidesWarnings(c)) out.add(w);
  for (const w of noWorkerSideWarnings(c)) out.add(w);
  return [...out];
}

/**
 * Both sides natural persons, none marked as the employer (`ownership`, only an employer has one), no union applying
 * (Rules Art. 64): sides.ts cannot tell the employer's side and takes the respondents for it (legal53a L3).
 */
export function undecidedSidesWarnings(c: SidedCase<CheckedParty>): string[] {
  const sided = c.parties.filter((p) => p.side === 'applicant' || p.side === 'respondent');
  const applicants = sided.filter((p) => p.side === 'applicant');
  const respondents = sided.filter((p) => p.side === 'respondent');
  if (!applicants.length || !respondents.length || c.collectiveGround === 'union_applicant') return [];
  if (!sided.every((p) => p.kind === 'person') || sided.some((p) => p.ownership)) return [];
  return [
    '申请人和被申请人均为自然人，且均未填写用人单位经济类型：系统无法分辨哪一方是用人单位，按申请人为劳动者一方处理（劳动争议调解仲裁法第二十二条）。个人用工的雇主（如个体工商户业主）一方请填写经济类型，以免时限、终局裁决和统计按错误的一方计算',
  ];
}

/**
 * Both sides organizations only, no union applying (recheck54 A): the case has no worker (LDMAL Art. 22: the worker and
 * the employer are the parties), and sides.ts reads the applicants as the employer's side — a union that applies for
 * the workers in a collective-contract dispute (Rules Art. 64; LCL Art. 56) registered without `collectiveGround:
 * 'union_applicant'` would have its suit window, finality and statistics counted as an employer's.
 */
export function noWorkerSideWarnings(c: SidedCase<CheckedParty>): string[] {
  const sided = c.parties.filter((p) => p.side === 'applicant' || p.side === 'respondent');
  if (!sided.some((p) => p.side === 'applicant') || !sided.some((p) => p.side === 'respondent')) return [];
  if (c.collectiveGround === 'union_applicant' || !sided.every((p) => p.kind === 'organization')) return [];
  return [
    '申请人和被申请人均为单位，本案没有劳动者一方（劳动争议调解仲裁法第二十二条）：系统按申请人为用人单位一方处理。工会代表劳动者就集体合同争议申请仲裁的（《劳动人事争议仲裁办案规则》第六十四条、劳动合同法第五十六条），请将集体争议依据设为“工会申请”（collectiveGround: union_applicant），以免起诉期、终局裁决和统计按用人单位申请计算',
  ];
}
