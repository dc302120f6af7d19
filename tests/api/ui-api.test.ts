import { describe, expect, it } from 'vitest';
import { CLOSURE_MODE_LABELS } from '../../workflows/labels.ts';
import { SERVICE_DOCUMENTS } from '../../workflows/procedure-types.ts';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { scopedCase } from '../helpers/procedure.ts';

/** What the web interface needs beside the v1 contract: the vocabulary and the award preview (writes nothing). */
const { t, a } = apiSuite();

describe(`web-interface API (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('award preview classifies per item like the award itself, names foreign claims, and changes nothing', async () => {
    // The tribunal's arbitrator drafts the award; an analyst and an arbitrator of no tribunal of the case may not.
    const c = await scopedCase(t, a);
    const [wages, comp] = c.claims as { id: number }[];
    const url = `/api/cases/${c.id}/award-preview`;
    const outsider = await t.tokenFor('arbitrator', 'arb-preview-outsider');
    for (const token of [a.tokens.analyst, outsider])
      expect((await t.api(token).post(url, { items: [{ claimId: wages?.id, outcome: 'granted', amount: '1.00' }] })).status).toBe(403);
    const ok = await t.api(a.tokens.arbitrator).post(url, {
      items: [
        { claimId: wages?.id, outcome: 'granted', amount: '12000.00' },
        { claimId: comp?.id, outcome: 'partly', amount: '26000.00' },
      ],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    // 12 × the seeded 2010-yuan minimum wage = 24120.00: the second item is over it (LDMAL Art. 47).
    expect(ok.body).toMatchObject({ finality: 'mixed', thresholdAmount: '24120.00' });
    expect(ok.body.items.map((i: { final: boolean }) => i.final)).toEqual([true, false]);
    const bad = await t.api(a.tokens.arbitrator).post(url, { items: [{ claimId: 999999, outcome: 'granted', amount: '1.00' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['items.0.claimId']);
    const after = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect(after.body.version).toBe(c.version);
    expect(after.body.award).toBeNull();
  });

  it('vocabulary carries the labels the interface shows', async () => {
    const r = await t.api(a.tokens.clerk).get('/api/reference/vocabulary');
    expect(r.status).toBe(200);
    expect(r.body.states.accepted).toBe('已受理（待组庭）');
    // The web reads closure modes from here (no copy of its own): every mode, the round-2 ones included.
    expect(r.body.closureModes).toEqual(CLOSURE_MODE_LABELS);
    expect(r.body.closureModes.transfer).toBe('移送管辖');
    expect(r.body.districts).toContain('东昌府区');
    expect(r.body.closureTarget).toBe('0.98');
  });

  it('vocabulary carries the served documents, full and short names, one per SERVE document (D3: their one home)', async () => {
    const r = await t.api(a.tokens.clerk).get('/api/reference/vocabulary');
    expect(Object.keys(r.body.servedDocuments).sort()).toEqual([...SERVICE_DOCUMENTS].sort());
    expect(r.body.servedDocuments.award).toEqual({ name: '仲裁裁决书', short: '裁决书' });
    expect(r.body.servedDocuments.mediation_document).toEqual({ name: '仲裁调解书', short: '调解书' });
    expect(r.body.servedDocuments.acceptance_notice).toEqual({ name: '受理通知书', short: '受理通知书' });
  });
});
