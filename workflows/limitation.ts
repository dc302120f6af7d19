import { addDays, addMonths } from './dates.ts';

/**
 * Limitation period (仲裁时效), LDMAL Art. 27; Rules Arts. 26–28 — shown as a warning with its reasoning,
 * never an automatic rejection (the commission decides it as a defense, domain.md §1.4).
 *
 * - one year from the day the party knew or should have known of the infringement;
 * - interruption (demand, mediation, complaint, arbitration/court/payment-order filing, acknowledgement)
 *   starts a fresh year;
 * - suspension (force majeure, incapacity without a representative) stops the clock for its duration;
 * - wage arrears during employment are not time-barred; after the employment ends, one year from its end.
 * Years end on the same-numbered day (CivCode Art. 202); a last day on a rest day is not rolled here
 * (the warning is advisory; the official calendar may move the last day forward).
 */
export interface LimitationInput {
  knewOn: string;
  wageArrears?: boolean;
  employmentEndedOn?: string | null;
  interruptions?: { on: string; kind: string }[];
  suspensions?: { from: string; to: string }[];
}

export interface LimitationResult {
  status: 'within' | 'expired' | 'exempt';
  expiresOn: string | null;
  reasoning: string;
}

export function assessLimitation(input: LimitationInput, filedOn: string): LimitationResult {
  const steps: string[] = [];
  if (input.wageArrears && !input.employmentEndedOn) {
    return {
      status: 'exempt',
      expiresOn: null,
      reasoning: '劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年仲裁时效期间的限制（劳动争议调解仲裁法第二十七条第四款）。',
    };
  }
  let start = input.knewOn;
  let what = `知道或者应当知道权利被侵害之日（${input.knewOn}）`;
  if (input.wageArrears && input.employmentEndedOn) {
    start = input.employmentEndedOn;
    what = `劳动关系终止之日（${input.employmentEndedOn}）`;
    steps.push('拖欠劳动报酬争议，劳动关系终止的，自终止之日起一年内提出（第二十七条第四款）');
  }
  for (const i of [...(input.interruptions ?? [])].sort((a, b) => a.on.localeCompare(b.on))) {
    if (i.on < start || i.on > filedOn) continue;
    const expiry = addMonths(start, 12);
    if (i.on <= expiry) {
      start = i.on;
      what = `时效中断之日（${i.on}，${i.kind}）`;
      steps.push(`${i.on}因${i.kind}时效中断，重新计算一年（第二十七条第二款）`);
    }
  }
  let expiresOn = addMonths(start, 12);
  let paused = 0;
  for (const s of input.suspensions ?? []) {
    if (s.to < start || s.from > expiresOn) continue;
    const days = Math.round((Date.parse(s.to) - Date.parse(s.from)) / 86_400_000);
    paused += days;
    steps.push(`${s.from}至${s.to}时效中止${days}天（第二十七条第三款）`);
  }
  if (paused) expiresOn = addDays(expiresOn, paused);
  const base = `时效自${what}起算一年${steps.length ? `；${steps.join('；')}` : ''}，至${expiresOn}届满。`;
  if (filedOn > expiresOn) {
    return {
      status: 'expired',
      expiresOn,
      reasoning: `${base}申请日${filedOn}已超过仲裁时效，请提示仲裁庭注意；是否超过时效由仲裁庭在当事人抗辩时审查，系统不据此不予受理。`,
    };
  }
  return { status: 'within', expiresOn, reasoning: `${base}申请日${filedOn}在时效期间内。` };
}
