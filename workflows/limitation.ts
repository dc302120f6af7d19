import { type OfficialCalendar, provisionalBasis } from './calendar.ts';
import { addDays, addMonths, daysBetween } from './dates.ts';
import type { ClaimCategory } from './reference.ts';

/**
 * Limitation period (仲裁时效), LDMAL Art. 27; Rules Arts. 26–28 — shown as a warning with its reasoning,
 * never an automatic rejection (the commission decides it as a defense, domain.md §1.4).
 *
 * - one year from the day the party knew or should have known of the infringement;
 * - interruption (demand, mediation, complaint, arbitration/court/payment-order filing, acknowledgement)
 *   starts a fresh year;
 * - suspension (force majeure, incapacity without a representative) stops the clock for its duration;
 * - a claim for labor remuneration (category `wages`) is not time-barred while the employment lasts; after it ends,
 *   one year from its end (Art. 27(4)). This follows the claim category and the employment status — not the
 *   migrant-worker priority flag (`wageArrears`), which only orders the queue;
 * - years end on the same-numbered day (CivCode Art. 202); a last day on a statutory rest day moves to the next
 *   working day (CivCode Art. 203; CPL Art. 85(3));
 * - the filing date is the postmark date where one is recorded (time in transit does not count, CPL Art. 85(4)).
 */
export interface LimitationInput {
  knewOn: string;
  /** `ongoing`: the employment still lasts (wage claims exempt); `ended`: see `employmentEndedOn`. Absent: not recorded. */
  employmentStatus?: 'ongoing' | 'ended';
  employmentEndedOn?: string | null;
  interruptions?: { on: string; kind: string }[];
  suspensions?: { from: string; to: string }[];
}

export interface ClaimLimitation {
  claimId: number;
  status: 'within' | 'expired' | 'exempt';
  expiresOn: string | null;
}

export interface LimitationResult {
  status: 'within' | 'expired' | 'exempt';
  /** The earliest last day among the claims that are not exempt. */
  expiresOn: string | null;
  reasoning: string;
  /** The date the application counts as filed: the postmark, else the day it was received. */
  filedOn: string;
  claims: ClaimLimitation[];
}

/** Labor remuneration (劳动报酬) — the claims LDMAL Art. 27(4) exempts while the employment lasts. */
const REMUNERATION: ClaimCategory[] = ['wages'];

interface Run {
  expiresOn: string;
  text: string;
}

/** One period of a year from `from`: suspended days added, last day rolled over rest days. */
interface Segment {
  nominal: string;
  expiresOn: string;
  steps: string[];
  rolled: string;
}

function segment(input: LimitationInput, from: string, view: OfficialCalendar | undefined): Segment {
  const base = addMonths(from, 12);
  // LDMAL Art. 27(3); Rules Art. 28: a suspension stops the clock and it resumes from the day the obstacle ends — the
  // days from..to (the last excluded) are added, wherever in the year they fall (unlike CivCode Art. 194, no text
  // limits it to the last six months, domain.md §1.4). Only days after `from` count, overlaps once; a suspension that
  // begins inside a period already lengthened by another one counts too (hence the fixed point).
  const spans = (input.suspensions ?? [])
    .map((x) => ({ from: x.from < from ? from : x.from, to: x.to }))
    .filter((x) => x.to > x.from)
    .sort((a, b) => a.from.localeCompare(b.from));
  let nominal = base;
  let steps: string[] = [];
  for (;;) {
    let paused = 0;
    steps = [];
    let reach = '';
    for (const x of spans) {
      if (x.from > nominal) break;
      const start = reach && x.from < reach ? reach : x.from;
      if (x.to <= start) continue;
      const days = daysBetween(start, x.to);
      paused += days;
      reach = x.to;
      steps.push(`${start}起时效中止，${x.to}中止原因消除之日起继续计算（中止${days}天，第二十七条第三款）`);
    }
    const next = addDays(base, paused);
    if (next === nominal) break;
    nominal = next;
  }
  let expiresOn = nominal;
  let rolled = '';
  if (view) {
    const r = view.rollForward(nominal);
    if (r.dueOn !== nominal) {
      expiresOn = r.dueOn;
      // legalfixA L6: a weekend is a 休息日, a holiday a 法定节假日 (CivCode Art. 203: 法定休假日 covers both; the
      // reasoning names which it is).
      const first = r.rolledOver[0];
      const what = first?.reason === 'holiday' ? `法定节假日${first.name ? `（${first.name}）` : ''}` : '休息日';
      rolled = `；${nominal}为${what}，顺延至其后第一个工作日${expiresOn}（民法典第二百零三条）`;
    }
  }
  return { nominal, expiresOn, steps, rolled };
}

/**
 * One year from `start` (LDMAL Art. 27(1); CivCode Arts. 201–203), suspensions adding their days (Art. 27(3)); an
 * interruption on or before the last day of the period as it stands — suspensions added and rolled over rest days —
 * starts a fresh year from that day (Art. 27(2); Rules Art. 27). An interruption after the period ended revives nothing.
 */
function runYear(input: LimitationInput, start: string, what: string, filedOn: string, cal: OfficialCalendar | undefined): Run {
  const view = cal?.provisionalView();
  const interruptions = [...(input.interruptions ?? [])]
    .filter((i) => i.on > start && i.on <= filedOn)
    .sort((a, b) => a.on.localeCompare(b.on));
  // LDMAL Art. 27(1)–(3): the year runs from `start` (the day the party knew or should have known of the infringement,
  // or the employment's end, Art. 27(4)); an interruption or a suspension before it has nothing to interrupt or stop —
  // named with its lack of effect rather than silently dropped (legal50b L2). (Refusing such a date at registration is a
  // question for app/schemas.ts: the reading that it is a clerk's slip is not certain, so the record keeps it.)
  const before = [
    ...(input.interruptions ?? [])
      .filter((i) => i.on < start)
      .map((i) => ({ on: i.on, text: `${i.on}${i.kind}发生在${what}前，时效尚未开始计算，不引起时效中断（第二十七条第二款）` })),
    ...(input.suspensions ?? [])
      .filter((x) => x.to <= start)
      .map((x) => ({ on: x.from, text: `${x.from}至${x.to}的时效中止事由发生在${what}前，不引起时效中止（第二十七条第三款）` })),
  ]
    .sort((a, b) => a.on.localeCompare(b.on))
    .map((x) => x.text);
  const done: string[] = [];
  let from = start;
  let fromWhat = what;
  let seg = segment(input, from, view);
  // Interruptions after the period had already ended (legalfixA L5): named, with their lack of effect.
  const late: string[] = [];
  for (const i of interruptions) {
    if (i.on <= from) continue;
    if (i.on > seg.expiresOn) {
      late.push(`${i.on}${i.kind}发生在时效期间届满（${seg.expiresOn}）之后，不发生时效中断的效力（第二十七条第二款）`);
      continue;
    }
    const suspended = seg.steps.filter((x) => x < i.on);
    done.push(
      `时效自${fromWhat}起算${suspended.length ? `，${suspended.join('，')}` : ''}，原应至${seg.expiresOn}届满；${i.on}因${i.kind}时效中断，重新计算一年（第二十七条第二款）`,
    );
    from = i.on;
    fromWhat = `时效中断之日（${i.on}，${i.kind}）`;
    seg = segment(input, from, view);
  }
  let rolled = seg.rolled;
  if (view?.assumed.size) {
    const y = [...view.assumed].join('、');
    rolled += `（缺少${y}年国家法定节假日安排，${provisionalBasis([...view.assumed])}，据此判断是否顺延）`;
  }
  const last = `时效自${fromWhat}起算一年${seg.steps.length ? `；${seg.steps.join('；')}` : ''}，至${seg.nominal}届满${rolled}`;
  return { expiresOn: seg.expiresOn, text: [...done, last, ...late, ...before].join('；') };
}

/**
 * The limitation warning for an application filed on `filedOn` (the postmark date where recorded) with these claims.
 * `cal` rolls a last day that falls on a rest day; without it the nominal day is shown.
 */
/** Claims named as the case numbers them (第1项、第2项), not by the database's id (an outside tester: 其他请求（7）). */
const numbered = (claims: { id: number; seq?: number }[]) =>
  claims.map((c) => (c.seq !== undefined ? `第${c.seq}项` : String(c.id))).join('、');

export function assessLimitation(
  input: LimitationInput,
  filedOn: string,
  /** `seq`: the claim's number in the case (第N项), as the case page and documents number it. */
  claims: { id: number; category: ClaimCategory; seq?: number }[],
  cal?: OfficialCalendar,
): LimitationResult {
  const remuneration = claims.filter((c) => REMUNERATION.includes(c.category));
  const others = claims.filter((c) => !REMUNERATION.includes(c.category));
  const out: ClaimLimitation[] = [];
  const parts: string[] = [];
  const general = `知道或者应当知道权利被侵害之日（${input.knewOn}）`;
  const ended = input.employmentStatus === 'ended' || Boolean(input.employmentEndedOn);
  const verdict = (r: Run) => (filedOn > r.expiresOn ? 'expired' : 'within');

  if (remuneration.length) {
    // Named as the case numbers them (第1项), not by the database's id (a second walk read 劳动报酬请求（65）).
    const ids = numbered(remuneration);
    if (input.employmentStatus === 'ongoing' && !input.employmentEndedOn) {
      for (const c of remuneration) out.push({ claimId: c.id, status: 'exempt', expiresOn: null });
      parts.push(
        `劳动报酬请求（${ids}）：劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年仲裁时效期间的限制（劳动争议调解仲裁法第二十七条第四款）`,
      );
    } else if (input.employmentEndedOn) {
      const r = runYear(input, input.employmentEndedOn, `劳动关系终止之日（${input.employmentEndedOn}）`, filedOn, cal);
      for (const c of remuneration) out.push({ claimId: c.id, status: verdict(r), expiresOn: r.expiresOn });
      parts.push(`劳动报酬请求（${ids}）：劳动关系终止的，应当自终止之日起一年内提出（第二十七条第四款）；${r.text}`);
    } else {
      const r = runYear(input, input.knewOn, general, filedOn, cal);
      for (const c of remuneration) out.push({ claimId: c.id, status: verdict(r), expiresOn: r.expiresOn });
      parts.push(
        `劳动报酬请求（${ids}）：${ended ? '劳动关系已终止但未记录终止日期，' : '未记录劳动关系是否存续（登记表“劳动关系”一栏），'}暂按一般时效计算——${r.text}${ended ? '' : '；如劳动关系仍存续，该请求不受时效限制（第二十七条第四款）'}`,
      );
    }
  }
  if (others.length || !claims.length) {
    const r = runYear(input, input.knewOn, general, filedOn, cal);
    for (const c of others) out.push({ claimId: c.id, status: verdict(r), expiresOn: r.expiresOn });
    parts.push(`${remuneration.length ? `其他请求（${numbered(others)}）：` : ''}${r.text}`);
    if (!claims.length) out.push({ claimId: 0, status: verdict(r), expiresOn: r.expiresOn });
  }
  const counted = out.filter((c) => c.status !== 'exempt');
  const status = counted.length === 0 ? 'exempt' : counted.some((c) => c.status === 'expired') ? 'expired' : 'within';
  const expiresOn = counted.map((c) => c.expiresOn as string).sort()[0] ?? null;
  const tail =
    status === 'expired'
      ? `申请日${filedOn}已超过仲裁时效，请提示仲裁庭注意；是否超过时效由仲裁庭在当事人抗辩时审查，系统不据此不予受理。`
      : status === 'exempt'
        ? ''
        : `申请日${filedOn}在时效期间内。`;
  return {
    status,
    expiresOn,
    reasoning: `${parts.join('。')}。${tail}`,
    filedOn,
    claims: out.filter((c) => c.claimId !== 0),
  };
}

/**
 * A REJECT (不予受理) whose reason is a limitation (仲裁时效) ground: recorded, with a warning (reviewer s46 L5). The
 * grounds for not accepting are the acceptance conditions — scope, clear claims and facts, standing, jurisdiction
 * (LDMAL Art. 29; Rules Art. 30) — and limitation is not among them: it is a defense the respondent raises and the
 * tribunal decides after acceptance (LDMAL Art. 27; domain.md §1.4, where local guidelines also say the commission
 * should not raise it on its own motion). A warning, not a refusal: the reason may merely mention 时效 beside a ground
 * of Art. 30, and the clerk's decision stands as recorded.
 */
export function rejectionLimitationWarnings(reason: unknown): string[] {
  if (typeof reason !== 'string' || !reason.includes('时效')) return [];
  return [
    '仲裁时效不是不予受理的理由：不予受理的情形限于《劳动人事争议仲裁办案规则》第三十条（不属于受理范围、无明确的被申请人或仲裁请求、申请人不适格、不属于本委管辖等）；是否超过仲裁时效（《劳动争议调解仲裁法》第二十七条）应在受理后由被申请人抗辩、经仲裁庭审理后裁决。请核对不予受理的理由。',
  ];
}

type Interruption = { on: string; kind: string };

/** LimitationInput allows 20 interruptions (app/schemas.ts): the added ones kept, the earliest recorded ones dropped. */
const MAX_INTERRUPTIONS = 20;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** `facts` with `added` recorded as interruptions, unless one is already recorded on the same day (fixM56). */
export function withInterruptions(facts: LimitationInput, added: Interruption[]): LimitationInput {
  const own = facts.interruptions ?? [];
  const fresh = added.filter((x, i) => !own.some((o) => o.on === x.on) && added.findIndex((y) => y.on === x.on) === i);
  if (!fresh.length) return facts;
  const kept = own.slice(Math.max(0, own.length + fresh.length - MAX_INTERRUPTIONS));
  return { ...facts, interruptions: [...kept, ...fresh].sort((a, b) => a.on.localeCompare(b.on)) };
}

/**
 * The reading this system takes of where the fresh year starts after an application for mediation or for an arbitral
 * review (fixM56): LDMAL Art. 27(2) and Rules Art. 27 say 「从中断时起」 — the day of the application; CivCode Art. 195
 * (诉讼时效) says 「从中断、有关程序终结时起」 — also the end of the procedure the application began. domain.md §1.4 does not
 * decide it, so the reading favourable to the worker is taken: the application and the procedure's end are both recorded
 * as interruptions, the year running afresh from the later of them (the end only counts if the application did: an
 * application made after the year had run out revives nothing, and neither does the end of what it began).
 */
const END_READING = '从有利于劳动者，参照民法典第一百九十五条自程序终结时重新计算';

/**
 * LDMAL Arts. 14–15, 27(2); Rules Art. 27 (fixM56, legal56a M2): the limitation facts of the arbitration application a
 * pre-arbitration mediation (track `mediation`) or an arbitral review of a mediation agreement (track `review`; Op-2022
 * item 1) refers on `referredOn` — its own facts, with the application for mediation (or for the review) and the end of
 * that procedure recorded as interruptions, each naming its source. Null when the source recorded no facts (no day the
 * right was known to be infringed to start from).
 */
export function referredLimitation(
  source: {
    id: number;
    track: string;
    receivedOn: string;
    postmarkOn?: string | null;
    limitation: LimitationInput | null;
  },
  ctx: {
    trackMediation?: { agreedOn: string | null; failedOn: string | null } | null;
    review?: {
      agreement: { effectiveOn: string; organization: string };
      rejection: { on: string } | null;
      refusal: { on: string } | null;
    } | null;
  },
  referredOn: string,
): LimitationInput | null {
  if (!source.limitation) return null;
  // The application counts as made on its postmark where one is recorded (CPL Art. 85(4)), as the arbitration one does.
  const applied = source.postmarkOn ?? source.receivedOn;
  const from = `编号${source.id}的${source.track === 'review' ? '仲裁审查案件' : '调解案件'}`;
  const added: Interruption[] = [];
  if (source.track === 'mediation') {
    added.push({ on: applied, kind: `申请调解（${from}，劳动争议调解仲裁法第二十七条第二款、办案规则第二十七条）` });
    const m = ctx.trackMediation;
    if (m?.agreedOn) {
      // LDMAL Art. 15: an agreement not performed; reaching it is also the other side's agreeing to perform (Art. 27(2)).
      added.push({ on: m.agreedOn, kind: `达成调解协议、调解程序终结（${from}，对方当事人同意履行义务）` });
    } else if (m?.failedOn) {
      added.push({ on: m.failedOn, kind: `调解不成、调解程序终结（${from}，${END_READING}）` });
    } else {
      // LDMAL Art. 14(3): no agreement within 15 days of the organization's receipt — the mediation has ended then.
      const lapsed = addDays(source.receivedOn, 15);
      if (lapsed <= referredOn)
        added.push({ on: lapsed, kind: `收到调解申请之日起十五日内未达成调解协议（${from}，第十四条第三款；${END_READING}）` });
    }
  } else if (source.track === 'review' && ctx.review) {
    const r = ctx.review;
    added.push({
      on: r.agreement.effectiveOn,
      kind: `在${clip(r.agreement.organization, 30)}达成调解协议（${from}，对方当事人同意履行义务）`,
    });
    added.push({ on: applied, kind: `申请仲裁审查调解协议（${from}，向仲裁委员会请求权利救济，办案规则第二十七条）` });
    const ended = r.rejection?.on ?? r.refusal?.on ?? null;
    if (ended)
      added.push({
        on: ended,
        kind: `${r.rejection ? '不予受理仲裁审查申请' : '终止仲裁审查'}、审查程序终结（${from}，${END_READING}）`,
      });
  }
  return withInterruptions(
    source.limitation,
    added.filter((x) => x.on <= referredOn).map((x) => ({ on: x.on, kind: clip(x.kind, 100) })),
  );
}

/**
 * Rules Art. 27: applying for arbitration interrupts — a case transferred in (ACCEPT_TRANSFER, Rules Art. 9) was applied
 * for at the first commission on `firstReceivedOn` (fixM56). Derived from the record at every view, so a correction of
 * the limitation facts does not lose it.
 */
export function transferInterruption(
  transferIn: { fromCommission: string; fromCaseNo: string | null; firstReceivedOn?: string | null } | null | undefined,
): Interruption[] {
  if (!transferIn?.firstReceivedOn) return [];
  const no = transferIn.fromCaseNo ? `，${transferIn.fromCaseNo}` : '';
  return [
    {
      on: transferIn.firstReceivedOn,
      kind: `向${transferIn.fromCommission}申请仲裁（移送前${no}，办案规则第二十七条）`,
    },
  ];
}
