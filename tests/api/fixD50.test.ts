import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { application, employer, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/** fixD50: the award limit's remedy, public notices after the award or before a restart, the supplement notice, review. */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z' });
const { ok } = caseEvents(() => t);

type Deadline = { kind: string; status: string; dueOn: string; explanation: string; basis: string };
const find = (c: object, kind: string) => (c as { deadlines: Deadline[] }).deadlines.find((d) => d.kind === kind);
const SUE = '逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼';

describe(`fixD50 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('legal50b M1: an award limit run out says the parties may sue (LDMAL Art. 43(1)) — overdue and met late', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-10-09', applicants: [worker('周一', 501)] }));
    const v = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-12');
    // Accepted 10-12: 45 days → 11-26; today 12-05, no award.
    const award = find(v, 'award');
    expect(award).toMatchObject({ dueOn: '2026-11-26', status: 'overdue' });
    expect(award?.explanation).toContain(SUE);
    expect(award?.explanation).toContain('第四十三条第一款');

    // Accepted 03-04: 45 days → 04-18 (Saturday) → 04-20; the award of 04-24 is late.
    const { c: late, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('周二', 502)] }) });
    const items = late.claims.map((x) => ({ claimId: x.id, outcome: 'granted', amount: x.category === 'wages' ? '12000.00' : '26400.00' }));
    const w = await ok(late, arb.token, 'ISSUE_AWARD', { items }, '2026-04-24');
    const met = find(w, 'award');
    expect(met).toMatchObject({ dueOn: '2026-04-20', status: 'met_late' });
    expect(met?.explanation).toContain(SUE);
    expect(met?.explanation).toContain('自2026-04-21起');

    // In time: no word of a suit.
    const { c: timely, arb: arb2 } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('周三', 503)] }) });
    const items2 = timely.claims.map((x) => ({ claimId: x.id, outcome: 'dismissed' }));
    const x = await ok(timely, arb2.token, 'ISSUE_AWARD', { items: items2 }, '2026-04-10');
    expect(find(x, 'award')).toMatchObject({ status: 'met' });
    expect(find(x, 'award')?.explanation).not.toContain(SUE);
  });

  it('legal50b M2: a public notice of the award itself, begun after the award was made, does not move the award limit', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({ receivedOn: '2026-10-09', applicants: [worker('周四', 504)] }),
      acceptOn: '2026-10-12',
      formOn: '2026-10-13',
      scheduleOn: '2026-10-14',
      hearingOn: '2026-11-02',
    });
    const items = c.claims.map((x) => ({ claimId: x.id, outcome: 'dismissed' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-11-20');
    const v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: c.respondents[0]?.id, method: 'public_notice', servedOn: '2026-11-25' },
      '2026-11-25',
    );
    const award = find(v, 'award');
    // Rules Art. 46: only a notice during the time limit is excluded; the award of 11-20 had stopped the clock.
    expect(award).toMatchObject({ dueOn: '2026-11-26', status: 'met' });
    expect(award?.explanation).toContain('已于2026-11-20完成');
    expect(award?.explanation).not.toContain('扣除公告送达期间');
    expect(award?.explanation).toContain('不扣除');
  });

  it('legal50b M3: after a restart the explanation states the days of the notice period inside the restarted period', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-08-28', applicants: [worker('周五', 505)] }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-08-31');
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'public_notice', servedOn: '2026-09-07' },
      '2026-09-07',
    );
    const v = await ok(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { add: [{ category: 'damages', amount: '3000.00', description: '未签订书面劳动合同二倍工资差额' }] },
      '2026-09-15',
    );
    const award = find(v, 'award');
    // Restart 09-15 (day 0): 45 days → 10-30; the notice's days 09-16…10-07 (22) fall in the new period → 11-21
    // (Saturday) → 11-23.
    expect(award?.dueOn).toBe('2026-11-23');
    expect(award?.explanation).toContain('2026-09-16至2026-10-07');
    expect(award?.explanation).toContain('22天');
    expect(award?.explanation).not.toContain('30天');
  });

  it('legal50b L3: the supplement notice is listed only where a supplement was requested (Rules Art. 29)', async () => {
    // Nothing missing, undecided past the 5 days: the acceptance is overdue, no supplement notice is.
    const pending = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-20', applicants: [worker('周六', 506)] }));
    expect(find(pending, 'supplement_notice')).toBeUndefined();
    expect(find(pending, 'acceptance')).toMatchObject({ status: 'overdue' });
    const list = await t.api(a.tokens.clerk).get('/api/deadlines');
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain('supplement_notice');

    // Accepted without a supplement notice: none listed, nothing reads 已完成 for it.
    const accepted = await ok(pending, a.tokens.clerk, 'ACCEPT', {}, '2026-11-25');
    expect(find(accepted, 'supplement_notice')).toBeUndefined();

    // A supplement requested: listed, met on the request.
    const asked = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-30', applicants: [worker('周七', 507)] }));
    const v = await ok(asked, a.tokens.clerk, 'REQUEST_SUPPLEMENT', { items: ['身份证复印件'] }, '2026-12-01');
    expect(find(v, 'supplement_notice')).toMatchObject({ status: 'met', dueOn: '2026-12-07' });
    expect(find(v, 'supplement_notice')?.explanation).toContain('已于2026-12-01完成');
  });

  it('med50 M5, L2: an agreement confirming a labor relationship offers no review period (Rules Art. 75); citations in Chinese', async () => {
    const m = await t.api(a.tokens.mediator).post(
      '/api/cases',
      application({
        track: 'mediation',
        receivedOn: '2026-11-23',
        applicants: [worker('周八', 508)],
        respondents: [employer('聊城某某商贸有限公司')],
        claims: [{ category: 'confirm_relationship', description: '确认双方2025年存在劳动关系' }],
      }),
    );
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const v = await ok(m.body, a.tokens.mediator, 'MEDIATION_AGREED', { terms: '确认双方2025年存在劳动关系' }, '2026-11-30');
    expect(find(v, 'review_filing')).toBeUndefined();
    const jc = find(v, 'judicial_confirmation');
    expect(jc).toMatchObject({ dueOn: '2026-12-30', status: 'open' });
    expect(jc?.explanation).toContain('第七十五条');
    expect(jc?.basis).toContain('《中华人民共和国人民调解法》第三十三条');
    expect(jc?.basis).not.toContain("People's");

    // A wage agreement keeps both.
    const w = await t
      .api(a.tokens.mediator)
      .post('/api/cases', standardApplication({ track: 'mediation', receivedOn: '2026-11-23', applicants: [worker('周九', 509)] }));
    const x = await ok(w.body, a.tokens.mediator, 'MEDIATION_AGREED', { terms: '支付工资' }, '2026-11-30');
    expect(find(x, 'review_filing')).toMatchObject({ status: 'open' });
    expect(find(x, 'judicial_confirmation')?.explanation).not.toContain('第七十五条');
  });

  it('legal50b L2: an interruption or a suspension before the limitation starts is named as having no effect (LDMAL Art. 27)', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        receivedOn: '2026-11-02',
        applicants: [worker('周十', 510)],
        limitation: {
          knewOn: '2026-01-10',
          interruptions: [{ on: '2025-12-01', kind: '向用人单位主张权利' }],
          suspensions: [{ from: '2025-11-01', to: '2025-11-20' }],
        },
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const { reasoning, expiresOn } = r.body.limitation;
    expect(expiresOn).toBe('2027-01-11');
    expect(reasoning).toContain('2025-12-01向用人单位主张权利发生在知道或者应当知道权利被侵害之日（2026-01-10）前');
    expect(reasoning).toContain('不引起时效中断');
    expect(reasoning).toContain('2025-11-01至2025-11-20');
  });
});
