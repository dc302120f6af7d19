import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixM56 (outside checker legal56a M2): the limitation period (仲裁时效, LDMAL Art. 27) across tracks. Applying for
 * mediation, for an arbitral review of a mediation agreement, or for arbitration at another commission interrupts the
 * period (LDMAL Art. 27(2); Rules Art. 27: 申请调解, 申请仲裁): the arbitration application a mediation or a review refers,
 * and a case transferred in, read the period as running afresh from the interruption.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';

type Limitation = {
  status: string;
  expiresOn: string | null;
  reasoning: string;
  interruptions?: { on: string; kind: string }[];
  knewOn: string;
  employmentStatus?: string;
  employmentEndedOn?: string;
};
type WithLimitation = CaseView & { limitation: Limitation | null; linkedCaseId: number | null };
const view = async (id: number): Promise<WithLimitation> => (await t.api(a.tokens.clerk).get(`/api/cases/${id}`)).body;

const COMPENSATION = [{ category: 'economic_compensation', amount: '26400.00', description: '解除劳动合同经济补偿' }];
const facts = (knewOn: string) => ({ knewOn, employmentStatus: 'ended', employmentEndedOn: knewOn });

async function mediation(receivedOn: string, knewOn: string): Promise<WithLimitation> {
  const r = await t
    .api(a.tokens.mediator)
    .post('/api/cases', standardApplication({ track: 'mediation', receivedOn, claims: COMPENSATION, limitation: facts(knewOn) }));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe(`fixM56: the limitation period across tracks (${DB})`, () => {
  it('legal56a M2: a mediation referred to arbitration — the application for mediation interrupted the period', async () => {
    const m = await mediation('2026-10-20', '2025-11-01');
    // 2026-11-01 is a Sunday: the year ends on Monday 2026-11-02.
    expect(m.limitation).toMatchObject({ status: 'within', expiresOn: '2026-11-02' });
    await ok(m, a.tokens.mediator, 'MEDIATION_FAILED', { reason: '被申请人不同意支付' }, '2026-10-25');
    const referred = (await ok(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', { reason: 'failed' }, '2026-11-05')) as WithLimitation;
    const c = await view(referred.linkedCaseId as number);
    expect(c).toMatchObject({ track: 'arbitration', receivedOn: '2026-11-05' });
    // The mediation's facts carried over, its application (receipt) and its end recorded as interruptions.
    expect(c.limitation).toMatchObject({ knewOn: '2025-11-01', employmentStatus: 'ended', employmentEndedOn: '2025-11-01' });
    expect(c.limitation?.interruptions?.map((i) => i.on)).toEqual(['2026-10-20', '2026-10-25']);
    expect(c.limitation?.status).toBe('within');
    // A fresh year from the mediation's end (the reading favourable to the worker; 2027-10-25 is a Monday).
    expect(c.limitation?.expiresOn).toBe('2027-10-25');
    const why = c.limitation?.reasoning ?? '';
    expect(why).toContain(`2026-10-20因申请调解（编号${m.id}的调解案件`);
    expect(why).toContain('第二十七条第二款');
    expect(why).toContain('2026-10-25因调解不成、调解程序终结');
    expect(why).toContain('民法典第一百九十五条');
    // The facts as the case shows them, sent back by a correction, read the same.
    const { knewOn, employmentStatus, employmentEndedOn, interruptions } = c.limitation as Limitation;
    const patched = await t
      .api(a.tokens.clerk)
      .patch(`/api/cases/${c.id}`, { limitation: { knewOn, employmentStatus, employmentEndedOn, interruptions } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((await view(c.id)).limitation).toMatchObject({ status: 'within', expiresOn: '2027-10-25' });
  });

  it('a mediation applied for after the year had run out: the referred case stays expired', async () => {
    const m = await mediation('2026-10-20', '2025-09-01');
    expect(m.limitation?.status).toBe('expired');
    await ok(m, a.tokens.mediator, 'MEDIATION_FAILED', { reason: '被申请人不同意支付' }, '2026-10-25');
    const referred = (await ok(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', { reason: 'failed' }, '2026-11-05')) as WithLimitation;
    const c = await view(referred.linkedCaseId as number);
    expect(c.limitation).toMatchObject({ status: 'expired', expiresOn: '2026-09-01' });
    expect(c.limitation?.reasoning).toContain('2026-10-20申请调解');
    expect(c.limitation?.reasoning).toContain('不发生时效中断的效力');
  });

  it('a mediation referred after 15 days without agreement: the 15th day ends it (LDMAL Art. 14(3))', async () => {
    const m = await mediation('2026-10-20', '2025-11-01');
    const referred = (await ok(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', { reason: 'time_limit' }, '2026-11-06')) as WithLimitation;
    const c = await view(referred.linkedCaseId as number);
    expect(c.limitation?.interruptions?.map((i) => i.on)).toEqual(['2026-10-20', '2026-11-04']);
    expect(c.limitation).toMatchObject({ status: 'within', expiresOn: '2027-11-04' });
  });

  it('a mediation without limitation facts refers an application without them', async () => {
    const r = await t.api(a.tokens.mediator).post('/api/cases', standardApplication({ track: 'mediation', receivedOn: '2026-10-20' }));
    expect(r.status).toBe(201);
    await ok(r.body, a.tokens.mediator, 'MEDIATION_FAILED', {}, '2026-10-25');
    const referred = (await ok(r.body, a.tokens.mediator, 'REFER_TO_ARBITRATION', { reason: 'failed' }, '2026-11-05')) as WithLimitation;
    expect((await view(referred.linkedCaseId as number)).limitation).toBeNull();
  });

  it('a review referred to arbitration: the agreement, the review application and its end interrupted the period', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn: '2026-11-20',
        claims: COMPENSATION,
        limitation: facts('2025-11-19'),
        agreement: { effectiveOn: '2026-11-18', organization: '某某街道劳动争议调解委员会', terms: '支付经济补偿26400元' },
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const review = r.body as WithLimitation;
    await ok(review, a.tokens.clerk, 'REJECT_REVIEW', { ground: 'scope', reason: '不属于仲裁审查范围' }, '2026-11-23');
    const referred = (await ok(review, a.tokens.clerk, 'REFER_TO_ARBITRATION', { channel: 'counter' }, '2026-11-25')) as WithLimitation;
    const c = await view(referred.linkedCaseId as number);
    // Without the interruptions the year would have ended on 2026-11-19, before the referral on 2026-11-25.
    expect(c.limitation?.interruptions?.map((i) => i.on)).toEqual(['2026-11-18', '2026-11-20', '2026-11-23']);
    expect(c.limitation).toMatchObject({ status: 'within', expiresOn: '2027-11-23' });
    expect(c.limitation?.reasoning).toContain(`申请仲裁审查调解协议（编号${review.id}的仲裁审查案件`);
    expect(c.limitation?.reasoning).toContain('不予受理仲裁审查申请、审查程序终结');
  });

  it('ACCEPT_TRANSFER: without the first receipt day the period reads as before; with it, the application interrupted it', async () => {
    const body = standardApplication({ receivedOn: '2026-11-20', claims: COMPENSATION, limitation: facts('2025-11-10') });
    const without = await registerCase(t, a, body);
    let r = (await ok(
      without,
      a.tokens.clerk,
      'ACCEPT_TRANSFER',
      { fromCommission: '茌平区劳动人事争议仲裁委员会' },
      '2026-11-23',
    )) as WithLimitation;
    expect(r.limitation).toMatchObject({ status: 'expired', expiresOn: '2026-11-10' });
    expect((r as unknown as { proceedings: { transferIn: unknown } }).proceedings.transferIn).toMatchObject({ firstReceivedOn: null });

    const withDay = await registerCase(t, a, body);
    // Not after this commission's receipt.
    const late = await send(
      withDay,
      a.tokens.clerk,
      'ACCEPT_TRANSFER',
      { fromCommission: '茌平区劳动人事争议仲裁委员会', firstReceivedOn: '2026-11-21' },
      '2026-11-23',
    );
    expect(late.status).toBe(400);
    expect(JSON.stringify(late.body)).toContain('firstReceivedOn');
    r = (await ok(
      withDay,
      a.tokens.clerk,
      'ACCEPT_TRANSFER',
      { fromCommission: '茌平区劳动人事争议仲裁委员会', fromCaseNo: '茌劳人仲案字〔2026〕第3号', firstReceivedOn: '2026-11-02' },
      '2026-11-23',
    )) as WithLimitation;
    expect((r as unknown as { proceedings: { transferIn: unknown } }).proceedings.transferIn).toMatchObject({
      firstReceivedOn: '2026-11-02',
    });
    expect(r.limitation).toMatchObject({ status: 'within', expiresOn: '2027-11-02' });
    expect(r.limitation?.reasoning).toContain('2026-11-02因向茌平区劳动人事争议仲裁委员会申请仲裁（移送前，茌劳人仲案字〔2026〕第3号');
    // Derived from the record, not stored with the facts: a correction of the facts keeps it.
    expect(r.limitation?.interruptions ?? []).toEqual([]);
    const again = await view(withDay.id);
    expect(again.limitation).toMatchObject({ status: 'within', expiresOn: '2027-11-02' });
  });
});
