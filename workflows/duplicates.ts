import { closureModeLabel, stateLabel } from './labels.ts';
import type { Violation } from './rules.ts';

/**
 * Duplicate filing (一事不再理, Rules Art. 34) and the bar after deemed withdrawal (Rules Art. 39), judged at
 * registration. The system only warns: whether the facts, reasons and claims are really the same is for the clerk
 * who decides acceptance (REJECT with ground `duplicate`). Voluntary withdrawal does not bar a new application
 * (Rules Art. 35).
 */
export interface DuplicateParty {
  side: string;
  kind: string;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
}

export interface DuplicateCandidate {
  id: number;
  caseNo: string | null;
  state: string;
  closureMode: string | null;
  receivedOn: string;
  parties: DuplicateParty[];
  claims: { category: string }[];
  /**
   * legal54c M1: applicants of the earlier case whose application alone was treated as withdrawn (DEEM_WITHDRAWN
   * `partyId`), with the day — Rules Art. 39 bars a new application by each of them on the same dispute, whatever became
   * of the case for the others. Absent: none (or not read: the case has none).
   */
  barredApplicants?: (DuplicateParty & { on: string })[];
}

export interface DuplicateWarning {
  code: 'pending' | 'not_accepted' | 'decided' | 'in_court' | 'deemed_withdrawn' | 'transferred' | 'withdrawn' | 'other_closure';
  caseId: number;
  caseNo: string | null;
  state: string;
  stateLabel: string;
  closureMode: string | null;
  /** The earlier case bars a new application on the same dispute (a warning: acceptance is the clerk's decision). */
  bars: boolean;
  sameClaims: boolean;
  commonCategories: string[];
  source: string;
  message: string;
}

/** Identity number / credit code when both sides have one, else the name. */
function same(a: DuplicateParty, b: DuplicateParty): boolean {
  if (a.kind !== b.kind) return false;
  const ka = a.kind === 'person' ? a.idNumber : a.creditCode;
  const kb = b.kind === 'person' ? b.idNumber : b.creditCode;
  return ka && kb ? ka === kb : a.name === b.name;
}

const sorted = (xs: string[]) => [...xs].sort().join(',');

export function classify(c: Pick<DuplicateCandidate, 'state' | 'closureMode'>): Pick<DuplicateWarning, 'code' | 'bars' | 'source'> & {
  what: string;
} {
  if (c.state === 'in_litigation')
    return { code: 'in_court', bars: true, source: 'Rules Art. 34', what: '已作出裁决且当事人已向人民法院起诉' };
  switch (c.closureMode) {
    case null:
      // An application not yet accepted (received, or waiting for its supplement: Rules Arts. 29–30) is not yet in the
      // arbitration procedure: it is still being examined for acceptance (new user's walk, void44).
      return {
        code: 'pending',
        bars: true,
        source: 'Rules Art. 34',
        what: c.state === 'received' || c.state === 'pending_supplement' ? '尚在审查受理中' : '仍在仲裁程序中',
      };
    // A registration voided as made by mistake (VOID_REGISTRATION: a second copy of one application) was never an
    // application: it bars nothing (duplicateWarnings leaves it out altogether; here, read again at acceptance).
    case 'voided':
      return { code: 'other_closure', bars: false, source: 'Rules Art. 34', what: '登记已作废（误登记）' };
    case 'rejection':
      return { code: 'not_accepted', bars: true, source: 'Rules Art. 34', what: '已作出不予受理决定' };
    case 'award':
      if (c.state === 'award_set_aside')
        return { code: 'other_closure', bars: false, source: 'LDMAL Art. 49', what: '裁决已被人民法院撤销（当事人可向人民法院起诉）' };
      return { code: 'decided', bars: true, source: 'Rules Art. 34', what: '已作出裁决' };
    case 'mediation':
    case 'review_confirmed':
      return { code: 'decided', bars: true, source: 'Rules Art. 34', what: '已制作调解书' };
    case 'deemed_withdrawal':
      return { code: 'deemed_withdrawn', bars: true, source: 'Rules Art. 39', what: '已按撤回仲裁申请处理，再次申请的不予受理' };
    case 'transfer':
      return { code: 'transferred', bars: true, source: 'Rules Arts. 9, 34', what: '已移送有管辖权的仲裁委员会处理' };
    case 'withdrawal':
      return { code: 'withdrawn', bars: false, source: 'Rules Art. 35', what: '申请人已撤回申请（再次申请的，应当受理）' };
    default:
      return { code: 'other_closure', bars: false, source: 'Rules Art. 34', what: `已结案（${closureModeLabel(c.closureMode)}）` };
  }
}

/**
 * Rules Art. 39 for one worker (legal54c M1): an incoming applicant whose own application in the earlier case was treated
 * as withdrawn (DEEM_WITHDRAWN `partyId`) may not apply again on the same dispute — the bar is his, so it holds while the
 * case goes on for the others and after it closed, however it closed. Null: no incoming applicant is one of them.
 */
export function partyBar(
  applicants: DuplicateParty[],
  barred: DuplicateCandidate['barredApplicants'],
): (Pick<DuplicateWarning, 'code' | 'bars' | 'source'> & { what: string }) | null {
  const hit = (barred ?? []).filter((b) => applicants.some((a) => same(a, b)));
  if (!hit.length) return null;
  return {
    code: 'deemed_withdrawn',
    bars: true,
    source: 'Rules Art. 39',
    what: `申请人${hit.map((b) => b.name).join('、')}的仲裁申请已于${hit.map((b) => b.on).join('、')}按撤回仲裁申请处理，其再次申请的不予受理`,
  };
}

/**
 * Earlier arbitration cases between the same applicant(s) and respondent(s) with a claim of the same category: one
 * warning each, those that bar first. `candidates` are cases sharing at least an applicant (db/stores/cases.ts).
 */
export function duplicateWarnings(
  incoming: { parties: DuplicateParty[]; claims: { category: string }[] },
  candidates: DuplicateCandidate[],
): DuplicateWarning[] {
  const side = (ps: DuplicateParty[], s: string) => ps.filter((p) => p.side === s);
  const out: DuplicateWarning[] = [];
  for (const c of candidates) {
    // A voided registration (VOID_REGISTRATION) is no earlier case: it is not named at all.
    if (c.closureMode === 'voided') continue;
    const applicants = side(incoming.parties, 'applicant').some((a) => side(c.parties, 'applicant').some((b) => same(a, b)));
    const respondents = side(incoming.parties, 'respondent').some((a) => side(c.parties, 'respondent').some((b) => same(a, b)));
    if (!applicants || !respondents) continue;
    const theirs = new Set(c.claims.map((x) => x.category));
    const common = [...new Set(incoming.claims.map((x) => x.category).filter((k) => theirs.has(k)))];
    if (!common.length) continue;
    const sameClaims = sorted(incoming.claims.map((x) => x.category)) === sorted(c.claims.map((x) => x.category));
    const k = partyBar(side(incoming.parties, 'applicant'), c.barredApplicants) ?? classify(c);
    out.push({
      code: k.code,
      caseId: c.id,
      caseNo: c.caseNo,
      state: c.state,
      stateLabel: stateLabel(c.state),
      closureMode: c.closureMode,
      bars: k.bars,
      sameClaims,
      commonCategories: common,
      source: k.source,
      message: `同一申请人与被申请人之间已有案件（${c.caseNo ?? `收件日期${c.receivedOn}`}）${k.what}，${
        sameClaims ? '仲裁请求类别相同' : '部分仲裁请求类别相同'
      }；请核对是否为同一事实、理由和请求${k.bars ? '，同一争议不予受理' : ''}（${k.source}）。`,
    });
  }
  return out.sort((a, b) => Number(b.bars) - Number(a.bars) || b.caseId - a.caseId);
}

/** An earlier case as it stands now, read again at acceptance (it may have been withdrawn since the registration). */
export interface EarlierCase {
  id: number;
  caseNo: string | null;
  receivedOn: string;
  state: string;
  closureMode: string | null;
  /** legal54c M1: its applicants deemed to have withdrawn alone (Rules Art. 39; `DuplicateCandidate.barredApplicants`). */
  barredApplicants?: DuplicateCandidate['barredApplicants'];
}

/**
 * Rules Art. 34 (一事不再理) at acceptance: the registration recorded earlier cases of the same parties and claim
 * categories that barred a new application (`recorded`, its REGISTER entry's `duplicates`). Those that still bar as they
 * stand now (`earlier`, read again: a voluntary withdrawal since, Rules Art. 35, or an award set aside, LDMAL Art. 49,
 * lifts the bar) refuse the acceptance — unless the clerk states, with a reason, that the application is not the same
 * matter (same parties, but other facts, reasons or claims: `notSameMatter`). Whether it is the same matter is the
 * clerk's judgement; the system asks for it explicitly instead of accepting a duplicate without a word. The same matter
 * is refused instead (REJECT, ground `duplicate`).
 */
export function duplicateAcceptRefusal(
  recorded: { caseId: number; bars: boolean }[],
  earlier: EarlierCase[],
  payload: { notSameMatter?: unknown },
  applicants: DuplicateParty[] = [],
): Violation | null {
  if (payload.notSameMatter === true) return null;
  const ids = new Set(recorded.filter((d) => d.bars).map((d) => d.caseId));
  const barring = earlier
    .filter((c) => ids.has(c.id))
    .map((c) => ({ c, k: partyBar(applicants, c.barredApplicants) ?? classify(c) }))
    .filter((x) => x.k.bars);
  if (!barring.length) return null;
  // The latest three named (warnings come latest first), the rest counted.
  const named =
    barring
      .slice(0, 3)
      .map(({ c, k }) => `${c.caseNo ?? `收件日期为${c.receivedOn}的申请（编号${c.id}）`}${k.what}`)
      .join('；') + (barring.length > 3 ? `；另有${barring.length - 3}件` : '');
  const sources = [...new Set(barring.map(({ k }) => k.source))].join('; ');
  // fixT57 #6 (Rules Art. 39): an earlier case barring only because the application was treated as withdrawn is not
  // pending — the refusal has its own rule name (再次申请的不予受理), the same field and confirmation.
  const deemedOnly = barring.every(({ k }) => k.code === 'deemed_withdrawn');
  return {
    rule: deemedOnly ? 'reapplication-after-deemed-withdrawal' : 'duplicate-application-pending',
    source: sources,
    detail: `同一申请人与被申请人之间已有同类请求的在先案件：${named}。对同一争议（事实、理由和请求相同）的申请不予受理（《劳动人事争议仲裁办案规则》${sources.includes('Art. 39') ? '第三十四条、第三十九条' : '第三十四条'}）。经核对不属于同一争议的，请勾选“经核对，本申请与上述在先案件不属于同一争议，予以受理”并填写“不属于同一争议的理由”后受理；属于同一争议的，请办理“不予受理”`,
    field: 'notSameMatter',
  };
}
