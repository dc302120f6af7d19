import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixU58 (outside checker ui58): who answers for an award item when the case has several respondents.
 * #1 (a) a sum granted with no obligorIds on a case of two respondents is warned of (naming the item; never refused —
 *    clients before stop 58 send none); several obligorIds with no joint liability is 400 naming jointLiability.
 *    (b) the 裁决书 never prints 「被申请人A、B…支付」 alone: without joint liability (by law or agreement only, Civil
 *    Code Art. 518(2)) they owe by equal shares (Art. 517) — 「被申请人A、B各承担上述款项的二分之一」.
 * #2 no bare English field name in （） in a warning to staff (agent-checks: 「…律师事务所（unit）」).
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const FACTS = '经审理查明：申请人系被申请人聊城派遣公司派遣至用工单位工作，被申请人未支付工资。';
const REASONING = '本委认为：被申请人应当支付申请人工资。';
const DEFENSE = '被申请人辩称工资已经支付';
const AGENCY = '聊城五八劳务派遣有限公司';
const USER = '聊城五八电子有限公司';
const paths = (r: { body: { errors?: { path: string }[] } }) => (r.body.errors ?? []).map((e) => e.path);
const joined = (w: unknown) => ((w ?? []) as string[]).join('\n');

/** A dispatched worker's case: the agency and the user unit co-respondents (LDMAL Art. 22(2)), heard. */
async function dispatched(name: string, seq: number) {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker(name, seq)],
      respondents: [
        { ...employer(AGENCY), creditCode: '91371500MA3C7K2L12' },
        { ...employer(USER), creditCode: '91371500MA3D8X5N3X' },
      ],
      claims: [
        { category: 'wages', amount: '20000.00', description: '支付2025年10月至12月工资' },
        { category: 'wages', amount: '3000.00', description: '支付高温津贴' },
      ],
    }),
  });
  const [agency, user] = c.respondents as { id: number }[];
  const [wages, heat] = c.claims as { id: number }[];
  return { c, arb, agency: agency?.id as number, user: user?.id as number, wages: wages?.id as number, heat: heat?.id as number };
}

async function awardText(token: string, caseId: number): Promise<string> {
  const r = await t.api(token).post(`/api/cases/${caseId}/documents`, { kind: 'award' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const [d] = r.body.documents as { id: number }[];
  return flat(pdfRaw(await downloadDocument(t, token, (d as { id: number }).id)));
}

describe(`fixU58 #1: several respondents — who pays a sum, and how they answer (${DB})`, () => {
  it('no obligorIds: recorded as sent, warned naming the item (preview and award); the 裁决书 says each one’s share', async () => {
    const { c, arb, wages, heat } = await dispatched('钱五八', 581);
    const items = [
      { claimId: wages, outcome: 'granted', amount: '20000.00' },
      { claimId: heat, outcome: 'dismissed' },
    ];
    const p = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    const warned = joined(p.body.warnings);
    expect(warned).toContain('请求“支付2025年10月至12月工资”裁决20000.00元未指定履行义务人');
    expect(warned).toContain(`${AGENCY}、${USER}各承担上述款项的二分之一`);
    expect(warned).toContain('第五百一十八条第二款');
    // The dismissed item orders nobody anything: not warned of.
    expect(warned).not.toContain('高温津贴');
    // Not refused (old clients): made, with the same warning; nothing invented in the record.
    const made = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
      '2026-04-10',
    );
    expect(joined(made.warnings)).toContain('请求“支付2025年10月至12月工资”裁决20000.00元未指定履行义务人');
    const recorded = (made.award as { items: Record<string, unknown>[] }).items;
    expect(recorded[0]).not.toHaveProperty('obligorIds');
    expect(recorded[0]).not.toHaveProperty('jointLiability');

    const text = await awardText(arb.token, c.id);
    // Before: 「被申请人A、B于本裁决生效之日起十日内向申请人钱五八支付…20000.00元（人民币贰万元整）」 and nothing after —
    // neither who pays what nor that they answer jointly (unenforceable, SPC Enforcement Provisions Art. 16).
    expect(text).toMatch(
      new RegExp(
        `被申请人${AGENCY}、${USER}于本裁决生效之日起十日内向申请人钱五八支付[^。；]*20000\\.00元（人民币贰万元整），被申请人${AGENCY}、${USER}各承担上述款项的二分之一`,
      ),
    );
  });

  it('one payer named, or the payer and the other jointly: no warning, no share clause', async () => {
    const { c, arb, agency, user, wages, heat } = await dispatched('孙五八', 582);
    const items = [
      { claimId: wages, outcome: 'granted', amount: '20000.00', obligorIds: [agency, user], jointLiability: true },
      { claimId: heat, outcome: 'granted', amount: '3000.00', obligorIds: [user] },
    ];
    const p = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(joined(p.body.warnings)).not.toContain('未指定履行义务人');
    // jointLiability with every respondent (no obligorIds): they answer jointly — not warned either.
    const allJoint = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, {
      occurredOn: '2026-04-10',
      items: [{ ...items[0], obligorIds: undefined }, items[1]],
    });
    expect(allJoint.status, JSON.stringify(allJoint.body)).toBe(200);
    expect(joined(allJoint.body.warnings)).not.toContain('未指定履行义务人');
    const made = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
      '2026-04-10',
    );
    expect(joined(made.warnings)).not.toContain('未指定履行义务人');
    const text = await awardText(arb.token, c.id);
    expect(text).toContain(`被申请人${USER}对上述款项承担连带责任`);
    expect(text).not.toContain('分之一');
  });

  it('several obligorIds with neither joint liability nor a split: 400 naming items[i].jointLiability (preview, award, partial award)', async () => {
    const { c, arb, agency, user, wages, heat } = await dispatched('周五八', 583);
    for (const extra of [{}, { jointLiability: false }]) {
      const items = [
        { claimId: heat, outcome: 'dismissed' },
        { claimId: wages, outcome: 'granted', amount: '20000.00', obligorIds: [agency, user], ...extra },
      ];
      const preview = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
      const award = await send(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING }, '2026-04-10');
      const partial = await send(
        c,
        arb.token,
        'PARTIAL_AWARD',
        { items: items.slice(1), facts: FACTS, reasoning: REASONING },
        '2026-04-10',
      );
      for (const r of [preview, award, partial]) {
        expect(r.status, JSON.stringify(r.body)).toBe(400);
        expect(paths(r)).toContain(r === partial ? 'items.0.jointLiability' : 'items.1.jointLiability');
        const msg = JSON.stringify(r.body);
        expect(msg).toContain('连带责任');
        expect(msg).toContain(`${AGENCY}、${USER}`);
      }
    }
    // The same two named with joint liability: taken.
    const fine = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, {
      occurredOn: '2026-04-10',
      items: [{ claimId: wages, outcome: 'granted', amount: '20000.00', obligorIds: [agency, user], jointLiability: true }],
    });
    expect(fine.status, JSON.stringify(fine.body)).toBe(200);
  });
});

describe(`fixU58 #2: no English field name in a warning to staff (${DB})`, () => {
  it('APPOINT_AGENT: a lawyer without his firm, a relative without the relationship — said in Chinese only', async () => {
    const { c } = await caseAt(t, a, 'accepted', { body: standardApplication({ applicants: [worker('吴五八', 584)] }) });
    const on = '2026-03-20';
    const relative = await ok(
      c,
      a.tokens.clerk,
      'APPOINT_AGENT',
      { partyId: c.applicants[0]?.id, agent: { name: '吴小五', kind: 'relative' }, powers: 'general', receivedOn: on },
      on,
    );
    const lawyer = await ok(
      c,
      a.tokens.clerk,
      'APPOINT_AGENT',
      { partyId: c.respondents[0]?.id, agent: { name: '郑五八', kind: 'lawyer' }, powers: 'special', receivedOn: on },
      on,
    );
    const said = `${joined(relative.warnings)}\n${joined(lawyer.warnings)}`;
    expect(said).toContain('郑五八登记为律师，未填写所在律师事务所：请补填');
    expect(said).toContain('吴小五登记为近亲属，未填写与当事人的关系：');
    // Before: 「…律师事务所（unit）：请补填」, 「…关系（relationship）：…」.
    expect(said).not.toMatch(/（[A-Za-z][A-Za-z0-9_.]*）/);
  });
});
