/**
 * `npm run bench:documents` — the award template against a bare pdfkit page with the same font and the same
 * text (the floor). Reports the first document in this fresh process, the warm median of 50, and PDF sizes.
 * Target (issue 5): warm award within 1.5× of the floor and under 150 KB.
 */
import PDFDocument from 'pdfkit';
import { songRegular } from '../templates/fonts.ts';
import { BUILDERS } from '../templates/kinds.ts';
import { type DocSpec, renderPdf, specText } from '../templates/layout.ts';
import { initialContext } from '../workflows/case-machine.ts';

const ctx = initialContext({
  track: 'arbitration',
  procedure: 'ordinary',
  collective: false,
  wageArrears: false,
  receivedOn: '2026-03-02',
  parties: [
    { id: 1, side: 'applicant', kind: 'person' },
    { id: 2, side: 'respondent', kind: 'organization' },
  ],
  claims: [{ id: 10, category: 'wages' }],
});
Object.assign(ctx, {
  acceptedOn: '2026-03-04',
  tribunal: { arbitratorIds: [7], presidingId: 7, formedOn: '2026-03-05' },
  hearingsHeld: [{ heldOn: '2026-03-25', applicantPresent: true, respondentPresent: true }],
  award: {
    finality: 'final',
    issuedOn: '2026-04-10',
    minimumWage: null,
    defaultAward: false,
    items: [{ claimId: 10, category: 'wages', outcome: 'granted', amountFen: 1200000, amount: '12000.00', final: true, reason: '' }],
  },
});
const facts = '申请人于2023年3月1日入职被申请人处从事焊工工作，月工资4000元。被申请人自2025年10月起未支付申请人工资。'.repeat(6);
const spec = BUILDERS.award({
  commission: '聊城市劳动人事争议仲裁委员会',
  caseNo: '聊劳人仲案字〔2026〕第15号',
  receivedOn: '2026-03-02',
  applicants: [
    {
      id: 1,
      kind: 'person',
      name: '张三',
      idNumber: '371502199001011234',
      sex: 'male',
      birthDate: '1990-01-01',
      address: '聊城市东昌府区柳园街道花园路12号',
      creditCode: null,
      legalRepresentative: null,
      legalRepresentativeTitle: null,
      agents: [],
    },
  ],
  respondents: [
    {
      id: 2,
      kind: 'organization',
      name: '聊城市鲁西机械制造有限公司',
      idNumber: null,
      sex: null,
      birthDate: null,
      address: '聊城市经济技术开发区黄河路1号',
      creditCode: '91371500MA3C7K2L12',
      legalRepresentative: '李四',
      legalRepresentativeTitle: '总经理',
      agents: [],
    },
  ],
  claims: [{ id: 10, seq: 1, category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' }],
  ctx,
  arbitrators: [{ displayName: '李明', presiding: true }],
  clerkName: '王晓燕',
  today: '2026-04-20',
  maskIds: false,
  text: {},
  awardText: { facts, reasoning: '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。'.repeat(4) },
})[0] as DocSpec;

/** The floor: the same text in the same (regular) font on A4 with bare pdfkit, no layout. */
function bare(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(chunks))));
  doc.registerFont('song', songRegular());
  doc.font('song').fontSize(16).text(text);
  doc.end();
  return done;
}

const text = specText(spec);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const time = async (f: () => Promise<Buffer>) => {
  const t0 = performance.now();
  const b = await f();
  return { ms: performance.now() - t0, size: b.length };
};

const firstAward = await time(() => renderPdf(spec, { createdAt: new Date('2026-04-20T02:00:00Z') }));
const firstBare = await time(() => bare(text));
const warmAward: number[] = [];
const warmBare: number[] = [];
let awardSize = 0;
let bareSize = 0;
for (let i = 0; i < 50; i++) {
  const a = await time(() => renderPdf(spec, { createdAt: new Date('2026-04-20T02:00:00Z') }));
  const b = await time(() => bare(text));
  warmAward.push(a.ms);
  warmBare.push(b.ms);
  awardSize = a.size;
  bareSize = b.size;
}
const wa = median(warmAward);
const wb = median(warmBare);
console.log('award (final, 1 claim, 2 pages) vs bare pdfkit with the same font and text');
console.log(`  first in process: award ${firstAward.ms.toFixed(0)} ms (font load included), bare ${firstBare.ms.toFixed(0)} ms`);
console.log(
  `  warm median of 50: award ${wa.toFixed(1)} ms, bare ${wb.toFixed(1)} ms → ${(wa / wb).toFixed(2)}× the floor (target ≤ 1.5×)`,
);
console.log(
  `  size: award ${(awardSize / 1024).toFixed(0)} KB (two faces: regular + bold), bare ${(bareSize / 1024).toFixed(0)} KB (target < 150 KB)`,
);
