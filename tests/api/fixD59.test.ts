import { describe, expect, it } from 'vitest';
import { recomputationsIdle } from '../../app/time/recompute.ts';
import { offDaysWith } from '../helpers/calendar-years.ts';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixD59 (outside documents checker docs59):
 * #1 a suspension begun after the award limit ran out deducts nothing (Rules Art. 47): the 恢复审理通知书 and the
 *    suspension 决定书 say the limit ran out that day and the parties may sue (LDMAL Art. 43(1)) — not that it continues.
 * #2 EXTEND_TIME_LIMIT records its reason (案情复杂需要延期, LDMAL Art. 43(1)), printed 「因…，」, warned of when absent;
 *    the extension 决定书 is refused (422 calendar-data-missing) while its new last day is only provisional (s60 L6: its
 *    first issue; not its draft).
 */
const DB = process.env.TEST_DB ?? 'sqlite';
const due = (v: CaseView, kind: string) =>
  (v.deadlines as { kind: string; dueOn: string | null; status: string }[]).find((d) => d.kind === kind);

describe(`fixD59 #1 — a suspension begun after the award limit ran out (${DB})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-07T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok } = caseEvents(() => t);
  const arb = () => a.arbitrators[0] as { id: number; token: string };

  it('the resumption notice and the suspension decision say the limit ran out and the parties may sue', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-08-10' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-08-11');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-08-12');
    const before = await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-12-01');
    // 45 days from 08-11 (LDMAL Art. 43(1)), its last day a Saturday carried to Monday: the deadlines' own day.
    const limit = due(before, 'award')?.dueOn as string;
    expect(limit).toBe('2026-09-28');
    expect(JSON.stringify(before.warnings)).toContain(`审理期限已于${limit}届满`);
    const v = await ok(c, a.tokens.chair, 'RESUME', {}, '2026-12-03');
    expect(due(v, 'award')?.dueOn).toBe(limit);
    expect(due(v, 'award')?.status).toBe('overdue');
    const cn = '二〇二六年九月二十八日';
    const notice = await generatedText(t, a.tokens.clerk, c.id, { kind: 'resume_notice' });
    expect(notice).toContain(`本案审理期限已于${cn}届满`);
    expect(notice).toContain('不扣除审理期限');
    expect(notice).toContain('当事人可以依法就该劳动争议事项向人民法院提起诉讼');
    expect(notice).toContain('第四十三条第一款');
    expect(notice).not.toContain('自恢复审理之日起继续计算');
    const decision = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension' });
    expect(decision).toContain(`本案审理期限已于${cn}届满`);
    expect(decision).toContain('当事人可以依法就该劳动争议事项向人民法院提起诉讼');
  });

  it('a suspension within the limit: the limit continues from the resumption, as before', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-02' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-03');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-11-04');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-12-01');
    await ok(c, a.tokens.chair, 'RESUME', {}, '2026-12-03');
    const notice = await generatedText(t, a.tokens.clerk, c.id, { kind: 'resume_notice' });
    expect(notice).toContain('自恢复审理之日起继续计算');
    expect(notice).not.toContain('提起诉讼');
    const decision = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension' });
    expect(decision).not.toContain('届满');
  });
});

describe(`fixD59 #2 — the extension's reason and its last day (${DB})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-08T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok } = caseEvents(() => t);
  const arb = () => a.arbitrators[0] as { id: number; token: string };

  it('the reason is printed 因…，经本委主任批准; an extension without it is recorded with a warning', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-10-26' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-27');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-10-28');
    const v = await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10, reason: '案情复杂，需要等待工伤认定结论' }, '2026-12-07');
    expect(JSON.stringify(v.warnings ?? [])).not.toContain('未记录延长审理期限的理由');
    const text = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'extension' });
    expect(text).toContain(
      '因案情复杂，需要等待工伤认定结论，依照《中华人民共和国劳动争议调解仲裁法》第四十三条第一款之规定，经本委主任批准',
    );
    expect(text).toContain('延长后的审理期限至二〇二六年十二月二十一日届满');

    const d = await registerCase(t, a, standardApplication({ receivedOn: '2026-10-26' }));
    await ok(d, a.tokens.clerk, 'ACCEPT', {}, '2026-10-27');
    await ok(d, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-10-28');
    const w = await ok(d, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10 }, '2026-12-07');
    expect(JSON.stringify(w.warnings)).toContain('未记录延长审理期限的理由');
    expect(JSON.stringify(w.warnings)).toContain('第四十三条第一款');
  });

  it('while the new last day is provisional the 决定书 is refused (422), issued with the day once the year is loaded', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-16' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-17');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-12-07');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-12-07' }, '2026-12-07');
    const r = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'extension' });
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.type).toContain('rule-violation');
    expect(r.body.rule).toBe('calendar-data-missing');
    expect(r.body.missingYear).toBe(2027);
    expect(r.body.detail).toContain('2027年');
    expect(r.body.detail).toContain('届满日');
    // s60 L6: its draft is printed (without the day, said in a warning) — tests/api/fixS60b-extension.test.ts.
    const draft = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'extension', draft: true });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(JSON.stringify(draft.body.warnings)).toContain('本草稿未写明延长后的审理期限届满日');
    // Other documents of the case are not held up.
    await generatedText(t, a.tokens.clerk, c.id, { kind: 'acceptance_notice' });
    const y = await t
      .api(t.adminToken)
      .put('/api/calendar/years/2027', { notice: '国办发明电〔2026〕测试号', offDays: offDaysWith(2027), workDays: [] });
    expect(y.status, JSON.stringify(y.body)).toBe(202);
    await recomputationsIdle(t.db);
    const text = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'extension' });
    expect(text).toContain('因案情复杂，依照');
    expect(text).toContain('延长后的审理期限至二〇二七年一月十八日届满');
    expect(text).not.toContain('取代本委于');
  });
});
