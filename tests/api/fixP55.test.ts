import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixP55 (outside checker legal55a, findings 4, 5, 7): the award's items and text.
 * #4 the award preview takes the award's items unchanged (one schema, app/event-schemas.ts AwardItem): paymentDays,
 *    legalBasis and calculation were refused with a 400.
 * #5 who pays and joint liability (连带责任): a dispatched worker's agency and user unit (LDMAL Art. 22(2); LCL Art.
 *    92(2)) — `obligorIds` and `jointLiability` on an item, printed 「被申请人A于…向申请人支付…，被申请人B对上述款项承担连带责任」.
 * #7 a split award's document names the dispute from its own workers' claims.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const FACTS = '经审理查明：申请人系被申请人聊城丙劳务派遣有限公司派遣至聊城丁电子有限公司工作，被申请人未支付加班费及工资。';
const REASONING = '本委认为：用工单位应当支付加班费，劳务派遣单位与用工单位承担连带赔偿责任。';
const DEFENSE = '被申请人辩称加班费已经支付';

/** Every document of a generation request, as running text, in order. */
async function allTexts(token: string, caseId: number, body: Record<string, unknown>): Promise<string[]> {
  const r = await t.api(token).post(`/api/cases/${caseId}/documents`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const out: string[] = [];
  for (const d of r.body.documents as { id: number }[]) out.push(flat(pdfRaw(await downloadDocument(t, token, d.id))));
  return out;
}

/** A dispatched worker's case: the agency and the user unit are co-respondents (LDMAL Art. 22(2)), heard. */
async function dispatched(name: string, seq: number) {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker(name, seq)],
      respondents: [
        { ...employer('聊城丙劳务派遣有限公司'), creditCode: '91371500MA3C7K2L12' },
        { ...employer('聊城丁电子有限公司'), creditCode: '91371500MA3D8X5N3X' },
      ],
      claims: [
        { category: 'wages', amount: '20000.00', description: '支付加班费' },
        { category: 'wages', amount: '3000.00', description: '支付2025年12月工资' },
        { category: 'wages', amount: '1000.00', description: '支付高温津贴' },
      ],
    }),
  });
  const [agency, user] = c.respondents as { id: number }[];
  return { c, arb, agency: agency?.id as number, user: user?.id as number, workerId: c.applicants[0]?.id as number };
}

describe(`fixP55 #4: the award preview takes the award's items (${DB})`, () => {
  it('paymentDays, legalBasis and calculation are accepted by the preview as by ISSUE_AWARD; a bad one refused alike', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('钱预览', 551)] }) });
    const [wages, comp] = c.claims as { id: number }[];
    const items = [
      {
        claimId: wages?.id,
        outcome: 'granted',
        amount: '2750.00',
        paymentDays: 15,
        legalBasis: ['《中华人民共和国劳动合同法》第三十条'],
        calculation: { kind: 'overtime', input: { monthlyWage: '4350', workdayHours: '36', restDayHours: '16', holidayHours: '8' } },
      },
      { claimId: comp?.id, outcome: 'dismissed' },
    ];
    const p = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
    // Before: 400 不允许的字段“paymentDays”.
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body.items.map((i: { claimId: number }) => i.claimId)).toEqual([wages?.id, comp?.id]);

    // A calculation the calculator refuses: the preview says so as the award does (same path).
    const badItems = [{ ...items[0], calculation: { kind: 'overtime', input: { monthlyWage: 'x' } } }, items[1]];
    const badPreview = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items: badItems });
    const badAward = await send(c, arb.token, 'ISSUE_AWARD', { items: badItems, facts: FACTS, reasoning: REASONING }, '2026-04-10');
    expect(badPreview.status).toBe(400);
    expect(badAward.status).toBe(400);
    const paths = (r: { body: { errors: { path: string }[] } }) => r.body.errors.map((e) => e.path);
    expect(paths(badPreview)).toContain('items.0.calculation.input.monthlyWage');
    expect(paths(badAward)).toContain('items.0.calculation.input.monthlyWage');

    // The award is made with the very items the preview took.
    const made = await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING }, '2026-04-10');
    expect((made.award as { items: unknown[] }).items).toHaveLength(2);
  });

  it('OpenAPI: the preview body and ISSUE_AWARD share one item schema (paymentDays, obligorIds, jointLiability)', async () => {
    type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema };
    const doc = (await request(t.app).get('/openapi.json')).body as { components: { schemas: Record<string, Schema> } };
    const deref = (s: Schema | undefined): Schema | undefined =>
      s?.$ref ? doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] : s;
    const resolved = deref(deref(doc.components.schemas.AwardPreview)?.properties?.items?.items) ?? {};
    for (const f of ['paymentDays', 'legalBasis', 'calculation', 'obligorIds', 'jointLiability'])
      expect(Object.keys(resolved.properties ?? {}), f).toContain(f);
  });
});

describe(`fixP55 #5: who pays, and joint liability (连带责任, LCL Art. 92(2)) (${DB})`, () => {
  it('the agency pays, the user unit answers jointly; another item names one payer; without obligorIds every respondent as before', async () => {
    const { c, arb, agency, user } = await dispatched('赵派遣', 552);
    const [overtime, wages, heat] = c.claims as { id: number }[];
    const items = [
      { claimId: overtime?.id, outcome: 'granted', amount: '20000.00', obligorIds: [agency, user], jointLiability: true },
      { claimId: wages?.id, outcome: 'granted', amount: '3000.00' },
      { claimId: heat?.id, outcome: 'granted', amount: '1000.00', obligorIds: [user] },
    ];
    // The preview takes them (one schema) and answers as it did.
    const p = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    const made = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
      '2026-04-10',
    );
    const recorded = (made.award as { items: Record<string, unknown>[] }).items;
    expect(recorded[0]).toMatchObject({ obligorIds: [agency, user], jointLiability: true });
    expect(recorded[1]).not.toHaveProperty('obligorIds');
    expect(recorded[2]).toMatchObject({ obligorIds: [user] });
    expect(recorded[2]).not.toHaveProperty('jointLiability');

    const [text] = await allTexts(arb.token, c.id, { kind: 'award' });
    // Before: 「被申请人聊城丙劳务派遣有限公司、聊城丁电子有限公司于…向申请人赵派遣支付加班费20000.00元」 — no 连带, no split.
    expect(text).toContain(
      '被申请人聊城丙劳务派遣有限公司于本裁决生效之日起十日内向申请人赵派遣支付加班费20000.00元（人民币贰万元整），被申请人聊城丁电子有限公司对上述款项承担连带责任',
    );
    expect(text).toContain('被申请人聊城丁电子有限公司于本裁决生效之日起十日内向申请人赵派遣支付高温津贴1000.00元（人民币壹仟元整）');
    // The item without obligorIds reads as today: every respondent.
    expect(text).toContain(
      '被申请人聊城丙劳务派遣有限公司、聊城丁电子有限公司于本裁决生效之日起十日内向申请人赵派遣支付2025年12月工资3000.00元（人民币叁仟元整）',
    );
    expect(text).not.toContain('、聊城丁电子有限公司于本裁决生效之日起十日内向申请人赵派遣支付加班费');
  });

  it('obligorIds must be respondents of the case, joint liability needs two: 400 naming the field, the preview alike', async () => {
    const { c, arb, agency, workerId } = await dispatched('孙派遣', 553);
    const [overtime, wages, heat] = c.claims as { id: number }[];
    const rest = [
      { claimId: wages?.id, outcome: 'granted', amount: '3000.00' },
      { claimId: heat?.id, outcome: 'dismissed' },
    ];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ obligorIds: [workerId] }, 'items.0.obligorIds', '孙派遣（申请人）不是本案被申请人'],
      [{ obligorIds: [999999] }, 'items.0.obligorIds', '编号 999999'],
      [{ obligorIds: [agency], jointLiability: true }, 'items.0.jointLiability', '劳动合同法》第九十二条第二款'],
    ];
    for (const [extra, path, words] of cases) {
      const items = [{ claimId: overtime?.id, outcome: 'granted', amount: '20000.00', ...extra }, ...rest];
      const preview = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
      const award = await send(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING }, '2026-04-10');
      // The event preview decides ISSUE_AWARD as it would be sent: the same refusal.
      const eventPreview = await t.api(arb.token).post(`/api/cases/${c.id}/event-preview`, {
        type: 'ISSUE_AWARD',
        occurredOn: '2026-04-10',
        items,
        facts: FACTS,
        reasoning: REASONING,
      });
      for (const r of [preview, award, eventPreview]) {
        expect(r.status, JSON.stringify(r.body)).toBe(400);
        const e = (r.body.errors as { path: string; message: string }[]).find((x) => x.path === path);
        expect(e?.message, JSON.stringify(r.body)).toContain(words);
      }
    }
    // A dismissed item orders nobody anything.
    const dismissed = [{ claimId: overtime?.id, outcome: 'dismissed', obligorIds: [agency] }, ...rest];
    const r = await send(c, arb.token, 'ISSUE_AWARD', { items: dismissed, facts: FACTS, reasoning: REASONING }, '2026-04-10');
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('items.0.obligorIds');
  });

  it('a case of one respondent: jointLiability without a second obligor is refused', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('周单一', 554)] }) });
    const [wages, comp] = c.claims as { id: number }[];
    const items = [
      { claimId: wages?.id, outcome: 'granted', amount: '12000.00', jointLiability: true },
      { claimId: comp?.id, outcome: 'dismissed' },
    ];
    const r = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { items });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('items.0.jointLiability');
  });
});

describe(`fixP55 #7: a split award's document names its own workers' dispute (${DB})`, () => {
  it('第N-1号 for 丁工 alone: 劳动报酬争议, not 确认劳动关系 (丙工’s claim); 第N-2号 still names it', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('丙分案', 555), worker('丁分案', 556)],
        claims: [
          { category: 'confirm_relationship', description: '确认申请人与被申请人之间存在劳动关系', applicant: 1 },
          { category: 'wages', amount: '3000.00', description: '支付拖欠工资', applicant: 1 },
          { category: 'wages', amount: '4000.00', description: '支付拖欠工资', applicant: 2 },
        ],
      }),
    });
    const [confirm, w1, w2] = c.claims as { id: number }[];
    const made: CaseView = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: confirm?.id, outcome: 'granted' },
          { claimId: w1?.id, outcome: 'granted', amount: '3000.00' },
          { claimId: w2?.id, outcome: 'granted', amount: '4000.00' },
        ],
        defenseSummary: '被申请人辩称双方系劳务关系',
        facts: '经审理查明：双方存在劳动关系，被申请人未足额支付工资。',
        reasoning: '本委认为：被申请人应当支付所欠工资。',
      },
      '2026-04-10',
    );
    expect(made.award).toMatchObject({ finality: 'mixed' });
    const [final, nonFinal] = await allTexts(arb.token, c.id, { kind: 'award' });
    // Before: 「申请人丁分案与被申请人聊城某某机械有限公司确认劳动关系、劳动报酬争议一案」.
    expect(final).toContain('申请人丁分案与被申请人聊城某某机械有限公司劳动报酬争议一案');
    expect(final).not.toMatch(/确认劳动关系[、）]?[^。]*争议一案/);
    expect(nonFinal).toMatch(/申请人丙分案与被申请人聊城某某机械有限公司[^。]*确认劳动关系[^。]*争议一案/);
  });
});
