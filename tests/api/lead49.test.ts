import ExcelJS from 'exceljs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, mixedAwardServed, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { asBytes } from '../helpers/pdf.ts';
import { issueMediationDocument, largeApplication, registerCase, standardApplication } from '../helpers/procedure.ts';

/** The lead's fixes at stop 49, from the outside checks (legal49b: clocks and the dating of acts). */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z' });
const { ok, send } = caseEvents(() => t);

type Entry = { type: string; occurredOn: string; payload: Record<string, unknown> };
const history = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as Entry[];
const COURT = '聊城市中级人民法院';

describe(`lead49: the day an act happened (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('legal49b H1: a mediation document takes effect on the later signature, whatever order the receipts are entered in', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年4月10日前支付申请人工资10000元。' }, '2026-03-27');
    // The applicant signed on 03-31 and is entered first; the respondent signed earlier, on 03-30, entered second.
    await issueMediationDocument(t, arb.token, c);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-03-31' }, '2026-03-31');
    const v = await ok(
      c,
      a.tokens.clerk,
      'SIGN_MEDIATION_DOCUMENT',
      { partyId: c.respondents[0]?.id, signedOn: '2026-03-30' },
      '2026-03-31',
    );
    // LDMAL Art. 42(3): it takes effect once both have signed — on 03-31, not on the last receipt's 03-30.
    expect((v.closure as { closedOn: string }).closedOn).toBe('2026-03-31');
    const deadlines = v.deadlines as { kind: string; status: string; explanation: string }[];
    const signing = deadlines.find((d) => d.kind === 'mediation_signature');
    expect(signing?.status).toBe('met');
    expect(signing?.explanation).toContain('2026-03-31');
    const closed = await t.api(a.tokens.analyst).get('/api/stats/closure/cases?from=2026-03-31&to=2026-03-31&measure=closed');
    expect(closed.status).toBe(200);
    expect((closed.body.items as { id: number }[]).map((x) => x.id)).toContain(c.id);
  });

  it('legal49b M1: a signature, a set-aside, an enforcement and a suit sent without occurredOn happened on the day in the body', async () => {
    const m = await mixedAwardServed(t, a, '林四九', 491);
    // The employer's application to set aside the final part, filed 04-20, entered today without a day of entry.
    await ok(m.c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: COURT, filedOn: '2026-04-20' });
    // The worker's enforcement of the final part, filed 04-22 (SPC-1 Art. 25: recorded with its warning).
    await ok(m.c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: m.workerId, court: '聊城市东昌府区人民法院', filedOn: '2026-04-22' });
    let h = await history(m.c);
    expect(h.find((e) => e.type === 'RECORD_SET_ASIDE')?.occurredOn).toBe('2026-04-20');
    expect(h.find((e) => e.type === 'APPLY_ENFORCEMENT')?.occurredOn).toBe('2026-04-22');
    // A later act is still recorded on the day it happened (before, the set-aside dated today barred it: 400 occurredOn).
    // The employer's suit on the non-final part, filed 04-21 — older than the enforcement entered before it: entered on
    // 04-22 with a warning; its window is judged on its filedOn.
    const r = await send(m.c, a.tokens.clerk, 'RECORD_LAWSUIT', {
      partyId: m.employerId,
      court: '聊城市东昌府区人民法院',
      filedOn: '2026-04-21',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.warnings.join('')).toContain('向人民法院提出之日2026-04-21早于本案已记录的上一程序事项的日期');
    h = await history(m.c);
    const suit = h.find((e) => e.type === 'RECORD_LAWSUIT');
    expect(suit).toMatchObject({ occurredOn: '2026-04-22', payload: { filedOn: '2026-04-21' } });
    // An explicit occurredOn is judged as sent (api.md): before the last act it is refused, naming occurredOn.
    const early = await send(m.c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'rejected', decidedOn: '2026-04-30' }, '2026-04-21');
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ path: 'occurredOn' });
    // The court's ruling without occurredOn: on its decidedOn.
    await ok(m.c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'rejected', decidedOn: '2026-05-20', servedOn: '2026-05-22' });
    h = await history(m.c);
    expect(h.filter((e) => e.type === 'RECORD_SET_ASIDE').map((e) => e.occurredOn)).toEqual(['2026-04-20', '2026-05-20']);
  });

  it('legal49b M1: a signature sent without occurredOn is dated by its signedOn', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年4月10日前支付申请人工资10000元。' }, '2026-03-27');
    await issueMediationDocument(t, arb.token, c);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-03-28' });
    const v = await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id, signedOn: '2026-03-30' });
    expect((await history(c)).filter((e) => e.type === 'SIGN_MEDIATION_DOCUMENT').map((e) => e.occurredOn)).toEqual([
      '2026-03-28',
      '2026-03-30',
    ]);
    expect((v.closure as { closedOn: string }).closedOn).toBe('2026-03-30');
  });
});

describe(`lead49: an issued document generated several times at once (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('sec49 H1: one original per act — the others answer it, or 422 when they write other text (Rules Art. 54)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const items = (c.claims as { id: number }[]).map((x) => ({ claimId: x.id, outcome: 'granted', amount: '1000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    const post = (body: Record<string, unknown>) => t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award', ...body });
    // Two with the text written at the award and one with none, all at once: one original. Then two writing other text,
    // at once: both refused. (All five at once left it to the race which text the one original took — an "other text"
    // request stored first made the original, and the award's own text was then the one refused: a CI flake.)
    const same = await Promise.all([post({ facts: FACTS }), post({}), post({ facts: FACTS })]);
    const other = await Promise.all([post({ facts: `${FACTS}（另稿甲）` }), post({ facts: `${FACTS}（另稿乙）` })]);
    const made = [...same, ...other];
    const ids = new Set<number>();
    for (const r of made.slice(0, 3)) {
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      for (const d of r.body.documents as { id: number }[]) ids.add(d.id);
    }
    expect(ids.size).toBe(1);
    for (const r of made.slice(3)) expect([r.status, r.body.rule, r.body.field]).toEqual([422, 'issued-document-text-fixed', 'facts']);
    const list = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/documents`)).body as { id: number; kind: string; draft?: boolean }[];
    expect(list.filter((d) => d.kind === 'award').map((d) => d.id)).toEqual([...ids]);
  });
});

describe(`lead49: the case-list export (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('sec49 M1: a rejected application is named by its 不字 number, as the list names it', async () => {
    const c = await registerCase(t, a);
    await ok(c, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-03-06');
    const row = ((await t.api(a.tokens.clerk).get('/api/cases?state=rejected')).body.items as { id: number; documentNo: string }[]).find(
      (x) => x.id === c.id,
    );
    expect(row?.documentNo).toMatch(/^聊劳人仲不字〔2026〕第\d+号$/);
    const r = await asBytes(t.api(a.tokens.clerk).get('/api/exports/cases?state=rejected'));
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ArrayBuffer);
    const cells = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    expect(cells).toContain(row?.documentNo);
    expect(cells).not.toContain(`仲裁申请#${c.id}`);
  });
});

describe(`lead49: methods on the paths that need no login (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('sec49 L1: a wrong method on login or the public keys is 405 with Allow, not 401', async () => {
    for (const [method, path, allow] of [
      ['get', '/api/auth/login', 'POST'],
      ['delete', '/api/auth/login', 'POST'],
      ['post', '/api/keys', 'GET'],
      ['delete', '/api/keys', 'GET'],
    ] as const) {
      const r = await request(t.app)[method](path);
      expect([method, path, r.status, r.headers.allow]).toEqual([method, path, 405, allow]);
    }
    // The methods they take are answered as before.
    expect((await request(t.app).get('/api/keys')).status).toBe(200);
    expect((await request(t.app).post('/api/auth/login').send({ username: 'nobody', password: 'x' })).status).toBe(401);
  });
});

describe(`lead49: the court a package is addressed to (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('sec49 L2: an enforcement package defaults to the enforcement application’s court', async () => {
    const m = await mixedAwardServed(t, a, '林四十九', 492);
    await ok(
      m.c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: m.employerId, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' },
      '2026-04-20',
    );
    await ok(
      m.c,
      a.tokens.clerk,
      'APPLY_ENFORCEMENT',
      { partyId: m.workerId, court: '聊城市茌平区人民法院', filedOn: '2026-04-22' },
      '2026-04-22',
    );
    // The award's documents issued (a package encloses them).
    expect(
      (
        await t
          .api(m.arb.token)
          .post(`/api/cases/${m.c.id}/documents`, { kind: 'award', facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE })
      ).status,
    ).toBe(201);
    const enforcement = await t.api(a.tokens.chair).post(`/api/cases/${m.c.id}/court-packages`, { purpose: 'enforcement' });
    expect(enforcement.status, JSON.stringify(enforcement.body)).toBe(201);
    expect(enforcement.body.court).toBe('聊城市茌平区人民法院');
    const litigation = await t.api(a.tokens.chair).post(`/api/cases/${m.c.id}/court-packages`, { purpose: 'litigation' });
    expect(litigation.body.court).toBe('聊城市东昌府区人民法院');
  });
});

describe(`lead49: the grounds of not accepting a review (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('ui49 M1: ground "other" is refused — Rules Art. 75 names five grounds; nothing is recorded', async () => {
    const r = await t.api(a.tokens.clerk).post('/api/cases', {
      ...standardApplication({ track: 'review', receivedOn: '2026-03-10' }),
      agreement: { effectiveOn: '2026-03-02', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const c = r.body as { id: number; version: number };
    // legal49c L2: its withdrawal is named for what it withdraws.
    const next = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`)).body as { type: string; label: string }[];
    expect(next.find((e) => e.type === 'WITHDRAW')?.label).toBe('撤回仲裁审查申请');
    const refused = await send(c, a.tokens.clerk, 'REJECT_REVIEW', { ground: 'other', reason: '申请材料不齐全' }, '2026-03-11');
    expect([refused.status, refused.body.rule, refused.body.field]).toEqual([422, 'review-rejection-ground', 'ground']);
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.version).toBe(c.version);
    await ok(c, a.tokens.clerk, 'REJECT_REVIEW', { ground: 'scope', reason: '协议约定的是股东之间的分红事项' }, '2026-03-11');
  });
});

describe(`lead49: a defense received before a paper entered first (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('ui49 M4: FILE_DEFENSE with filedOn and no occurredOn — entered on the last act’s day, judged on the day it came', async () => {
    const { c } = await caseAt(t, a, 'accepted', { acceptOn: '2026-11-03' });
    const respondent = (c.respondents as { id: number }[])[0]?.id as number;
    const applicant = (c.applicants as { id: number }[])[0]?.id as number;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: respondent, method: 'direct', servedOn: '2026-11-04' });
    // The morning's mail: a postal receipt (signed 11-25) entered first, then the defense that came on 11-16.
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      {
        document: 'acceptance_notice',
        partyId: applicant,
        method: 'post',
        servedOn: '2026-11-25',
      },
      '2026-11-25',
    );
    const r = await send(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: respondent, filedOn: '2026-11-16' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.warnings.join('')).toContain('收到答辩书之日2026-11-16早于本案已记录的上一程序事项的日期');
    const defense = (r.body.deadlines as { kind: string; status: string }[]).find((d) => d.kind === 'defense');
    expect(defense?.status).toBe('met');
    const e = (await history(c)).find((x) => x.type === 'FILE_DEFENSE');
    expect(e).toMatchObject({ occurredOn: '2026-11-25', payload: { filedOn: '2026-11-16' } });
    // A filedOn after an explicit occurredOn is refused, naming filedOn.
    const late = await send(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: respondent, filedOn: '2026-11-30' }, '2026-11-26');
    expect([late.status, late.body.errors?.[0]?.path]).toEqual([400, 'filedOn']);
  });
});

describe(`lead49: the review's 调解书 and the agreement (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('med49 M4: confirmed terms other than the agreement registered are warned of (Rules Art. 77)', async () => {
    const review = async () => {
      const r = await t.api(a.tokens.clerk).post('/api/cases', {
        ...standardApplication({ track: 'review', receivedOn: '2026-03-10' }),
        agreement: { effectiveOn: '2026-03-02', organization: '某某街道劳动争议调解委员会', terms: '被申请人支付申请人经济补偿20000元' },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const c = r.body as { id: number };
      const arb = a.arbitrators[0] as { id: number; token: string };
      await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-03-11');
      await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-11');
      return { c, arb };
    };
    const one = await review();
    const other = await ok(
      one.c,
      one.arb.token,
      'CONFIRM_AGREEMENT',
      { terms: '被申请人支付申请人经济补偿5000元，申请人放弃其他请求' },
      '2026-03-12',
    );
    expect(((other.warnings ?? []) as string[]).join('')).toContain('所确认的调解书内容与登记的调解协议内容不一致');
    const two = await review();
    const same = await ok(two.c, two.arb.token, 'CONFIRM_AGREEMENT', { terms: '被申请人支付申请人经济补偿20000元。' }, '2026-03-12');
    expect(((same.warnings ?? []) as string[]).join('')).not.toContain('不一致');
  });
});

describe(`lead49: the reviewer's findings (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const TEXT = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
  const BASIC = '聊城市东昌府区人民法院';

  it('H1: the employer suing a mixed award’s non-final part may still sue on the set-aside matters (LDMAL Art. 49(3))', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: largeApplication({ applicants: [worker('工人九一', 493)] }) });
    const items = ['24120.00', '24120.01'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
    const company = c.respondents[0]?.id as number;
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: company, court: BASIC, filedOn: '2026-04-15' }, '2026-04-15');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-04-20' }, '2026-04-20');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-24' }, '2026-04-24');
    const r = await send(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: company, court: BASIC, filedOn: '2026-04-25', matter: 'set_aside' },
      '2026-04-25',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // The same suit again (no matter: the non-final part, still pending) is still refused.
    const again = await send(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: company, court: BASIC, filedOn: '2026-04-26', matter: 'award' },
      '2026-04-26',
    );
    expect([again.status, again.body.rule]).toEqual([422, 'already-suing']);
  });

  it('H2: a non-final partial award’s enforcement is judged on the day it was filed; an award is not enforced before it was made', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('工人寅', 494)] }) });
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: c.claims[1]?.id, outcome: 'granted', amount: '26400.00' }], ...TEXT },
      '2026-04-01',
    );
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03' }, '2026-04-03');
    const w = c.applicants[0]?.id as number;
    await ok(c, a.tokens.clerk, 'WITHDRAW', { reason: '双方已和解' }, '2026-04-25');
    for (const occurredOn of [undefined, '2026-04-26']) {
      const r = await send(
        c,
        a.tokens.clerk,
        'APPLY_ENFORCEMENT',
        { partialAward: 1, partyId: w, court: BASIC, filedOn: '2026-04-08' },
        occurredOn,
      );
      expect([r.status, r.body.rule]).toEqual([422, 'partial-award-not-effective']);
    }
    expect(
      (await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partialAward: 1, partyId: w, court: BASIC, filedOn: '2026-04-27' })).status,
    ).toBe(200);

    const m = await mixedAwardServed(t, a, '工人未', 495);
    const early = await send(m.c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: m.workerId, court: BASIC, filedOn: '2026-03-01' });
    expect([early.status, early.body.errors?.[0]?.path]).toEqual([400, 'filedOn']);
  });

  it('M1: a default award after a hearing set under simple handling needs the notice served, not a notice period (Rules Arts. 59–60)', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ procedure: 'simple', applicants: [worker('工人午', 496)] }),
    });
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 0, respondentConsent: true }, '2026-03-06');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-11', place: '第一仲裁庭' }, '2026-03-09');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'hearing_notice', partyId: p.id, method: 'direct', servedOn: '2026-03-09' },
        '2026-03-09',
      );
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: false }, '2026-03-11');
    const items = (c.claims as { id: number }[]).map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
    const r = await send(c, arb.token, 'ISSUE_AWARD', { items, ...TEXT }, '2026-03-12');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });

  it('M2, M3: a 409 names partial awards only when the act is offered against one; a defense is not received before the application', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed');
    const r = await send(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-06');
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain('不能进行“');
    expect(r.body.detail).not.toContain('本案裁决');
    const d = await send(c, a.tokens.clerk, 'FILE_DEFENSE', { filedOn: '2020-01-01' });
    expect([d.status, d.body.errors?.[0]?.path]).toEqual([400, 'filedOn']);
  });
});

describe(`lead49: one court outcome for several suits (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  // fixA50 (legal49c H2): the warning of lead49 became a requirement — the ruling names the suit it ends (partyId).
  it('legal49c H2: with several suits pending, the outcome names the suit it ends', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({ applicants: [worker('工人子九', 502), worker('工人丑九', 503), worker('工人卯九', 504)] }),
    });
    const items = (c.claims as { id: number; category: string; amount: string }[]).map((x) =>
      x.category === 'wages' ? { claimId: x.id, outcome: 'granted', amount: '1000.00' } : { claimId: x.id, outcome: 'dismissed' },
    );
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-15' }, '2026-04-15');
    const [w1, w2] = (c.applicants as { id: number }[]).map((x) => x.id);
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' }, '2026-04-20');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w2, court: '聊城市东昌府区人民法院', filedOn: '2026-04-22' }, '2026-04-22');
    const r = await send(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-06-20' }, '2026-06-20');
    expect([r.status, r.body.errors?.[0]?.path]).toEqual([400, 'partyId']);
    expect(r.body.errors[0].message).toContain('本案有2件起诉尚未登记处理结果');
    const v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'judgment', partyId: w1, decidedOn: '2026-06-20' },
      '2026-06-20',
    );
    expect(v.state).toBe('in_litigation');
  });
});
