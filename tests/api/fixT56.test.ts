import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { issueMediationDocument, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixT56 (legal56a): transfers to this commission itself (LDMAL Art. 21; Rules Arts. 9–10, 31), a tribunal re-formed by a
 * replacement notified like the first (LDMAL Arts. 32–33), a recusal applied for after the debate (Rules Art. 11), the
 * deadlines of a case closed by transfer or 调解书 (Rules Art. 46(5)), a mediation's procedure, and a 调解书's payment day
 * (CPL Art. 250).
 */
const { t, a } = apiSuite({ now: '2026-03-16T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const OWN = '聊城市劳动人事争议仲裁委员会';
const OTHER = '临清市劳动人事争议仲裁委员会';
type Deadline = { kind: string; status: string; startsOn: string | null; dueOn: string | null; label: string; explanation: string };
const deadlines = (c: CaseView, kind: string) => (c.deadlines as Deadline[]).filter((d) => d.kind === kind);
const read = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
const arb = (i: number) => a.arbitrators[i] as { id: number; token: string };

/** A 400 naming `field`, the case left as it was. */
async function badField(
  c: { id: number },
  token: string,
  type: Parameters<typeof send>[2],
  body: Record<string, unknown>,
  on: string,
  field: string,
) {
  const before = await read(c);
  const r = await send(c, token, type, body, on);
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.headers['content-type']).toContain('application/problem+json');
  expect((r.body.errors as { path: string }[]).map((e) => e.path)).toContain(field);
  const after = await read(c);
  expect([after.version, after.state]).toEqual([before.version, before.state]);
  return r.body;
}

describe(`fixT56 item 1: a transfer or referral goes to another commission (${DB})`, () => {
  it('TRANSFER_CASE to this commission itself (spaced, full-width) is 400 naming toCommission; another is 200', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    for (const name of [OWN, `  ${OWN} `, '聊城市　劳动人事争议仲裁委员会'])
      await badField(c, a.tokens.chair, 'TRANSFER_CASE', { toCommission: name, reason: '不属本委管辖' }, '2026-03-06', 'toCommission');
    const out = await ok(c, a.tokens.chair, 'TRANSFER_CASE', { toCommission: OTHER, reason: '不属本委管辖' }, '2026-03-06');
    expect(out.state).toBe('closed_transferred');
  });

  it('REFER_ELSEWHERE.competentCommission and ACCEPT_TRANSFER.fromCommission naming this commission are 400', async () => {
    const c = await registerCase(t, a, standardApplication());
    await badField(
      c,
      a.tokens.clerk,
      'REFER_ELSEWHERE',
      { competentCommission: OWN, reason: '履行地' },
      '2026-03-05',
      'competentCommission',
    );
    const d = await registerCase(t, a, standardApplication());
    await badField(d, a.tokens.clerk, 'ACCEPT_TRANSFER', { fromCommission: ` ${OWN}` }, '2026-03-05', 'fromCommission');
    expect((await ok(d, a.tokens.clerk, 'ACCEPT_TRANSFER', { fromCommission: OTHER }, '2026-03-05')).state).toBe('accepted');
  });

  it('DECIDE_JURISDICTION_OBJECTION upheld with toCommission naming this commission is 400', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await ok(c, a.tokens.clerk, 'RAISE_JURISDICTION_OBJECTION', { partyId: c.respondents[0]?.id, grounds: '应由临清市管辖' }, '2026-03-06');
    await badField(
      c,
      a.tokens.chair,
      'DECIDE_JURISDICTION_OBJECTION',
      { result: 'upheld', reason: '异议成立', toCommission: OWN },
      '2026-03-09',
      'toCommission',
    );
  });
});

describe(`fixT56 item 2: a replacement on the tribunal after its notice is notified again (${DB})`, () => {
  const serveNotice = async (c: CaseView, on: string) => {
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'tribunal_notice', partyId: p.id, method: 'direct' }, on);
  };

  it('RECUSE_ARBITRATOR after the tribunal notice: a new tribunal_notice deadline and a warning; met by a new notice', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed');
    await serveNotice(c, '2026-03-06');
    const r = await send(
      c,
      a.tokens.chair,
      'RECUSE_ARBITRATOR',
      { arbitratorId: arb(0).id, replacementId: arb(1).id, reason: '回避' },
      '2026-03-09',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const warnings = r.body.warnings as string[];
    expect(warnings.join('\n')).toContain('第三十二条');
    // The sole arbitrator presided: the replacement presides (no presidingId given), and the answer says so.
    expect(warnings.join('\n')).toContain('未指定首席仲裁员，');
    expect(r.body.tribunal.presidingId).toBe(arb(1).id);
    const notices = deadlines(r.body, 'tribunal_notice');
    expect(notices).toHaveLength(2);
    expect(notices[0]?.status).toBe('met');
    expect(notices[1]).toMatchObject({ startsOn: '2026-03-09', status: 'open' });
    await serveNotice(c, '2026-03-10');
    expect(deadlines(await read(c), 'tribunal_notice')[1]).toMatchObject({ status: 'met' });
  });

  it('a replacement before any notice opens no second deadline (the first notice states the composition)', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed');
    const r = await ok(
      c,
      a.tokens.chair,
      'RECUSE_ARBITRATOR',
      { arbitratorId: arb(0).id, replacementId: arb(1).id, reason: '回避' },
      '2026-03-06',
    );
    expect(deadlines(r, 'tribunal_notice')).toHaveLength(1);
  });

  it('DECIDE_RECUSAL granted after the notice: a new deadline; presidingId names a member of the tribunal as replaced', async () => {
    await t.tokenFor('arbitrator', 'arb-fixt56');
    const fourth = { id: t.userId('arb-fixt56') };
    const { c } = await caseAt(t, a, 'accepted');
    await ok(
      c,
      a.tokens.chair,
      'FORM_TRIBUNAL',
      { arbitratorIds: [arb(0).id, arb(1).id, arb(2).id], presidingId: arb(0).id },
      '2026-03-05',
    );
    await serveNotice(c, '2026-03-06');
    await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      { partyId: c.respondents[0]?.id, target: { kind: 'arbitrator', userId: arb(0).id }, ground: 'relationship', reason: '系同学' },
      '2026-03-09',
    );
    const decide = { result: 'granted', decidedBy: 'chair', replacementId: fourth.id };
    // Not a member of the re-formed tribunal (arb(0) withdrew): 400 naming presidingId, nothing changed.
    await badField(c, a.tokens.chair, 'DECIDE_RECUSAL', { ...decide, presidingId: arb(0).id }, '2026-03-10', 'presidingId');
    const r = await send(c, a.tokens.chair, 'DECIDE_RECUSAL', { ...decide, presidingId: arb(2).id }, '2026-03-10');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.tribunal.presidingId).toBe(arb(2).id);
    expect((r.body.warnings as string[]).join('\n')).toContain('第三十二条');
    expect(deadlines(r.body, 'tribunal_notice')[1]).toMatchObject({ startsOn: '2026-03-10', status: 'open' });
  });

  it('presidingId when a member other than the presiding one is replaced: only the presiding arbitrator as he is', async () => {
    await t.tokenFor('arbitrator', 'arb-fixt56');
    const fourth = t.userId('arb-fixt56');
    const { c } = await caseAt(t, a, 'accepted');
    await ok(
      c,
      a.tokens.chair,
      'FORM_TRIBUNAL',
      { arbitratorIds: [arb(0).id, arb(1).id, arb(2).id], presidingId: arb(0).id },
      '2026-03-05',
    );
    const body = { arbitratorId: arb(1).id, replacementId: fourth, reason: '回避' };
    await badField(c, a.tokens.chair, 'RECUSE_ARBITRATOR', { ...body, presidingId: arb(2).id }, '2026-03-06', 'presidingId');
    const r = await ok(c, a.tokens.chair, 'RECUSE_ARBITRATOR', { ...body, presidingId: arb(0).id }, '2026-03-06');
    expect(r.tribunal?.presidingId).toBe(arb(0).id);
  });
});

describe(`fixT56 item 3: a recusal applied for after the debate ended (${DB})`, () => {
  it('is recorded with a warning citing Rules Art. 11, and stands no one down', async () => {
    const { c, arb: a0 } = await caseAt(t, a, 'heard', { scheduleOn: '2026-03-05', hearingOn: '2026-03-13' });
    const r = await send(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      { partyId: c.respondents[0]?.id, target: { kind: 'arbitrator', userId: a0.id }, ground: 'relationship', reason: '系同学' },
      '2026-03-13',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(((r.body.warnings ?? []) as string[]).join('\n')).toMatch(/庭审辩论终结后提出.*第十一条/);
    expect(r.body.proceedings.recusalApplications.at(-1)).toMatchObject({ afterDebate: true });
    expect(deadlines(r.body, 'recusal_decision')).toHaveLength(0);
  });
});

describe(`fixT56 item 4: a case closed by transfer or 调解书 ends its running periods (${DB})`, () => {
  it('transferred: the defense period and the award limit read ended (Rules Art. 46(5))', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: c.respondents[0]?.id, method: 'direct' }, '2026-03-05');
    const r = await ok(c, a.tokens.chair, 'TRANSFER_CASE', { toCommission: OTHER, reason: '不属本委管辖' }, '2026-03-06');
    expect(deadlines(r, 'defense')[0]?.status).toBe('ended');
    const award = deadlines(r, 'award')[0] as Deadline;
    expect(award.status).toBe('ended');
    expect(award.explanation).toContain('第四十六条');
  });

  it('closed by a signed 调解书: the defense period reads ended; the award limit met', async () => {
    const { c, arb: a0 } = await caseAt(t, a, 'tribunal_formed');
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: c.respondents[0]?.id, method: 'direct' }, '2026-03-05');
    await ok(c, a0.token, 'START_MEDIATION', {}, '2026-03-06');
    await ok(c, a0.token, 'MEDIATION_AGREED', { terms: '被申请人支付申请人工资10000元。', performanceDueOn: '2026-03-31' }, '2026-03-06');
    await issueMediationDocument(t, a0.token, c);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-03-09' }, '2026-03-09');
    const r = await ok(
      c,
      a.tokens.clerk,
      'SIGN_MEDIATION_DOCUMENT',
      { partyId: c.respondents[0]?.id, signedOn: '2026-03-09' },
      '2026-03-09',
    );
    expect(r.closure).toMatchObject({ mode: 'mediation' });
    expect(deadlines(r, 'defense')[0]?.status).toBe('ended');
    expect(deadlines(r, 'award')[0]?.status).toBe('met');
  });
});

describe(`fixT56 item 5: a pre-arbitration mediation has no procedure (${DB})`, () => {
  it('its view says procedure null and ?procedure=ordinary does not list it', async () => {
    const m = await t.api(a.tokens.mediator).post('/api/cases', standardApplication({ track: 'mediation' }));
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    expect(m.body.procedure).toBeNull();
    const list = await t.api(a.tokens.clerk).get('/api/cases?procedure=ordinary&pageSize=200');
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { id: number }) => x.id)).not.toContain(m.body.id);
    const all = await t.api(a.tokens.clerk).get('/api/cases?track=mediation&pageSize=200');
    expect(all.body.items.find((x: { id: number }) => x.id === m.body.id)?.procedure).toBeNull();
  });
});

describe(`fixT56 item 6: a 调解书 naming a payment date without performanceDueOn (${DB})`, () => {
  it('is recorded with a warning citing CPL Art. 250; none when the date is given or the terms name none', async () => {
    const agree = async (terms: string, extra: Record<string, unknown> = {}) => {
      const { c, arb: a0 } = await caseAt(t, a, 'tribunal_formed');
      await ok(c, a0.token, 'START_MEDIATION', {}, '2026-03-06');
      const r = await send(c, a0.token, 'MEDIATION_AGREED', { terms, ...extra }, '2026-03-06');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return ((r.body.warnings ?? []) as string[]).filter((w) => w.includes('第二百五十条'));
    };
    expect(await agree('被申请人于2026年4月10日前支付申请人工资10000元。')).toHaveLength(1);
    expect(await agree('被申请人于2026年4月10日前支付申请人工资10000元。', { performanceDueOn: '2026-04-10' })).toHaveLength(0);
    expect(await agree('被申请人支付申请人工资10000元。')).toHaveLength(0);
  });
});
