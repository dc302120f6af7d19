import type { MachineContext } from '../workflows/case-machine.ts';
import { chineseDate } from '../workflows/dates.ts';
import { CLAIM_CATEGORIES, type ClaimCategory } from '../workflows/reference.ts';
import type { Block, DocSpec } from './layout.ts';
import { capitalAmount } from './numerals.ts';

export const DOCUMENT_KINDS = {
  acceptance_notice: '受理通知书',
  rejection_notice: '不予受理通知书',
  respond_notice: '应诉通知书',
  hearing_notice: '开庭通知书',
  award: '仲裁裁决书',
  mediation_document: '仲裁调解书',
  advance_execution_ruling: '先予执行裁决书',
  court_transfer_letter: '移送函',
  decision: '决定书',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** The case is not at a point where this document exists (HTTP 409). */
export class NotReadyError extends Error {}
/** Text the template must not invent is missing (HTTP 422). */
export class MissingTextError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

interface PartyView {
  id: number;
  kind: 'person' | 'organization';
  name: string;
  idNumber: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  address: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  legalRepresentativeTitle: string | null;
  agents: { name: string; kind: string; unit: string | null }[];
}

export interface DocInput {
  commission: string;
  caseNo: string | null;
  receivedOn: string;
  applicants: PartyView[];
  respondents: PartyView[];
  claims: { id: number; seq: number; category: string; amount: string | null; description: string }[];
  ctx: MachineContext;
  arbitrators: { displayName: string; presiding: boolean }[];
  clerkName: string;
  today: string;
  /** Identity numbers on documents: masked or in full (config). */
  maskIds: boolean;
  /** Text supplied by the arbitrator with the request (never invented here). */
  text: { facts?: string; reasoning?: string; defenseSummary?: string; matter?: string; body?: string; court?: string; purpose?: string };
  awardText: { facts?: string; reasoning?: string; defenseSummary?: string };
}

const SEX = { male: '男', female: '女' } as const;
const yuan = (amount: string) => `${amount}元（${capitalAmount(Math.round(Number(amount) * 100))}）`;
const mask = (s: string | null, on: boolean) => (s && on ? `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}` : s);
const names = (ps: PartyView[]) => ps.map((p) => p.name).join('、');
const cat = (c: string) => CLAIM_CATEGORIES[c as ClaimCategory] ?? c;

function partyLines(role: string, ps: PartyView[], maskIds: boolean): Block[] {
  const out: Block[] = [];
  for (const p of ps) {
    if (p.kind === 'person') {
      const bits = [`${role}：${p.name}`];
      if (p.sex) bits.push(SEX[p.sex]);
      if (p.birthDate) bits.push(`${chineseDate(p.birthDate).replace(/日$/, '日')}出生`);
      if (p.idNumber) bits.push(`公民身份号码${mask(p.idNumber, maskIds)}`);
      if (p.address) bits.push(`住${p.address}`);
      out.push({ kind: 'para', text: `${bits.join('，')}。`, indent: true });
    } else {
      const bits = [`${role}：${p.name}`];
      if (p.address) bits.push(`住所地${p.address}`);
      if (p.creditCode) bits.push(`统一社会信用代码${p.creditCode}`);
      out.push({ kind: 'para', text: `${bits.join('，')}。`, indent: true });
      if (p.legalRepresentative)
        out.push({
          kind: 'para',
          text: `法定代表人：${p.legalRepresentative}${p.legalRepresentativeTitle ? `，${p.legalRepresentativeTitle}` : ''}。`,
        });
    }
    for (const a of p.agents) out.push({ kind: 'para', text: `委托代理人：${a.name}${a.unit ? `，${a.unit}` : ''}。` });
  }
  return out;
}

const parties = (d: DocInput): Block[] => [
  ...partyLines('申请人', d.applicants, d.maskIds),
  ...partyLines('被申请人', d.respondents, d.maskIds),
];

const signatures = (d: DocInput) =>
  d.arbitrators.length === 1
    ? [`仲裁员　${d.arbitrators[0]?.displayName}`]
    : d.arbitrators.map((a) => `${a.presiding ? '首席仲裁员' : '仲裁员'}　${a.displayName}`);

function claimsList(d: DocInput, only?: Set<number>): { kind: 'para'; text: string }[] {
  return d.claims
    .filter((c) => !only || only.has(c.id))
    .map((c, i) => ({
      kind: 'para' as const,
      text: `${i + 1}．${c.description}${c.amount ? `（${cat(c.category)}，${yuan(c.amount)}）` : `（${cat(c.category)}）`}；`,
    }));
}

function acceptanceNotice(d: DocInput): DocSpec[] {
  if (!d.ctx.acceptedOn) throw new NotReadyError('案件尚未受理，不能出具受理通知书');
  return [
    {
      title: DOCUMENT_KINDS.acceptance_notice,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: d.ctx.acceptedOn,
      blocks: [
        { kind: 'to', text: `${names(d.applicants)}：` },
        {
          kind: 'para',
          text: `你（们）与${names(d.respondents)}劳动人事争议一案，本委于${chineseDate(d.ctx.supplement?.completedOn ?? d.receivedOn)}收到仲裁申请。经审查，符合受理条件，本委决定予以受理。现将有关事项通知如下：`,
        },
        { kind: 'para', text: '一、仲裁庭组成情况本委将另行书面通知；当事人认为仲裁员有法定回避情形的，有权在首次开庭前提出回避申请。' },
        { kind: 'para', text: '二、当事人应当对自己提出的主张提供证据，请在仲裁庭指定的举证期限内提交证据材料。' },
        {
          kind: 'para',
          text: `三、本案审理期限为自受理之日起四十五日；案情复杂需要延期的，经本委主任批准，可以延长，但延长期限不得超过十五日。`,
        },
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

function rejectionNotice(d: DocInput): DocSpec[] {
  const r = d.ctx.rejection;
  if (!r) throw new NotReadyError('案件未作不予受理决定，不能出具不予受理通知书');
  return [
    {
      title: DOCUMENT_KINDS.rejection_notice,
      caseNo: null,
      commission: d.commission,
      dateOn: r.decidedOn,
      blocks: [
        { kind: 'to', text: `${names(d.applicants)}：` },
        {
          kind: 'para',
          text: `你（们）于${chineseDate(d.ctx.supplement?.completedOn ?? d.receivedOn)}提出的与${names(d.respondents)}劳动人事争议仲裁申请，经审查，${r.reason}。`,
        },
        { kind: 'para', text: '根据《中华人民共和国劳动争议调解仲裁法》第二十九条的规定，本委决定不予受理。' },
        { kind: 'para', text: '你（们）对本不予受理决定不服的，可以就该劳动争议事项向人民法院提起诉讼。' },
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

function respondNotice(d: DocInput): DocSpec[] {
  if (!d.ctx.acceptedOn) throw new NotReadyError('案件尚未受理，不能出具应诉通知书');
  return [
    {
      title: DOCUMENT_KINDS.respond_notice,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: d.ctx.acceptedOn,
      blocks: [
        { kind: 'to', text: `${names(d.respondents)}：` },
        {
          kind: 'para',
          text: `${names(d.applicants)}与你（单位）劳动人事争议一案，本委已依法受理。现将仲裁申请书副本送达你（单位），并将有关事项通知如下：`,
        },
        {
          kind: 'para',
          text: '一、请在收到仲裁申请书副本之日起十日内向本委提交答辩书（一式两份）及有关证据；逾期未提交答辩书的，不影响仲裁程序的进行。',
        },
        { kind: 'para', text: '二、如提出反申请，应当在答辩期内提出；答辩期满后提出的，应当另行申请仲裁。' },
        { kind: 'para', text: '三、对本委管辖有异议的，应当在答辩期满前书面提出。' },
        { kind: 'para', text: '四、与争议事项有关的证据属于用人单位掌握管理的，用人单位应当提供；不提供的，应当承担不利后果。' },
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

function hearingNotice(d: DocInput): DocSpec[] {
  const h = d.ctx.hearing;
  if (!h) throw new NotReadyError('案件尚未排期开庭，不能出具开庭通知书');
  return [
    {
      title: DOCUMENT_KINDS.hearing_notice,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: h.scheduledOn,
      blocks: [
        { kind: 'to', text: `${names(d.applicants)}、${names(d.respondents)}：` },
        {
          kind: 'para',
          text: `${names(d.applicants)}与${names(d.respondents)}劳动人事争议一案，仲裁庭定于${chineseDate(h.hearingOn)}在${h.place}开庭审理。`,
        },
        { kind: 'para', text: '请届时准时到庭，并携带身份证明及证据原件。当事人有正当理由申请延期开庭的，应当在开庭三日前提出。' },
        {
          kind: 'para',
          text: '申请人无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以按撤回仲裁申请处理；被申请人无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以缺席裁决。',
        },
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

/** The rights notice that goes with the award's finality (LDMAL Arts. 47–50; domain.md §12.3 item 9). */
function rightsNotice(final: boolean, intermediateCourt: string): Block[] {
  if (final) {
    return [
      { kind: 'para', text: '本裁决为终局裁决，自作出之日起发生法律效力。' },
      { kind: 'para', text: '劳动者对本裁决不服的，可以自收到本裁决书之日起十五日内向人民法院提起诉讼。' },
      {
        kind: 'para',
        text: `用人单位有证据证明本裁决有《中华人民共和国劳动争议调解仲裁法》第四十九条第一款规定情形之一的，可以自收到本裁决书之日起三十日内向${intermediateCourt}申请撤销裁决。`,
      },
      { kind: 'para', text: '一方当事人逾期不履行的，另一方当事人可以依法向人民法院申请强制执行。' },
    ];
  }
  return [
    { kind: 'para', text: '本裁决为非终局裁决。' },
    {
      kind: 'para',
      text: '当事人对本裁决不服的，可以自收到本裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，本裁决书发生法律效力。',
    },
    { kind: 'para', text: '一方当事人逾期不履行发生法律效力的裁决的，另一方当事人可以依法向人民法院申请强制执行。' },
  ];
}

function award(d: DocInput): DocSpec[] {
  const a = d.ctx.award;
  if (!a) throw new NotReadyError('尚未作出裁决（ISSUE_AWARD），不能生成裁决书');
  const facts = d.text.facts ?? d.awardText.facts;
  const reasoning = d.text.reasoning ?? d.awardText.reasoning;
  if (!facts) throw new MissingTextError('facts', '裁决书的“经审理查明”须由仲裁员撰写（请求中提供 facts，或在作出裁决时提交）');
  if (!reasoning) throw new MissingTextError('reasoning', '裁决书的“本委认为”须由仲裁员撰写（请求中提供 reasoning，或在作出裁决时提交）');
  const defense = d.text.defenseSummary ?? d.awardText.defenseSummary;
  const intermediateCourt = '聊城市中级人民法院';
  const hearing = d.ctx.hearingsHeld;
  const history: string[] = [
    `申请人${names(d.applicants)}与被申请人${names(d.respondents)}劳动人事争议一案，本委于${chineseDate(d.ctx.supplement?.completedOn ?? d.receivedOn)}收到仲裁申请，于${chineseDate(d.ctx.acceptedOn as string)}依法受理。`,
    d.arbitrators.length === 1
      ? `本委依法指定仲裁员${d.arbitrators[0]?.displayName}独任仲裁。`
      : `本委依法组成仲裁庭，由${d.arbitrators.find((x) => x.presiding)?.displayName}担任首席仲裁员，${d.arbitrators
          .filter((x) => !x.presiding)
          .map((x) => x.displayName)
          .join('、')}担任仲裁员。`,
    ...hearing.map(
      (h) =>
        `仲裁庭于${chineseDate(h.heldOn)}公开开庭审理了本案，${[h.applicantPresent ? '申请人到庭参加了仲裁活动' : '申请人经书面通知未到庭', h.respondentPresent ? '被申请人到庭参加了仲裁活动' : '被申请人经书面通知无正当理由未到庭，本案依法缺席审理'].join('，')}。`,
    ),
    ...d.ctx.suspensions.map((s) => `本案因${s.reason}于${chineseDate(s.from)}中止审理${s.to ? `，${chineseDate(s.to)}恢复审理` : ''}。`),
    ...(d.ctx.extension ? [`经本委主任批准，本案审理期限延长${d.ctx.extension.days}日。`] : []),
    '本案现已审理终结。',
  ];
  const groups: { final: boolean; suffix: string; items: typeof a.items }[] =
    a.finality === 'mixed'
      ? [
          { final: true, suffix: '-1', items: a.items.filter((i) => i.final) },
          { final: false, suffix: '-2', items: a.items.filter((i) => !i.final) },
        ]
      : [{ final: a.finality === 'final', suffix: '', items: a.items }];
  return groups.map((g) => {
    const claimIds = new Set(g.items.map((i) => i.claimId));
    const ruling: Block[] = [];
    let n = 0;
    const dismissed = [];
    for (const it of g.items) {
      const claim = d.claims.find((c) => c.id === it.claimId);
      if (it.outcome === 'dismissed') {
        dismissed.push(claim?.description ?? '');
        continue;
      }
      const days = (it as { paymentDays?: number | null }).paymentDays ?? 10;
      ruling.push({
        kind: 'para',
        text: it.amount
          ? `${++n}．被申请人于本裁决生效之日起${days}日内支付申请人${claim?.description ?? cat(it.category)}${yuan(it.amount)}；`
          : `${++n}．支持申请人关于${claim?.description ?? cat(it.category)}的请求；`,
      });
    }
    if (dismissed.length) ruling.push({ kind: 'para', text: `${++n}．驳回申请人关于${dismissed.join('、')}的仲裁请求。` });
    return {
      title: DOCUMENT_KINDS.award,
      caseNo: d.caseNo ? d.caseNo.replace(/号$/, `${g.suffix}号`) : null,
      commission: d.commission,
      dateOn: a.issuedOn,
      blocks: [
        ...parties(d),
        { kind: 'gap' },
        ...history.map((t): Block => ({ kind: 'para', text: t })),
        { kind: 'para', text: '申请人请求：' },
        ...claimsList(d, claimIds),
        {
          kind: 'para',
          text: `被申请人辩称：${defense ?? (a.defaultAward ? '被申请人未到庭，亦未提交答辩意见。' : '（答辩意见见庭审笔录。）')}`,
        },
        { kind: 'para', text: `经审理查明：${facts}` },
        { kind: 'para', text: `本委认为：${reasoning}` },
        { kind: 'para', text: '根据《中华人民共和国劳动争议调解仲裁法》第四十七条、第四十八条、第四十九条、第五十条之规定，裁决如下：' },
        ...ruling,
        ...rightsNotice(g.final, intermediateCourt),
      ],
      signatures: signatures(d),
      after: [`书记员　${d.clerkName}`, '本件与原本核对无异'],
    };
  });
}

function mediationDocument(d: DocInput): DocSpec[] {
  const m = d.ctx.mediation;
  if (!m?.terms || !m.agreedOn) throw new NotReadyError('尚未达成调解协议，不能生成调解书');
  return [
    {
      title: DOCUMENT_KINDS.mediation_document,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: m.agreedOn,
      blocks: [
        ...parties(d),
        { kind: 'gap' },
        {
          kind: 'para',
          text: `申请人${names(d.applicants)}与被申请人${names(d.respondents)}劳动人事争议一案，本委于${chineseDate(d.ctx.acceptedOn as string)}依法受理。`,
        },
        { kind: 'para', text: '申请人请求：' },
        ...claimsList(d),
        { kind: 'para', text: '本案在仲裁庭主持下，经调解，双方当事人自愿达成如下协议：' },
        { kind: 'para', text: m.terms },
        { kind: 'para', text: '本调解书经双方当事人签收后，即具有法律效力。' },
      ],
      signatures: signatures(d).length ? signatures(d) : ['仲裁员'],
      after: [`书记员　${d.clerkName}`],
    },
  ];
}

function advanceExecution(d: DocInput): DocSpec[] {
  const ae = d.ctx.advanceExecutions.at(-1);
  if (!ae) throw new NotReadyError('尚未作出先予执行裁决（ADVANCE_EXECUTION）');
  return [
    {
      title: DOCUMENT_KINDS.advance_execution_ruling,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: ae.ruledOn,
      blocks: [
        ...parties(d),
        { kind: 'gap' },
        {
          kind: 'para',
          text: `申请人${names(d.applicants)}与被申请人${names(d.respondents)}劳动人事争议一案，申请人申请先予执行。仲裁庭认为，本案当事人之间权利义务关系明确，不先予执行将严重影响申请人的生活。`,
        },
        { kind: 'para', text: '依照《中华人民共和国劳动争议调解仲裁法》第四十四条之规定，裁决如下：' },
        ...claimsList(d, new Set(ae.claimIds)).map((b) => ({ ...b, text: b.text.replace(/；$/, '，先予执行；') })),
        { kind: 'para', text: '本裁决移送人民法院执行。劳动者申请先予执行的，可以不提供担保。' },
      ],
      signatures: signatures(d),
      after: [`书记员　${d.clerkName}`],
    },
  ];
}

function transferLetter(d: DocInput): DocSpec[] {
  const purpose = d.text.purpose ?? d.ctx.transfers.at(-1)?.purpose;
  const court = d.text.court ?? d.ctx.transfers.at(-1)?.court;
  if (!purpose || !court) throw new MissingTextError('court', '移送函须写明受移送法院（court）和移送事由（purpose）');
  const enclosures =
    purpose === 'advance_execution'
      ? ['先予执行裁决书', '先予执行裁决书送达回证', '申请人身份证明及被申请人主体信息']
      : purpose === 'enforcement'
        ? ['发生法律效力的仲裁裁决书或调解书', '送达回证', '生效证明']
        : ['仲裁案卷材料目录', '仲裁裁决书', '送达回证'];
  if (purpose === 'advance_execution' && !d.ctx.advanceExecutions.length) throw new NotReadyError('本案没有先予执行裁决');
  const what = { advance_execution: '先予执行裁决', enforcement: '生效法律文书的强制执行', litigation: '案件材料（裁审衔接）' }[
    purpose as 'enforcement'
  ];
  return [
    {
      title: DOCUMENT_KINDS.court_transfer_letter,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: d.today,
      blocks: [
        { kind: 'to', text: `${court}：` },
        {
          kind: 'para',
          text: `本委受理的申请人${names(d.applicants)}与被申请人${names(d.respondents)}劳动人事争议一案（${d.caseNo ?? ''}），现依法将${what}移送你院。`,
        },
        { kind: 'para', text: '随函附送：' },
        ...enclosures.map((e, i): Block => ({ kind: 'para', text: `${i + 1}．${e}；` })),
        { kind: 'para', text: '请依法处理。' },
      ],
    },
  ];
}

function decision(d: DocInput): DocSpec[] {
  const matter = d.text.matter;
  const bodies: Record<string, () => string> = {
    suspension: () => {
      const s = d.ctx.suspensions.at(-1);
      if (!s) throw new NotReadyError('本案没有中止审理记录');
      return `本案因${s.reason}，依照《劳动人事争议仲裁办案规则》第四十七条之规定，经本委主任批准，决定本案自${chineseDate(s.from)}起中止审理。中止审理的原因消除后，恢复审理。`;
    },
    extension: () => {
      const e = d.ctx.extension;
      if (!e) throw new NotReadyError('本案没有延长审理期限记录');
      return `本案案情复杂，依照《中华人民共和国劳动争议调解仲裁法》第四十三条之规定，经本委主任批准，决定本案审理期限延长${e.days}日。`;
    },
    termination: () => {
      if (d.ctx.closure?.mode !== 'termination') throw new NotReadyError('本案未终止审理');
      return `${d.ctx.closure.reason ?? ''}。依照《劳动人事争议仲裁办案规则》第四十八条之规定，决定本案终止审理。`;
    },
    correction: () => {
      if (!d.ctx.award) throw new NotReadyError('本案尚无裁决，无需补正');
      if (!d.text.body) throw new MissingTextError('body', '补正决定须写明补正内容（body）');
      return `本委作出的${d.caseNo ?? ''}仲裁裁决书存在笔误，依照《劳动人事争议仲裁办案规则》第五十四条之规定，决定补正如下：${d.text.body}`;
    },
  };
  const make = matter ? bodies[matter] : undefined;
  if (!make) throw new MissingTextError('matter', '决定书须写明事项（matter）：suspension、extension、termination 或 correction');
  return [
    {
      title: DOCUMENT_KINDS.decision,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: d.today,
      blocks: [
        { kind: 'to', text: `${names(d.applicants)}、${names(d.respondents)}：` },
        { kind: 'para', text: make() },
        { kind: 'para', text: '本决定书自送达之日起生效。' },
      ],
    },
  ];
}

export const BUILDERS: Record<DocumentKind, (d: DocInput) => DocSpec[]> = {
  acceptance_notice: acceptanceNotice,
  rejection_notice: rejectionNotice,
  respond_notice: respondNotice,
  hearing_notice: hearingNotice,
  award,
  mediation_document: mediationDocument,
  advance_execution_ruling: advanceExecution,
  court_transfer_letter: transferLetter,
  decision,
};
