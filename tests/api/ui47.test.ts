import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui47 H2 (a new user's walk): an award the court set aside (LDMAL Art. 49) is no longer shown as in force — the
 * view's `proceedings.effectiveOn` is null once the whole award was set aside (the record keeps `setAside`), a pending
 * application leaves it as it was.
 */
const { t, a } = apiSuite({ now: '2026-06-10T02:00:00Z' });
const { ok } = caseEvents(() => t);
const COURT = '聊城市中级人民法院';

/** A final award (one wage claim of 7,000.00, LDMAL Art. 47(1)) served on both sides on 03-31. */
async function finalAward(name: string, idSeed: number): Promise<CaseView> {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker(name, idSeed)],
      claims: [{ category: 'wages', amount: '7000.00', description: '2025年10月至12月工资' }],
      receivedOn: '2026-03-02',
    }),
  });
  const claims = c.claims as unknown as { id: number; amount: string }[];
  let v = await ok(
    c,
    arb.token,
    'ISSUE_AWARD',
    {
      items: claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: cl.amount, paymentDays: 10 })),
      facts: FACTS,
      reasoning: REASONING,
      defenseSummary: DEFENSE,
    },
    '2026-03-30',
  );
  expect((v.award as { finality: string }).finality).toBe('final');
  for (const p of [...(c.applicants as { id: number }[]), ...(c.respondents as { id: number }[])])
    v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct' }, '2026-03-31');
  return v;
}

describe(`ui47 H2 — an award set aside is not in force (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('effectiveOn stays while the application is pending and is null once the court set the award aside, and after a suit', async () => {
    const c = await finalAward('撤销甲', 471);
    // A final award takes effect the day it is made (LDMAL Art. 47).
    expect(c.proceedings.effectiveOn).toBe('2026-03-30');
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: COURT, filedOn: '2026-04-20' }, '2026-04-20');
    expect(v).toMatchObject({ state: 'set_aside_pending', proceedings: { effectiveOn: '2026-03-30' } });
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_SET_ASIDE',
      { result: 'set_aside', decidedOn: '2026-05-25', servedOn: '2026-05-26' },
      '2026-05-26',
    );
    expect(v.state).toBe('award_set_aside');
    expect(v.proceedings.effectiveOn).toBeNull();
    expect(v.proceedings.setAside).toMatchObject({ court: COURT, result: 'set_aside', decidedOn: '2026-05-25', servedOn: '2026-05-26' });
    const worker1 = (c.applicants as { id: number }[])[0]?.id as number;
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: worker1, court: '聊城市东昌府区人民法院', filedOn: '2026-06-01' },
      '2026-06-01',
    );
    expect(v.proceedings.effectiveOn).toBeNull();
    // The same on a fresh read.
    const read = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(read.proceedings.effectiveOn).toBeNull();
    expect(read.proceedings.setAside.result).toBe('set_aside');
  });

  it('a rejected application leaves the award in force from its day', async () => {
    const c = await finalAward('撤销乙', 472);
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: COURT, filedOn: '2026-04-20' }, '2026-04-20');
    const v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'rejected', decidedOn: '2026-05-25' }, '2026-05-26');
    expect(v.proceedings.effectiveOn).toBe('2026-03-30');
  });
});
