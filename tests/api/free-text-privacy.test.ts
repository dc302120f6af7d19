import { describe, expect, it } from 'vitest';
import { completeIdNumber } from '../../workflows/identifiers.ts';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';

/**
 * Identity numbers and phones that staff type into free text — mediation terms, a note — are personal data like the
 * parties' own fields (api.md "Reading (v1.1)"): history never shows a full identity number; a masked reader (an
 * arbitrator or mediator of another case) sees neither identity numbers nor phones; a claim's line carries no identity
 * data. And a retry of a write (Idempotency-Key) does not show a case again to one who may no longer read it in full.
 */
const { t, a } = apiSuite();

const ID = completeIdNumber('37150219851212567');
const ID_MASKED = `${ID.slice(0, 4)}**********${ID.slice(-4)}`;
const PHONE = '13500005555';
const PHONE_MASKED = '135****5555';

describe(`free text that names a person (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('is masked in history for everyone, and in the case view and history of a masked reader', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    const other = a.arbitrators[1] as { id: number; token: string };
    expect(other.id).not.toBe(arb.id);
    const { ok } = caseEvents(() => t);
    // Also as people write them down: a mobile in groups after the country code, an identity number in its groups.
    const GROUPED_ID = `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`;
    await ok(c, arb.token, 'START_MEDIATION', { note: `申请人联系电话${PHONE}，家属电话+86 139 0000 6666，家属身份证号 ${GROUPED_ID}` });
    const terms = `一、被申请人向申请人周八（身份证号${ID}，电话${PHONE}）支付工资12000元。`;
    const agreed = await ok(c, arb.token, 'MEDIATION_AGREED', { terms, amount: '12000.00' });
    // The tribunal reads its own case in full: the terms as written.
    expect(JSON.stringify(agreed)).toContain(terms);

    const masked = await t.api(other.token).get(`/api/cases/${c.id}`);
    expect(masked.status).toBe(200);
    expect(masked.body.readLevel).toBe('masked');
    const maskedText = JSON.stringify(masked.body);
    expect(maskedText).not.toContain(ID);
    expect(maskedText).not.toContain(PHONE);
    expect(maskedText).toContain(`身份证号${ID_MASKED}，电话${PHONE_MASKED}`);

    const maskedHistory = JSON.stringify((await t.api(other.token).get(`/api/cases/${c.id}/events`)).body);
    expect(maskedHistory).toContain('MEDIATION_AGREED');
    expect(maskedHistory).not.toContain(ID);
    expect(maskedHistory).not.toContain(PHONE);
    expect(maskedHistory).not.toContain('0000 6666');
    expect(maskedHistory).toContain('+86 139 **** 6666');
    expect(maskedHistory).not.toContain(GROUPED_ID);
    expect(maskedHistory).toContain(`家属身份证号 ${ID_MASKED}`);

    // A full reader's history: the identity number masked (never a full one in history), the phone shown.
    const fullHistory = JSON.stringify((await t.api(arb.token).get(`/api/cases/${c.id}/events`)).body);
    expect(fullHistory).not.toContain(ID);
    expect(fullHistory).not.toContain(GROUPED_ID);
    expect(fullHistory).toContain(ID_MASKED);
    expect(fullHistory).toContain(PHONE);
    expect(fullHistory).toContain('+86 139 0000 6666');

    // A claim's line quotes the terms: no identity data, for any reader.
    for (const token of [arb.token, other.token, a.tokens.clerk]) {
      const line = await t.api(token).get(`/api/cases/${c.id}/claims/${c.claims[0]?.id}/history`);
      expect(line.status).toBe(200);
      const text = JSON.stringify(line.body);
      expect(text).toContain('达成调解协议');
      expect(text).not.toContain(ID);
      expect(text).not.toContain(PHONE);
    }
  });

  it('leaves a company credit code of 18 digits as it is', async () => {
    const { c, arb } = await caseAt(t, a, 'accepted');
    const history = JSON.stringify((await t.api(arb.token).get(`/api/cases/${c.id}/events`)).body);
    const code = (c.respondents[0] as { creditCode?: string } | undefined)?.creditCode as string;
    expect(code).toBeTruthy();
    expect(history).toContain(code);
  });
});

describe(`a retried write after the writer lost the case (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('is not answered with the stored full view: 403, the write stands, nothing written again', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    const send = () =>
      t
        .api(arb.token)
        .post(`/api/cases/${c.id}/events`, { type: 'START_MEDIATION', note: '庭前调解' })
        .set('Idempotency-Key', 'recused-retry-1');
    const first = await send();
    expect(first.status).toBe(200);
    expect(first.body.readLevel).toBe('full');
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');

    const replacement = a.arbitrators.find((x) => x.id !== arb.id) as { id: number };
    const { ok } = caseEvents(() => t);
    const recused = await ok(c, a.tokens.chair, 'RECUSE_ARBITRATOR', {
      arbitratorId: arb.id,
      replacementId: replacement.id,
      reason: '与当事人有利害关系',
    });
    const before = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body.length;

    const after = await send();
    expect(after.status).toBe(403);
    expect(after.headers['content-type']).toMatch(/problem\+json/);
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    const idNumber = (c.applicants[0] as { idNumber?: string } | undefined)?.idNumber as string;
    expect(JSON.stringify(after.body)).not.toContain(idNumber);
    expect(JSON.stringify(after.body)).not.toContain(idNumber.slice(6, 14));
    // The case is as the recusal left it: the refused retry wrote nothing.
    const now = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect(now.body.version).toBe(recused.version);
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body.length).toBe(before);
  });
});

describe(`a party added after acceptance (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it("keeps its agents' relationship to the party", async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    const { ok } = caseEvents(() => t);
    const added = await ok(c, arb.token, 'ADD_PARTY', {
      side: 'third_party',
      ground: 'interested_third_party',
      party: { kind: 'person', name: '第三人丙', agents: [{ name: '丙父', kind: 'relative', relationship: '父亲' }] },
    });
    const party = added.thirdParties.find((p: { name: string }) => p.name === '第三人丙');
    expect(party?.agents[0]?.relationship).toBe('父亲');
    const read = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(read.thirdParties.find((p: { name: string }) => p.name === '第三人丙').agents[0].relationship).toBe('父亲');
  });
});
