import { spawnSync } from 'node:child_process';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { songRegular } from '../../templates/fonts.ts';
import {
  absenceAddition,
  BUILDERS,
  caseCause,
  chineseTime,
  confirmation,
  conversionReason,
  type DocInput,
  MissingTextError,
  type PartyView,
  RecordIncompleteError,
} from '../../templates/kinds.ts';
import { type Block, breakLines, type DocSpec, renderPdf } from '../../templates/layout.ts';
import { formatBasis, suggestedBasis } from '../../templates/legal-basis.ts';
import { SAMPLE_CONVERTED_INPUT, SAMPLE_INPUT, SAMPLE_PARTIAL_INPUT, SAMPLE_SERVICE_INPUT, sampleFor } from '../../templates/sample.ts';

const text = (specs: DocSpec[]) => JSON.stringify(specs.map((s) => s.blocks));
const withCtx = (patch: Partial<DocInput['ctx']>): DocInput => ({ ...SAMPLE_INPUT, ctx: { ...SAMPLE_INPUT.ctx, ...patch } });

describe('document templates print the record, nothing more', () => {
  it('an absent respondent: written notice and default hearing only when the notice was served before the hearing', () => {
    const served = text(BUILDERS.award(SAMPLE_INPUT));
    expect(served).toContain('被申请人经书面通知，未到庭，仲裁庭依照《中华人民共和国劳动争议调解仲裁法》第三十六条第二款的规定缺席审理');
    const unserved = text(BUILDERS.award(withCtx({ services: [] })));
    expect(unserved).toContain('被申请人未到庭');
    expect(unserved).not.toContain('书面通知');
    expect(unserved).not.toContain('缺席审理');
    const late = text(
      BUILDERS.award(withCtx({ services: [{ document: 'hearing_notice', partyId: 2, method: 'post', servedOn: '2026-03-26' }] })),
    );
    expect(late).not.toContain('书面通知');
    const byNotice = text(
      BUILDERS.award(withCtx({ services: [{ document: 'hearing_notice', partyId: 2, method: 'public_notice', servedOn: '2026-03-20' }] })),
    );
    expect(byNotice).toContain('被申请人经公告送达开庭通知，未到庭');
  });

  it('an award recites every extension approved, one of a period a restart superseded too (legal s46b M1)', () => {
    const award = text(
      BUILDERS.award(
        withCtx({
          earlierExtensions: [{ days: 10, approvedOn: '2026-03-10' }],
          extension: { days: 15, approvedOn: '2026-03-16' },
        } as Partial<DocInput['ctx']>),
      ),
    );
    expect(award).toContain('本案审理期限于二〇二六年三月十日延长十日');
    expect(award).toContain('本案审理期限于二〇二六年三月十六日延长十五日');
  });

  it('a reasoning or findings of only their heading are asked for (legal50a M3); no mark doubled after a heading', () => {
    const award = (t: Partial<DocInput['text']>) =>
      (BUILDERS.award({ ...SAMPLE_INPUT, text: { ...SAMPLE_INPUT.text, ...t } })[0] as DocSpec).blocks
        .filter((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para')
        .map((b) => b.text);
    // fixP50 (legal50a M3): nothing after the heading says nothing — asked for (422 text-from-arbitrator), as the defense
    // summary's heading alone is, not printed as "本委认为。".
    const empty: [Partial<DocInput['text']>, string][] = [
      [{ reasoning: '本委认为。' }, 'reasoning'],
      [{ reasoning: '本委认为：。' }, 'reasoning'],
      [{ reasoning: '本委认为' }, 'reasoning'],
      [{ reasoning: '本委认为……' }, 'reasoning'],
      [{ facts: '经审理查明：' }, 'facts'],
      [{ facts: '经审理查明。' }, 'facts'],
    ];
    for (const [t, field] of empty) {
      let thrown: unknown = null;
      try {
        award(t);
      } catch (e) {
        thrown = e;
      }
      expect(thrown instanceof MissingTextError ? thrown.field : String(thrown), JSON.stringify(t)).toBe(field);
    }
    const cases: [Partial<DocInput['text']>, string][] = [
      [{ reasoning: '本委认为；被申请人应当支付工资。' }, '本委认为：被申请人应当支付工资。'],
      [{ reasoning: '本委认为。被申请人应当支付工资。' }, '本委认为：被申请人应当支付工资。'],
      [{ reasoning: '被申请人应当支付工资。' }, '本委认为：被申请人应当支付工资。'],
      [{ facts: '经审理查明，申请人于2025年入职。' }, '经审理查明：申请人于2025年入职。'],
    ];
    for (const [t, line] of cases) {
      const paras = award(t);
      expect(paras, JSON.stringify(t)).toContain(line);
      for (const p of paras) expect(p, JSON.stringify(t)).not.toMatch(/[：:][。，；、.]|。。|：：/);
    }
    // A defense summary of the heading alone says nothing: not printed as "被申请人辩称：。".
    const d = award({ defenseSummary: '被申请人辩称。' }).join('\n');
    expect(d).not.toMatch(/辩称[：:]?。/);
  });

  it('an advance-execution ruling is refused when the record lacks a condition or the amount', () => {
    const ae = SAMPLE_INPUT.ctx.advanceExecutions[0] as DocInput['ctx']['advanceExecutions'][number];
    const cases: [Partial<typeof ae>, string][] = [
      [{ rightsClear: null }, 'rightsClear'],
      [{ lifeSeriouslyAffected: false }, 'lifeSeriouslyAffected'],
      [{ amounts: [] }, 'amounts'],
    ];
    for (const [patch, field] of cases) {
      const input = withCtx({ advanceExecutions: [{ ...ae, ...patch }] });
      expect(() => BUILDERS.advance_execution_ruling(input), field).toThrow(RecordIncompleteError);
      try {
        BUILDERS.advance_execution_ruling(input);
      } catch (e) {
        expect((e as RecordIncompleteError).field).toBe(field);
      }
    }
  });

  it('an advance-execution ruling recorded before its term was required prints its order without a term, none invented', () => {
    const ae = SAMPLE_INPUT.ctx.advanceExecutions[0] as DocInput['ctx']['advanceExecutions'][number];
    for (const legacy of [{ ...ae, paymentDays: null }, (({ paymentDays: _, ...rest }) => rest)(ae)]) {
      const out = text(BUILDERS.advance_execution_ruling(withCtx({ advanceExecutions: [legacy as typeof ae] })));
      expect(out).toContain('先行向申请人');
      expect(out).not.toMatch(/送达之日起.{1,4}日内/);
    }
    expect(text(BUILDERS.advance_execution_ruling(SAMPLE_INPUT))).toContain('于本裁决书送达之日起五日内先行');
  });

  it('a counterclaim against one of several workers makes only him 被反申请人 (an outside tester)', () => {
    const first = SAMPLE_INPUT.applicants[0] as DocInput['applicants'][number];
    const input: DocInput = {
      ...SAMPLE_INPUT,
      applicants: [first, { ...first, id: 9, name: '第二人', idNumber: null, agents: [] }],
      claims: [
        ...SAMPLE_INPUT.claims,
        {
          id: 99,
          seq: 9,
          category: 'damages',
          amount: '500.00',
          description: '返还培训费用',
          counterclaim: true,
          applicant: first.name,
          applicantId: first.id,
        },
      ],
    };
    const printed = text(BUILDERS.advance_execution_ruling(input));
    expect(printed).toContain(`申请人（被反申请人）：${first.name}`);
    expect(printed).toContain('申请人：第二人');
    // Against the applicants together, every one of them is.
    const together = {
      ...input,
      claims: input.claims.map((c) => (c.id === 99 ? { ...c, applicant: undefined, applicantId: undefined } : c)),
    };
    expect(text(BUILDERS.advance_execution_ruling(together))).toContain('申请人（被反申请人）：第二人');
  });

  it('no builder reads a clock: every date is the date of an act in the record', () => {
    // The 调解协议书 belongs to a mediation before arbitration: the sample as such a case, agreed on 03-10.
    const preArbitration = {
      ...SAMPLE_INPUT.ctx,
      trackMediation: { terms: '被申请人支付申请人工资10000元。', agreedOn: '2026-03-10', failedOn: null, referredOn: null },
    };
    for (const [kind, build] of Object.entries(BUILDERS)) {
      const sample = sampleFor(kind);
      const ctx = kind === 'mediation_agreement' ? preArbitration : sample.ctx;
      const specs = build({ ...sample, ctx, text: { ...sample.text, matter: 'suspension' } });
      for (const s of specs)
        expect(
          // 03-15: the sample's suspension ended (RESUME), the day of its 恢复审理通知书.
          [
            '2026-03-02',
            '2026-03-04',
            '2026-03-05',
            '2026-03-09',
            '2026-03-10',
            '2026-03-15',
            '2026-03-26',
            '2026-03-27',
            '2026-04-10',
            '2026-03-25',
          ],
          kind,
        ).toContain(s.dateOn);
    }
  });

  it('legal basis: suggestions per finality and outcome; citations grouped by law', () => {
    expect(suggestedBasis('wages', 'granted', true)).toEqual([
      '《中华人民共和国劳动合同法》第三十条',
      '《中华人民共和国劳动争议调解仲裁法》第四十七条第（一）项',
    ]);
    expect(suggestedBasis('wages', 'granted', false)).toEqual(['《中华人民共和国劳动合同法》第三十条']);
    // Partly granted: the substantive article, not the burden of proof (an outside tester, L4).
    expect(suggestedBasis('economic_compensation', 'partly', false)).toEqual([
      '《中华人民共和国劳动合同法》第四十六条',
      '《中华人民共和国劳动合同法》第四十七条',
    ]);
    expect(suggestedBasis('social_insurance', 'dismissed', true)).toEqual([
      '《中华人民共和国劳动争议调解仲裁法》第六条',
      '《中华人民共和国劳动争议调解仲裁法》第四十七条第（二）项',
    ]);
    expect(formatBasis(['《甲法》第一条', '《乙法》第二条', '《甲法》第三条', '《甲法》第一条'])).toBe(
      '《甲法》第一条、第三条，《乙法》第二条',
    );
    // The items' bases brought together are cited in the law's own order.
    expect(
      formatBasis([
        '《中华人民共和国劳动争议调解仲裁法》第四十七条第（一）项',
        '《中华人民共和国劳动争议调解仲裁法》第六条',
        '《中华人民共和国劳动争议调解仲裁法》第四十七条第（二）项',
        '《中华人民共和国劳动合同法》第一百零三条',
        '《中华人民共和国劳动合同法》第三十条',
      ]),
    ).toBe(
      '《中华人民共和国劳动争议调解仲裁法》第六条、第四十七条第（一）项、第（二）项，《中华人民共和国劳动合同法》第三十条、第一百零三条',
    );
    // The same article (or paragraph) is not named again (an outside tester, L1); a whole article before a part keeps it.
    expect(formatBasis(['《甲法》第四十七条第一款第（一）项', '《甲法》第四十七条第一款第（二）项', '《甲法》第四十七条第二款'])).toBe(
      '《甲法》第四十七条第一款第（一）项、第（二）项、第二款',
    );
    expect(formatBasis(['《甲法》第四十七条', '《甲法》第四十七条第（二）项'])).toBe('《甲法》第四十七条、第四十七条第（二）项');
    expect(chineseTime('09:30')).toBe('上午九时三十分');
    expect(chineseTime('14:00')).toBe('下午二时');
  });
});

describe('the tribunal notice after a recusal (an outside tester)', () => {
  it('is dated the DECIDE_RECUSAL that replaced an arbitrator, not the formation (LDMAL Art. 33; Rules Art. 12)', () => {
    const recusal = {
      on: '2026-03-23',
      partyId: 2,
      target: { kind: 'arbitrator' as const, userId: 8, name: null, commissionChair: false },
      ground: 'relationship',
      reason: '与申请人系亲属',
      afterDebate: false,
      decision: {
        on: '2026-03-27',
        result: 'granted' as const,
        decidedBy: 'chair' as const,
        replacementId: 10,
        replacementName: null,
        reason: null,
      },
    };
    const specs = BUILDERS.tribunal_notice(withCtx({ recusalApplications: [recusal] }));
    expect(specs[0]?.dateOn).toBe('2026-03-27');
    expect(text(specs)).toContain('因原仲裁员回避');
    // Rejected: the tribunal stands as formed.
    const rejected = { ...recusal, decision: { ...recusal.decision, result: 'rejected' as const, replacementId: null } };
    expect(BUILDERS.tribunal_notice(withCtx({ recusalApplications: [rejected] }))[0]?.dateOn).toBe('2026-03-05');
    // A recorder's recusal does not change the tribunal.
    const recorder = { ...recusal, target: { ...recusal.target, kind: 'recorder' as const } };
    expect(BUILDERS.tribunal_notice(withCtx({ recusalApplications: [recorder] }))[0]?.dateOn).toBe('2026-03-05');
  });
});

describe('a claim of the broad category labor_standards (an outside tester, M2)', () => {
  const LL = '《中华人民共和国劳动法》';
  const ART_47_2 = '《中华人民共和国劳动争议调解仲裁法》第四十七条第（二）项';
  it('cites what its words are about, not the overtime article; nothing when they do not say', () => {
    // LL Art. 72 for social insurance; LL Art. 44 only for overtime; 职工带薪年休假条例 Art. 5 for leave not taken.
    const sub = (description: string) => suggestedBasis('labor_standards', 'granted', true, { description });
    expect(sub('补缴2025年社会保险')).toEqual([`${LL}第七十二条`, ART_47_2]);
    expect(sub('支付2025年休息日加班工资')).toEqual([`${LL}第四十四条`, '《中华人民共和国劳动合同法》第三十一条', ART_47_2]);
    expect(sub('支付未休年休假工资')).toEqual(['《职工带薪年休假条例》第五条', ART_47_2]);
    // Words of none, or of several subjects: the arbitrator cites (no Art. 47(2) alone either).
    expect(sub('按集体合同执行每周工作四十小时')).toEqual([]);
    expect(sub('支付加班工资并补缴社会保险')).toEqual([]);
    // A benefit is not LL Art. 72's contributions: the arbitrator cites its regulation (工伤保险条例, 社会保险法).
    expect(sub('支付工伤保险待遇')).toEqual([]);
    expect(sub('赔偿未缴失业保险造成的失业保险金损失')).toEqual([]);
    expect(sub('补缴社会保险费')).toEqual([`${LL}第七十二条`, ART_47_2]);
    expect(suggestedBasis('labor_standards', 'granted', true)).toEqual([]);
    // Dismissed: the burden of proof, as for any claim.
    expect(suggestedBasis('labor_standards', 'dismissed', true, { description: '执行每周四十小时' })).toEqual([
      '《中华人民共和国劳动争议调解仲裁法》第六条',
      ART_47_2,
    ]);
    // The specific categories keep their articles.
    expect(suggestedBasis('social_insurance', 'granted', false)).toEqual([`${LL}第七十二条`]);
    expect(suggestedBasis('wages', 'granted', false, { description: '支付拖欠工资' })).toEqual(['《中华人民共和国劳动合同法》第三十条']);
  });

  it('the 案由 from what the claim is: 社会保险, not 工作时间和休息休假; a broad claim of unsaid subject is not named', () => {
    expect(caseCause([{ category: 'labor_standards', description: '补缴2025年社会保险' }])).toBe('社会保险争议');
    expect(caseCause([{ category: 'labor_standards', description: '支付延长工作时间加班费' }])).toBe('工作时间和休息休假争议');
    expect(
      caseCause([
        { category: 'wages', description: '支付拖欠工资' },
        { category: 'labor_standards', description: '执行每周四十小时工作制' },
      ]),
    ).toBe('劳动报酬争议');
    expect(caseCause([{ category: 'labor_standards', description: '执行每周四十小时工作制' }])).toBe('劳动人事争议');
  });

  it('the award prints LL Art. 72 for 补缴社会保险 granted without a basis, and asks for one it cannot suggest', () => {
    const award = SAMPLE_INPUT.ctx.award as NonNullable<DocInput['ctx']['award']>;
    const input = (description: string): DocInput => ({
      ...SAMPLE_INPUT,
      claims: [{ id: 10, seq: 1, category: 'labor_standards', amount: null, description }],
      ctx: {
        ...SAMPLE_INPUT.ctx,
        award: {
          ...award,
          finality: 'final',
          items: [{ claimId: 10, category: 'labor_standards', outcome: 'granted', amountFen: null, amount: null, final: true, reason: '' }],
        },
      },
    });
    const printed = text(BUILDERS.award(input('补缴2025年社会保险')));
    expect(printed).toContain('《中华人民共和国劳动法》第七十二条');
    expect(printed).not.toContain('第四十四条');
    expect(printed).toContain('社会保险争议');
    expect(printed).not.toContain('工作时间和休息休假');
    expect(() => BUILDERS.award(input('执行每周四十小时工作制'))).toThrow(MissingTextError);
  });
});

describe('advance execution on application (LDMAL Art. 44; an outside tester, L3)', () => {
  it('the ruling and the award history print the day the applicant applied, where recorded', () => {
    const ae = SAMPLE_INPUT.ctx.advanceExecutions[0] as DocInput['ctx']['advanceExecutions'][number];
    const input = withCtx({ advanceExecutions: [{ ...ae, appliedOn: '2026-03-20' }] });
    expect(text(BUILDERS.advance_execution_ruling(input))).toContain('申请人于二〇二六年三月二十日向仲裁庭申请先予执行。');
    expect(text(BUILDERS.award(input))).toContain(
      '申请人于二〇二六年三月二十日申请先予执行，仲裁庭于二〇二六年三月二十六日作出先予执行裁决，裁决被申请人',
    );
    // A record without the day keeps the wording it had.
    expect(text(BUILDERS.advance_execution_ruling(SAMPLE_INPUT))).toContain('审理中，申请人向仲裁庭申请先予执行。');
  });
});

describe('agreed terms keep their lines', () => {
  it('the 调解书 prints each typed line of the terms as its own paragraph; a legacy one without a tribunal reads 本委', () => {
    const m = SAMPLE_INPUT.ctx.mediation as NonNullable<DocInput['ctx']['mediation']>;
    const input = withCtx({ mediation: { ...m, terms: '一、被申请人支付工资12000元；\n\n二、双方再无其他争议。' } });
    const blocks = BUILDERS.mediation_document(input)[0]?.blocks ?? [];
    const paras = blocks.filter((b) => b.kind === 'para').map((b) => (b as { text: string }).text);
    expect(paras).toContain('一、被申请人支付工资12000元；');
    expect(paras).toContain('二、双方再无其他争议。');
    expect(text(BUILDERS.mediation_document(input))).toContain('本案经仲裁庭主持调解');
    const legacy = text(BUILDERS.mediation_document({ ...input, arbitrators: [] }));
    expect(legacy).toContain('本案经本委主持调解');
  });
});

describe('the deemed-withdrawal decision prints the reason only as what it adds', () => {
  it.each([
    ['申请人经书面通知无正当理由拒不到庭', ''],
    ['申请人经书面通知无正当理由拒不到庭。', ''],
    ['无正当理由拒不到庭', ''],
    ['未经仲裁庭同意中途退庭', ''],
    ['经书面通知无正当理由拒不到庭，且电话无法联系', '电话无法联系'],
    ['电话无法联系', '电话无法联系'],
    ['未能联系申请人', '未能联系申请人'],
    ['并非不可抗力', '并非不可抗力'],
    ['拒不到庭的理由不成立', '拒不到庭的理由不成立'],
    ['电话无法联系，拒不到庭。', '电话无法联系'],
  ])('%s → %s', (reason, more) => expect(absenceAddition(reason)).toBe(more));
});

describe('layout (GB/T 9704)', () => {
  it('line breaking keeps closing marks off line starts and opening marks off line ends', () => {
    const doc = new PDFDocument({ size: 'A4' });
    doc.registerFont('song', songRegular());
    doc.font('song').fontSize(16);
    const sample =
      '申请人请求：被申请人支付工资（含加班费），共计12000.00元。本委认为，用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。'.repeat(
        6,
      );
    for (const width of [200, 233, 260, 301, 442]) {
      const lines = breakLines(doc, sample, width - 32, width);
      expect(lines.join('')).toBe(sample);
      for (const l of lines.slice(1)) expect(l[0], `${width}: ${l}`).not.toMatch(/[，。、；：？！）》]/);
      for (const l of lines.slice(0, -1)) expect(l.at(-1), `${width}: ${l}`).not.toMatch(/[（《]/);
      for (const l of lines) expect(doc.widthOfString(l)).toBeLessThanOrEqual(width + 0.5);
    }
    doc.end();
  });

  it('an identity number or a credit code never breaks across lines: it moves whole to the next line (PDF read back)', async () => {
    // GB 11643-1999 identity number, its masked form, GB 32100-2015 unified social credit code.
    const numbers = ['11010519491231002X', '3715**********1234', '91371500MA3C12345X'];
    const lead = '申请人张三，男，汉族，住山东省聊城市东昌府区某某街道某某小区，公民身份号码';
    // Every offset of the number along a line: some would put the line's end inside the number.
    const paras = numbers.flatMap((no) =>
      Array.from(
        { length: 28 },
        (_, i) => `${lead.slice(0, (i % lead.length) + 1)}${'某'.repeat(Math.floor(i / 2))}${no}，委托代理人李四。`,
      ),
    );
    const doc = new PDFDocument({ size: 'A4' });
    doc.registerFont('song', songRegular());
    doc.font('song').fontSize(16);
    const width = 595.28 - (28 + 26) * (72 / 25.4);
    let wouldSplit = 0;
    for (const p of paras) {
      const lines = breakLines(doc, p, width - 32, width);
      expect(lines.join('')).toBe(p);
      const no = numbers.find((n) => p.includes(n)) as string;
      expect(
        lines.filter((l) => l.includes(no)),
        p,
      ).toHaveLength(1);
      // Character by character (the old way), the first line would have ended inside the number.
      const before = p.slice(0, p.indexOf(no));
      if (doc.widthOfString(before) < width - 32 && doc.widthOfString(before + no) > width - 32) wouldSplit++;
    }
    doc.end();
    expect(wouldSplit).toBeGreaterThan(3);
    const spec: DocSpec = {
      title: '决定书',
      caseNo: null,
      commission: '聊城市劳动人事争议仲裁委员会',
      dateOn: '2026-04-20',
      blocks: paras.map((text) => ({ kind: 'para', text, indent: true })),
    };
    const pdf = await renderPdf(spec, { createdAt: new Date('2026-04-20T00:00:00Z') });
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf });
    const lines = r.stdout
      .toString('utf8')
      .split('\n')
      .map((l) => l.replace(/\s+/g, ''));
    for (const no of numbers) expect(lines.filter((l) => l.includes(no)).length, no).toBe(28);
  });

  it('body justified to the right margin; the date four characters in; the commission centred over it', async () => {
    const [spec] = BUILDERS.decision({ ...SAMPLE_INPUT, text: { ...SAMPLE_INPUT.text, matter: 'suspension' } });
    const pdf = await renderPdf(spec as DocSpec, { createdAt: new Date('2026-04-20T00:00:00Z') });
    const r = spawnSync('pdftotext', ['-bbox-layout', '-', '-'], { input: pdf });
    const xml = r.stdout.toString('utf8');
    const lines = [...xml.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
      xMin: Number(m[1]),
      xMax: Number(m[2]),
      text: [...(m[3] as string).matchAll(/>([^<]+)<\/word>/g)].map((w) => w[1]).join(''),
    }));
    const MM = 72 / 25.4;
    const right = 595.28 - 26 * MM;
    // The decision's paragraph runs over several lines; all but its last reach the right margin.
    const body = lines.filter((l) => l.xMin < 28 * MM + 40 && l.text.length > 20);
    expect(body.length).toBeGreaterThan(2);
    for (const l of body.slice(0, -2)) expect(Math.abs(l.xMax - right), l.text).toBeLessThan(1.5);
    const date = lines.find((l) => l.text.startsWith('二〇二六年'));
    expect(date && Math.abs(date.xMax - (right - 4 * 16))).toBeLessThan(1.5);
    const issuer = lines.find((l) => l.text === '聊城市劳动人事争议仲裁委员会' && l.xMin > 100);
    expect(issuer).toBeDefined();
  });
});

describe('confirmation: the claim words parsed, the parties named, the period in its place (rev41 H1)', () => {
  const W = '申请人张三';
  const E = '被申请人某公司';
  const both = `确认${W}与${E}之间`;
  it.each([
    ['确认申请人与被申请人于2023年3月1日至2025年6月30日期间存在劳动关系', `${both}于2023年3月1日至2025年6月30日期间存在劳动关系`],
    ['确认申请人张三与被申请人之间存在劳动关系', `${both}存在劳动关系`],
    ['确认申请人与聊城某某公司之间存在劳动关系', `${both}存在劳动关系`],
    // Words that are not "a relationship exists" are printed as written.
    ['确认申请人系被申请人员工', '确认申请人系被申请人员工'],
    ['确认劳动关系', `${both}存在劳动关系`],
    ['请求确认自2023年3月1日起与被申请人存在劳动关系', `${both}自2023年3月1日起存在劳动关系`],
    ['确认2023年3月1日至2025年12月31日与被申请人存在劳动关系', `${both}于2023年3月1日至2025年12月31日期间存在劳动关系`],
    ['确认申请人与被申请人自2023年3月1日至2025年6月30日存在劳动关系', `${both}自2023年3月1日至2025年6月30日存在劳动关系`],
    ['确认与被申请人存在劳动关系', `${both}存在劳动关系`],
    ['确认双方存在事实劳动关系', `${both}存在事实劳动关系`],
    ['确认申请人与被申请人不存在劳动关系', `${both}不存在劳动关系`],
    ['确认申请人与被申请人之间的劳动关系于2025年6月30日解除', `${both}的劳动关系于2025年6月30日解除`],
    ['确认双方2025年存在劳动关系', '确认双方2025年存在劳动关系'],
  ])('%s', (claim, printed) => {
    expect(confirmation(claim, W, E)).toBe(printed);
  });
});

describe('reviewer docs42', () => {
  const correction = (input: DocInput, corrects?: DocInput['text']['corrects']) =>
    text(
      BUILDERS.decision({
        ...input,
        text: { ...input.text, matter: 'correction', body: '笔误', decidedOn: '2026-04-20', ...(corrects ? { corrects } : {}) },
      }),
    );
  const fieldOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof MissingTextError ? e.field : String(e);
    }
    return null;
  };

  it('H1: a correction names the award part it corrects by its own number; never a 第N号 no document bears (Rules Art. 54)', () => {
    // The sample award is split by finality: 第15-1号 (final) and 第15-2号 (non-final).
    expect(fieldOf(() => correction(SAMPLE_INPUT))).toBe('corrects.part');
    const final = correction(SAMPLE_INPUT, { part: 'final' });
    expect(final).toContain('本委于二〇二六年四月十日作出的聊劳人仲案字〔2026〕第15-1号终局仲裁裁决书存在笔误');
    expect(correction(SAMPLE_INPUT, { part: 'non_final' })).toContain('第15-2号非终局仲裁裁决书');
    // One award of one finality: the only candidate, as before.
    const single = withCtx({ award: { ...(SAMPLE_INPUT.ctx.award as NonNullable<DocInput['ctx']['award']>), finality: 'final' } });
    expect(correction(single)).toContain('作出的聊劳人仲案字〔2026〕第15号仲裁裁决书存在笔误');
    expect(fieldOf(() => correction(single, { partialAward: 3 }))).toBe('corrects');
  });

  it('H1: a partial award can be corrected, by its own number (第N号之一) and date', () => {
    expect(correction(SAMPLE_PARTIAL_INPUT)).toContain(
      '本委于二〇二六年三月二十六日作出的聊劳人仲案字〔2026〕第15号之一部分裁决书存在笔误',
    );
    // With the award too, the request must say which.
    const both: DocInput = { ...SAMPLE_PARTIAL_INPUT, ctx: { ...SAMPLE_PARTIAL_INPUT.ctx, award: SAMPLE_INPUT.ctx.award } };
    expect(fieldOf(() => correction(both))).toBe('corrects');
    expect(correction(both, { partialAward: 1 })).toContain('第15号之一部分裁决书');
  });
});

describe('reviewer docs42: layout', () => {
  const MM = 72 / 25.4;
  const bbox = async (spec: DocSpec) => {
    const pdf = await renderPdf(spec, { createdAt: new Date('2026-04-20T00:00:00Z') });
    const xml = spawnSync('pdftotext', ['-bbox-layout', '-', '-'], { input: pdf }).stdout.toString('utf8');
    return [...xml.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
      xMin: Number(m[1]),
      xMax: Number(m[2]),
      text: [...(m[3] as string).matchAll(/>([^<]+)<\/word>/g)].map((w) => w[1]).join(''),
    }));
  };

  it('H2: a 调解协议书 signature line with a long name wraps inside the margins, never off the left edge', async () => {
    const sample = sampleFor('mediation_agreement');
    const long = '山东省聊城市东昌府区某某某某某某某某机械设备制造有限责任公司第二分公司';
    const [spec] = BUILDERS.mediation_agreement({
      ...sample,
      respondents: sample.respondents.map((p) => ({ ...p, name: long })),
    });
    const lines = await bbox(spec as DocSpec);
    for (const l of lines) {
      expect(l.xMin, l.text).toBeGreaterThanOrEqual(28 * MM - 1);
      expect(l.xMax, l.text).toBeLessThanOrEqual(595.28 - 26 * MM + 1);
    }
    const pdf = await renderPdf(spec as DocSpec, { createdAt: new Date('2026-04-20T00:00:00Z') });
    const layout = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).stdout.toString('utf8').replace(/\s/g, '');
    expect(layout).toContain(`被申请人${long}（签名或者盖章）`);
  });
});

describe('reviewer docs42: parties and addressees', () => {
  const worker = SAMPLE_INPUT.applicants[0] as DocInput['applicants'][number];
  const firm = SAMPLE_INPUT.respondents[0] as DocInput['respondents'][number];

  it('M4: a notice says 你, 你们 or 你单位 by its addressees, never 你（们） or 你（单位）', () => {
    const one = text(BUILDERS.acceptance_notice(SAMPLE_INPUT));
    expect(one).toContain('"你与');
    expect(one).not.toMatch(/你（/);
    const two = text(BUILDERS.acceptance_notice({ ...SAMPLE_INPUT, applicants: [worker, { ...worker, id: 9, name: '第二人' }] }));
    expect(two).toContain('"你们与');
    // An employer applying against a worker.
    const byEmployer = { ...SAMPLE_INPUT, applicants: [firm], respondents: [worker] };
    expect(text(BUILDERS.acceptance_notice(byEmployer))).toContain('"你单位与');
    const respond = text(BUILDERS.respond_notice(byEmployer));
    expect(respond).toContain('与你劳');
    expect(respond).toContain('送达你，');
    expect(text(BUILDERS.respond_notice(SAMPLE_INPUT))).toContain('送达你单位，');
    const rejected = withCtx({ rejection: { decidedOn: '2026-03-05', reason: '不属于劳动争议' } } as Partial<DocInput['ctx']>);
    const rejection = text(BUILDERS.rejection_notice({ ...rejected, applicants: [firm], respondents: [worker] }));
    expect(rejection).toContain('你单位于');
    expect(rejection).toContain('你单位对本不予受理决定不服的');
    expect(rejection).not.toMatch(/你（/);
    expect(one).toContain('仲裁庭组成情况，本委将另行书面通知');
  });

  it('M5: a 个体工商户 is represented by its 经营者, a branch by its 负责人 (LDMAL Art. 28)', () => {
    const lines = (p: DocInput['respondents'][number]) => text(BUILDERS.respond_notice({ ...SAMPLE_INPUT, respondents: [p] }));
    const award = (p: DocInput['respondents'][number]) => text(BUILDERS.award({ ...SAMPLE_INPUT, respondents: [p] }));
    expect(award(firm)).toContain('法定代表人：李四，总经理。');
    expect(award({ ...firm, ownership: 'individual', legalRepresentativeTitle: null })).toContain('经营者：李四。');
    expect(award({ ...firm, name: '聊城某某机械有限公司东昌府分公司' })).toContain('负责人：李四，总经理。');
    expect(award({ ...firm, legalRepresentativeTitle: '负责人' })).toContain('负责人：李四。');
    expect(lines(firm)).toBeDefined();
  });

  it('M11: an agent is described as the firm’s lawyer, assigned by legal aid, recommended by the union', () => {
    const agents = [
      { name: '王大律', kind: 'lawyer', unit: '山东鲁西明德律师事务所' },
      { name: '赵援', kind: 'legal_aid', unit: '聊城市法律援助中心' },
      { name: '钱工', kind: 'union', unit: '聊城市总工会' },
      { name: '孙某', kind: 'lawyer', unit: null },
    ];
    const printed = text(BUILDERS.award({ ...SAMPLE_INPUT, applicants: [{ ...worker, agents }] }));
    expect(printed).toContain('委托代理人：王大律，山东鲁西明德律师事务所律师。');
    expect(printed).toContain('委托代理人：赵援，聊城市法律援助中心指派的法律援助人员。');
    expect(printed).toContain('委托代理人：钱工，聊城市总工会推荐的人员。');
    expect(printed).toContain('委托代理人：孙某，律师。');
  });
});

describe('reviewer docs42: mediation documents', () => {
  const mediated = (terms: string, patch: Partial<DocInput['ctx']> = {}) =>
    BUILDERS.mediation_document(withCtx({ mediation: { terms, agreedOn: '2026-04-10', signatures: [] } as never, ...patch }));

  it('M10: a 仲裁调解书 does not recite a party as absent and then both as agreeing; one-line terms print one per paragraph', () => {
    const printed = text(mediated('一、被申请人于2026年4月20日前支付申请人工资8000元；二、双方再无其他争议。'));
    expect(printed).not.toContain('未到庭');
    expect(printed).toContain('双方当事人自愿达成如下协议');
    expect(printed).toContain('"一、被申请人于2026年4月20日前支付申请人工资8000元；"');
    expect(printed).toContain('"二、双方再无其他争议。"');
    // An amount with a decimal point is not an item number.
    expect(text(mediated('1、支付工资8000.5元。2、双方再无争议。'))).toContain('"2、双方再无争议。"');
    expect(text(mediated('被申请人支付申请人工资8000元；二者另议。'))).toContain('"被申请人支付申请人工资8000元；二者另议。"');
  });
});

describe('reviewer docs43: receipts, third parties, terms, advance execution, layout', () => {
  type Ctx = DocInput['ctx'];
  type Service = Ctx['services'][number];
  const receiptOf = (patch: Partial<Ctx>, partyId: number, extra: Partial<DocInput['text']> = {}): string => {
    const [spec] = BUILDERS.service_receipt({
      ...SAMPLE_INPUT,
      ctx: { ...SAMPLE_INPUT.ctx, ...patch },
      text: { ...SAMPLE_INPUT.text, partyId, ...extra },
    });
    const table = (spec as DocSpec).blocks.find((b) => b.kind === 'table') as Extract<Block, { kind: 'table' }>;
    return [table.header.join('|'), ...table.rows.map((r) => r.join('|'))].join('\n');
  };
  const served = (s: Partial<Service>): Service => ({ document: 'award', partyId: 2, method: 'direct', servedOn: '2026-04-12', ...s });
  const partial = SAMPLE_PARTIAL_INPUT.ctx.partialAwards[0] as NonNullable<Ctx['award']>;

  it('H1: an award receipt names the award document served — each part of a split award, a partial award by 之一', () => {
    const split = receiptOf({ services: [served({})] }, 2);
    expect(split).toContain(
      '送达文书|仲裁裁决书（终局）　聊劳人仲案字〔2026〕第15-1号\n仲裁裁决书（非终局）　聊劳人仲案字〔2026〕第15-2号',
    );
    expect(split).not.toContain('第15号');
    // A partial award (03-26) and the award (04-10): each service by the award it names, or, naming none, by what no
    // earlier service delivered.
    const both = { partialAwards: [partial] };
    const services = [served({ servedOn: '2026-03-27', awardOn: '2026-03-26' }), served({ servedOn: '2026-04-12' })];
    const first = receiptOf({ ...both, services }, 2, { occurrence: 1 });
    expect(first).toContain('送达文书|部分裁决书　聊劳人仲案字〔2026〕第15号之一\n受送达人');
    const second = receiptOf({ ...both, services }, 2, { occurrence: 2 });
    expect(second).toContain('第15-1号');
    expect(second).not.toContain('部分裁决书');
    const named = receiptOf({ ...both, services: [served({ servedOn: '2026-04-12', awardOn: '2026-03-26' })] }, 2);
    expect(named).toContain('部分裁决书　聊劳人仲案字〔2026〕第15号之一\n受送达人');
    // Naming none and served after both: both delivered.
    const together = receiptOf({ ...both, services: [served({ servedOn: '2026-04-12' })] }, 2);
    expect(together).toContain('第15号之一');
    expect(together).toContain('第15-2号');
  });

  it('H1: two advance-execution rulings are told apart on their receipts by the day each was made', () => {
    const ae = SAMPLE_INPUT.ctx.advanceExecutions[0] as Ctx['advanceExecutions'][number];
    const advanceExecutions = [ae, { ...ae, ruledOn: '2026-03-28' }];
    const services = [
      served({ document: 'advance_execution_ruling', servedOn: '2026-03-27' }),
      served({ document: 'advance_execution_ruling', servedOn: '2026-03-29' }),
    ];
    const one = receiptOf({ advanceExecutions, services }, 2, { occurrence: 1, servedDocument: 'advance_execution_ruling' });
    const two = receiptOf({ advanceExecutions, services }, 2, { occurrence: 2, servedDocument: 'advance_execution_ruling' });
    expect(one).toContain('先予执行裁决书　聊劳人仲案字〔2026〕第15号（二〇二六年三月二十六日作出）');
    expect(one).not.toContain('二十八日作出');
    expect(two).toContain('先予执行裁决书　聊劳人仲案字〔2026〕第15号（二〇二六年三月二十八日作出）');
    expect(two).not.toContain('二十六日作出');
  });

  it('M2: a receipt labels who stands for an organization as the awards do — 经营者, 负责人, 法定代表人', () => {
    const firm = SAMPLE_INPUT.respondents[0] as PartyView;
    const receipt = (p: Partial<PartyView>) => {
      const [spec] = BUILDERS.service_receipt({ ...SAMPLE_SERVICE_INPUT, respondents: [{ ...firm, ...p }] });
      return JSON.stringify((spec as DocSpec).blocks);
    };
    expect(receipt({ ownership: 'individual', legalRepresentativeTitle: null })).toContain('（经营者：李四）');
    expect(receipt({ name: '聊城某某机械有限公司柳园分公司', legalRepresentativeTitle: null })).toContain('（负责人：李四）');
    expect(receipt({ legalRepresentativeTitle: '总经理' })).toContain('（法定代表人：李四）');
    expect(receipt({ ownership: 'individual' })).not.toContain('法定代表人');
  });

  it('H3: a third party is named with the case and addressed by the notices and decisions that go to every party', () => {
    const third: PartyView = { ...(SAMPLE_INPUT.applicants[0] as PartyView), id: 3, name: '王五', agents: [] };
    const withThird: DocInput = { ...SAMPLE_INPUT, thirdParties: [third] };
    const firm = (SAMPLE_INPUT.respondents[0] as PartyView).name;
    for (const kind of ['hearing_notice', 'tribunal_notice'] as const) {
      const blocks = (BUILDERS[kind](withThird)[0] as DocSpec).blocks;
      expect(blocks[0], kind).toEqual({ kind: 'to', text: `${SAMPLE_INPUT.applicants[0]?.name}、${firm}、王五：` });
      expect(JSON.stringify(blocks), kind).toContain(`与被申请人${firm}、第三人王五`);
    }
    const correction = BUILDERS.decision({
      ...withThird,
      text: {
        ...withThird.text,
        matter: 'correction',
        body: '第3页“二〇二五年”应为“二〇二六年”。',
        decidedOn: '2026-04-20',
        corrects: { part: 'final' },
      },
    });
    expect((correction[0] as DocSpec).blocks[0]).toEqual({ kind: 'to', text: `${SAMPLE_INPUT.applicants[0]?.name}、${firm}、王五：` });
    expect(text(BUILDERS.award(withThird))).toContain(`与被申请人${firm}、第三人王五`);
    expect(text(BUILDERS.acceptance_notice(withThird))).toContain(`与${firm}、第三人王五`);
    // One added after the hearing was scheduled (Rules Art. 46(1)) was not yet in the case that day.
    const later: DocInput = {
      ...withThird,
      ctx: {
        ...withThird.ctx,
        partyAdditions: [{ partyId: 3, side: 'third_party', on: '2026-03-20', ground: '与案件处理结果有利害关系' }],
      },
    };
    expect(text(BUILDERS.hearing_notice(later))).not.toContain('王五');
    expect(text(BUILDERS.award(later))).toContain('、第三人王五');
  });

  it('H2: a term of 0 days stored before it was refused prints 立即, never 〇日内', () => {
    const ae = SAMPLE_INPUT.ctx.advanceExecutions[0] as Ctx['advanceExecutions'][number];
    const ruling = text(BUILDERS.advance_execution_ruling(withCtx({ advanceExecutions: [{ ...ae, paymentDays: 0 }] })));
    expect(ruling).toContain('于本裁决书送达后立即先行向申请人');
    expect(ruling).not.toContain('〇日内');
    const a = SAMPLE_INPUT.ctx.award as NonNullable<Ctx['award']>;
    const award = text(BUILDERS.award(withCtx({ award: { ...a, items: a.items.map((i) => ({ ...i, paymentDays: 0 })) } })));
    expect(award).toContain('于本裁决生效后立即向申请人');
    expect(award).not.toContain('〇日内');
  });

  it('M7: an advance-execution ruling is not payment — the award orders the amount, the executed part deducted on enforcement', () => {
    const a = SAMPLE_INPUT.ctx.award as NonNullable<Ctx['award']>;
    const partlyAdvanced = text(BUILDERS.award(SAMPLE_INPUT));
    expect(partlyAdvanced).toContain(
      '工资12000.00元（人民币壹万贰仟元整），本委于二〇二六年三月二十六日作出的先予执行裁决已裁决先行支付8000.00元（人民币捌仟元整），已先予执行的部分在执行时予以扣减',
    );
    expect(partlyAdvanced).not.toContain('尚需支付');
    const covered = text(
      BUILDERS.award(
        withCtx({ award: { ...a, items: a.items.map((i) => (i.claimId === 10 ? { ...i, amount: '8000.00', amountFen: 800000 } : i)) } }),
      ),
    );
    expect(covered).toContain('日内向申请人');
    expect(covered).toContain('已先予执行的部分在执行时予以扣减');
    expect(covered).not.toContain('无需另行支付');
  });

  it('M5, M6: the line before a moved identity number is ragged, digits never spread; a signature keeps its brackets whole', async () => {
    const lead = '申请人：吴桂兰，女，1985年12月21日出生，住山东省聊城市东昌府区古楼街道12号，公民身份号码371502198512211129。';
    const spec: DocSpec = {
      title: '决定书',
      caseNo: null,
      commission: '聊城市劳动人事争议仲裁委员会',
      dateOn: '2026-04-20',
      blocks: [{ kind: 'para', text: lead, indent: true }],
    };
    const pdf = await renderPdf(spec, { createdAt: new Date('2026-04-20T00:00:00Z') });
    const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).stdout.toString('utf8');
    expect(out).toContain('371502198512211129');
    expect(out).not.toMatch(/1 2\s*号|城 市/);
    // A long name with "（签名或者盖章）": the bracket moves whole, never "（签名或者盖\n章）".
    const doc = new PDFDocument({ size: 'A4' });
    doc.registerFont('song', songRegular());
    doc.font('song').fontSize(16);
    const width = 595.28 - (28 + 26) * (72 / 25.4);
    for (let i = 0; i < 12; i++) {
      const s = `被申请人　${'某'.repeat(20 + i)}有限公司（签名或者盖章）`;
      const lines = breakLines(doc, s, width, width - 32, true);
      expect(lines.join('')).toBe(s);
      expect(
        lines.some((l) => l.includes('（签名或者盖章）')),
        s,
      ).toBe(true);
    }
    doc.end();
  });
});

describe('reviewer docs44: documents', () => {
  type Ctx = DocInput['ctx'];
  const receipt = (patch: Partial<Ctx>, partyId: number, extra: Partial<DocInput['text']>, madeOn: string | null) => {
    const [spec] = BUILDERS.service_receipt({
      ...SAMPLE_INPUT,
      ctx: { ...SAMPLE_INPUT.ctx, ...patch },
      text: { ...SAMPLE_INPUT.text, partyId, ...extra },
      servedDocumentMadeOn: madeOn,
    });
    const table = (spec as DocSpec).blocks.find((b) => b.kind === 'table') as Extract<Block, { kind: 'table' }>;
    return { dateOn: (spec as DocSpec).dateOn, cell: table.header[1] as string };
  };
  const partial = SAMPLE_PARTIAL_INPUT.ctx.partialAwards[0] as NonNullable<Ctx['award']>;

  it('H1: a blank receipt listing a partial award (03-26) and the award (04-10) is dated 04-10, never before a document it lists', () => {
    // documentMadeOn gives the earliest (what SERVE is checked against); the blank carries both.
    const both = receipt({ partialAwards: [partial], services: [] }, 2, { servedDocument: 'award' }, '2026-03-26');
    expect(both.cell).toContain('第15号之一');
    expect(both.cell).toContain('第15-1号');
    expect(both.dateOn).toBe('2026-04-10');
    // The award alone: its own day.
    expect(receipt({ services: [] }, 2, { servedDocument: 'award' }, '2026-04-10').dateOn).toBe('2026-04-10');
  });

  it('H1: a blank receipt for a kind made several times is dated by the latest it carries (postponements, rulings, defences)', () => {
    const p = { from: '2026-03-25', to: '2026-04-01', reason: '申请人申请', decidedOn: '2026-03-20' };
    const postponements = [p, { ...p, from: '2026-04-01', to: '2026-04-08', decidedOn: '2026-03-30' }];
    expect(receipt({ postponements, services: [] }, 1, { servedDocument: 'postponement_notice' }, '2026-03-20').dateOn).toBe('2026-03-30');
    const ae = SAMPLE_INPUT.ctx.advanceExecutions[0] as Ctx['advanceExecutions'][number];
    const advanceExecutions = [ae, { ...ae, ruledOn: '2026-03-28' }];
    const r = receipt({ advanceExecutions, services: [] }, 2, { servedDocument: 'advance_execution_ruling' }, '2026-03-26');
    expect(r.dateOn).toBe('2026-03-28');
    const defenses = [{ filedOn: '2026-03-10' }, { filedOn: '2026-03-18' }];
    expect(receipt({ defenses, services: [] }, 1, { servedDocument: 'defense_copy' }, '2026-03-10').dateOn).toBe('2026-03-18');
    // Not made yet: still refused.
    expect(() => receipt({ postponements: [], services: [] }, 1, { servedDocument: 'postponement_notice' }, null)).toThrow(/尚未作出/);
  });

  it('M1: a granted act names the party obliged, the act done for the other and its term where recorded — never 支持…请求', () => {
    const award = SAMPLE_INPUT.ctx.award as NonNullable<Ctx['award']>;
    const worker = (SAMPLE_INPUT.applicants[0] as PartyView).name;
    const firm = (SAMPLE_INPUT.respondents[0] as PartyView).name;
    const ruled = (description: string, extra: Record<string, unknown> = {}, counterclaim = false): string => {
      const item = {
        claimId: 10,
        category: 'labor_standards',
        outcome: 'granted',
        amountFen: null,
        amount: null,
        final: true,
        reason: '',
        ...extra,
      };
      const input: DocInput = {
        ...SAMPLE_INPUT,
        claims: [{ id: 10, seq: 1, category: 'labor_standards', amount: null, description, ...(counterclaim ? { counterclaim } : {}) }],
        ctx: {
          ...SAMPLE_INPUT.ctx,
          advanceExecutions: [],
          award: { ...award, finality: 'final', items: [item as (typeof award.items)[number]] },
        },
        text: {
          ...SAMPLE_INPUT.text,
          counterclaimDefenseSummary: '申请人辩称电脑已归还',
          legalBasis: [{ claimId: 10, basis: ['《中华人民共和国劳动法》第七十二条'] }],
        },
      };
      return text(BUILDERS.award(input));
    };
    const insurance = ruled('为申请人补缴2024年1月至2026年9月社会保险费', { paymentDays: 30 });
    expect(insurance).toContain(`一、被申请人${firm}于本裁决生效之日起三十日内为申请人${worker}补缴2024年1月至2026年9月社会保险费。`);
    expect(insurance).not.toContain('支持申请人');
    // No term recorded: none invented; the claim's own wording of the obliged party and the request words dropped.
    const certificate = ruled('请求裁决被申请人出具解除劳动合同证明');
    expect(certificate).toContain(`一、被申请人${firm}为申请人${worker}出具解除劳动合同证明。`);
    expect(ruled('被申请人向其返还身份证原件')).toContain(`被申请人${firm}向申请人${worker}返还身份证原件`);
    expect(ruled('继续履行劳动合同')).toContain(`被申请人${firm}与申请人${worker}继续履行劳动合同`);
    // A counterclaim's act: the worker obliged, done for the employer.
    const back = ruled('申请人归还笔记本电脑一台', { paymentDays: 5 }, true);
    expect(back).toContain(`申请人${worker}于本裁决生效之日起五日内向被申请人${firm}归还笔记本电脑一台`);
  });

  it('M5: a payment written as the act (申请人返还借支款) names the party paid once — never 支付被申请人…申请人返还…', () => {
    const award = SAMPLE_INPUT.ctx.award as NonNullable<Ctx['award']>;
    const worker = (SAMPLE_INPUT.applicants[0] as PartyView).name;
    const firm = (SAMPLE_INPUT.respondents[0] as PartyView).name;
    const ruled = (description: string, counterclaim: boolean): string => {
      const item = { claimId: 10, category: 'other', outcome: 'granted', amountFen: 300000, amount: '3000.00', final: false, reason: '' };
      const claim = { id: 10, seq: 1, category: 'other', amount: '3000.00', description, ...(counterclaim ? { counterclaim } : {}) };
      return text(
        BUILDERS.award({
          ...SAMPLE_INPUT,
          claims: [claim],
          ctx: {
            ...SAMPLE_INPUT.ctx,
            advanceExecutions: [],
            award: { ...award, finality: 'non_final', items: [item as (typeof award.items)[number]] },
          },
          text: {
            ...SAMPLE_INPUT.text,
            counterclaimDefenseSummary: '申请人辩称借支款已抵扣',
            legalBasis: [{ claimId: 10, basis: ['《中华人民共和国民法典》第六百七十五条'] }],
          },
        }),
      );
    };
    const loan = ruled('申请人返还借支款3000元', true);
    expect(loan).toContain(`申请人${worker}于本裁决生效之日起十日内向被申请人${firm}返还借支款3000.00元`);
    expect(loan).not.toMatch(/支付被申请人[^。]*申请人返还/);
    expect(ruled('申请人返还被申请人借支款3000元', true)).toContain(`内向被申请人${firm}返还借支款3000.00元`);
    // The applicant's direction: the employer as the claim wrote it dropped, the worker named once.
    const wages = ruled('请求裁决被申请人支付申请人2025年10月至12月拖欠的工资3000元', false);
    expect(wages).toContain(`被申请人${firm}于本裁决生效之日起十日内向申请人${worker}支付2025年10月至12月拖欠的工资3000.00元`);
    expect(ruled('加班费', false)).toContain(`内向申请人${worker}支付加班费3000.00元`);
    expect(ruled('给付加班费', false)).toContain(`内向申请人${worker}给付加班费3000.00元`);
  });

  it('M3: a 调解书 signed for is served — its receipt shows 直接送达 and the day each party signed (LDMAL Art. 42(3))', () => {
    const mediation = {
      startedOn: '2026-03-25',
      terms: '被申请人支付申请人工资8000元',
      agreedOn: '2026-03-26',
      signatures: [
        { partyId: 1, signedOn: '2026-03-27' },
        { partyId: 2, signedOn: '2026-03-30' },
      ],
      refusedBy: null,
    };
    const table = (partyId: number) => {
      const [spec] = BUILDERS.service_receipt({
        ...SAMPLE_INPUT,
        ctx: { ...SAMPLE_INPUT.ctx, mediation },
        text: { ...SAMPLE_INPUT.text, partyId, servedDocument: 'mediation_document' },
        servedDocumentMadeOn: '2026-03-26',
      });
      const t = (spec as DocSpec).blocks.find((b) => b.kind === 'table') as Extract<Block, { kind: 'table' }>;
      return { dateOn: (spec as DocSpec).dateOn, rows: t.rows.map((r) => r.join('|')).join('\n') };
    };
    const worker = table(1);
    expect(worker.rows).toContain('送达方式|直接送达');
    expect(worker.rows).toContain('签收日期|二〇二六年三月二十七日');
    expect(worker.rows).toContain('第四十二条第三款');
    expect(worker.dateOn).toBe('2026-03-27');
    const firm = table(2);
    expect(firm.rows).toContain('签收日期|二〇二六年三月三十日');
    expect(firm.dateOn).toBe('2026-03-30');
    // Not signed yet: the blank to take along, dated the day agreed.
    const blank = (() => {
      const [spec] = BUILDERS.service_receipt({
        ...SAMPLE_INPUT,
        ctx: { ...SAMPLE_INPUT.ctx, mediation: { ...mediation, signatures: [] } },
        text: { ...SAMPLE_INPUT.text, partyId: 1, servedDocument: 'mediation_document' },
        servedDocumentMadeOn: '2026-03-26',
      });
      return spec as DocSpec;
    })();
    expect(blank.dateOn).toBe('2026-03-26');
    expect(JSON.stringify(blank.blocks)).toContain('□直接送达');
  });

  it('M4: an enforcement transfer encloses the documents by their numbers — the award parts, a partial award, a 调解书', () => {
    const transfers = [{ purpose: 'enforcement' as const, court: '聊城市东昌府区人民法院', transferredOn: '2026-05-20' }];
    const letter = (patch: Partial<Ctx>) =>
      text(
        BUILDERS.court_transfer_letter({
          ...SAMPLE_INPUT,
          ctx: { ...SAMPLE_INPUT.ctx, transfers, ...patch },
          text: { ...SAMPLE_INPUT.text, purpose: 'enforcement', court: undefined },
        }),
      );
    const split = letter({});
    expect(split).toContain('1．仲裁裁决书　聊劳人仲案字〔2026〕第15-1号、第15-2号；');
    expect(split).not.toContain('发生法律效力的仲裁裁决书或调解书');
    const withPartial = letter({ partialAwards: SAMPLE_PARTIAL_INPUT.ctx.partialAwards });
    expect(withPartial).toContain('1．部分裁决书　聊劳人仲案字〔2026〕第15号之一、仲裁裁决书　聊劳人仲案字〔2026〕第15-1号、第15-2号；');
    const mediated = letter({
      award: null,
      closure: { mode: 'mediation', closedOn: '2026-03-30' },
      mediation: { startedOn: '2026-03-25', terms: '被申请人支付申请人工资', agreedOn: '2026-03-26', signatures: [], refusedBy: null },
    });
    expect(mediated).toContain('1．仲裁调解书　聊劳人仲案字〔2026〕第15号；');
  });

  it('L1: an employee agent whose unit already names the party is not prefixed with it again', () => {
    const firm = SAMPLE_INPUT.respondents[0] as PartyView;
    const printed = (unit: string | null) =>
      text(BUILDERS.award({ ...SAMPLE_INPUT, respondents: [{ ...firm, agents: [{ name: '赵六', kind: 'employee', unit }] }] }));
    expect(printed(firm.name)).toContain(`委托代理人：赵六，${firm.name}工作人员。`);
    expect(printed(`${firm.name}人事部`)).toContain(`委托代理人：赵六，${firm.name}人事部。`);
    expect(printed('人事部')).toContain(`委托代理人：赵六，${firm.name}人事部。`);
    expect(printed(null)).toContain(`委托代理人：赵六，${firm.name}工作人员。`);
  });

  it('L7: the conversion notice states the reason once — never 因…不宜简易处理，本案不宜简易处理', () => {
    expect(conversionReason('案情复杂，不宜简易处理')).toBe('因案情复杂，');
    expect(conversionReason('因案情复杂，本案不宜适用简易程序。')).toBe('因案情复杂，');
    expect(conversionReason('案情复杂，需要进行鉴定')).toBe('因案情复杂，需要进行鉴定，');
    expect(conversionReason('不宜简易处理')).toBe('');
    expect(conversionReason(null)).toBe('');
    const notice = text(
      BUILDERS.conversion_notice({
        ...SAMPLE_CONVERTED_INPUT,
        ctx: { ...SAMPLE_CONVERTED_INPUT.ctx, conversion: { on: '2026-03-09', reason: '案情复杂，不宜简易处理' } },
      }),
    );
    expect(notice).toContain('因案情复杂，本案不宜简易处理，');
    expect(notice).not.toContain('不宜简易处理，本案不宜简易处理');
  });

  it('L8: the award after a partial award recites it by its number (第N号之一)', () => {
    const partial = SAMPLE_PARTIAL_INPUT.ctx.partialAwards[0] as NonNullable<Ctx['award']>;
    const printed = text(BUILDERS.award({ ...SAMPLE_INPUT, ctx: { ...SAMPLE_INPUT.ctx, partialAwards: [partial] } }));
    expect(printed).toMatch(/先行作出部分裁决（聊劳人仲案字〔2026〕第15号之一）。/);
  });

  it('L4: a lead-in like 申请人请求： is never the last line of a page — it goes over with what it introduces (PDF read back)', async () => {
    let moved = 0;
    for (let n = 14; n <= 30; n++) {
      const spec: DocSpec = {
        title: '裁决书',
        caseNo: null,
        commission: '聊城市劳动人事争议仲裁委员会',
        dateOn: '2026-04-20',
        blocks: [
          ...Array.from({ length: n }, (_, i): Block => ({ kind: 'para', text: `第${i + 1}段。` })),
          { kind: 'para', text: '申请人请求：' },
          { kind: 'para', text: '1．支付工资12000.00元。' },
          { kind: 'para', text: '本案现已审理终结。' },
        ],
      };
      const pdf = await renderPdf(spec, { createdAt: new Date('2026-04-20T00:00:00Z') });
      const pages = spawnSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: pdf })
        .stdout.toString('utf8')
        .split('\f')
        .map((pg) =>
          pg
            .split('\n')
            .map((l) => l.replace(/\s+/g, ''))
            .filter((l) => l && !/^—\d+—$/.test(l)),
        );
      for (const [i, lines] of pages.entries()) expect(lines.at(-1), `${n} paragraphs, page ${i + 1}`).not.toBe('申请人请求：');
      if (pages.findIndex((lines) => lines.includes('申请人请求：')) > 0 && pages[1]?.[0] === '申请人请求：') moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });
});
