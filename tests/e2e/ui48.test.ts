import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the web interface is plain JavaScript modules (no types)
import { consequenceOf, lateObjection } from '../../web/acts.js';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, hasText, signIn } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui48 (an outside new user's walk) in Chromium: a service is dated by its 送达日期 unless another day is entered
 * (H1); a late jurisdiction objection is said to be late and not pending (M1); a rejected application is named by its
 * 不字 number (M2); the analyst's case page asks for no documents (M3); only respondents object to jurisdiction (L1);
 * a recusal decision names both arbitrators by name only (L2); an award after the respondent's absence is a default
 * award, a deemed withdrawal names its ground (L3); the extension dialog sends no probe that cannot pass (L5); a 决定书
 * is offered for service only once made, a document not generated is marked (L6).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite((s) => {
  ({ t, a, base, page } = s);
});

const { ok } = caseEvents(() => t);
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const dialog = () => page.locator('dialog.act[open]');
const ask = () => page.locator('dialog.confirm[open]');
type Ev = { type: string; occurredOn: string; payload: Record<string, unknown> };
const events = async (id: number, type: string) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${id}/events`)).body as Ev[]).filter((e) => e.type === type);
const openCase = async (id: number, who = 'clerk') => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};
/** The messages the page's console shows as errors (a refused request among them), from now on. */
const consoleErrors = () => {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(m.text());
  });
  return seen;
};

describe('ui48 (Chromium)', () => {
  it('H1 送达: 登记日期 starts empty, the service is dated by its 送达日期 — a timely defense after it is recorded on its day', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({
        applicants: [worker('送达甲', 481)],
        respondents: [employer('聊城某某送达有限公司')],
        receivedOn: '2026-03-02',
      }),
    });
    await openCase(c.id);
    await actButton('送达').click();
    const dlg = dialog();
    await dlg.waitFor();
    expect(await dlg.locator('[data-path="occurredOn"]').inputValue()).toBe('');
    await hasText(dlg, '不填则以“送达日期”为本次送达的日期');
    await dlg.getByRole('combobox', { name: '送达文书', exact: true }).selectOption('application_copy');
    await dlg.getByRole('combobox', { name: '受送达人', exact: true }).selectOption({ label: '被申请人：聊城某某送达有限公司' });
    await dlg.getByRole('combobox', { name: '送达方式', exact: true }).selectOption('direct');
    await dlg.locator('[data-path="servedOn"]').fill('2026-03-10');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await ask().waitFor();
    await hasText(ask(), '送交日期：未填写，以送达日期 2026-03-10 为准');
    await hasText(ask(), '送达日期 2026-03-10');
    // Not a late entry: nothing is asked about the day of entry.
    expect(await ask().locator('.backdated').count()).toBe(0);
    await ask().getByRole('button', { name: '确认送达' }).click();
    await dlg.waitFor({ state: 'detached' });
    await hasText(page.locator('main'), '送达日期：2026-03-10');
    const [e] = await events(c.id, 'SERVE');
    expect(e?.occurredOn).toBe('2026-03-10');
    // The defense received on 03-15 (within the period) is recorded on that day, not after the day of entry.
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', {}, '2026-03-15');
  });

  it('H1 送达 with a 登记日期 entered still dates the act by it and names it', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('送达乙', 482)], receivedOn: '2026-03-02' }),
    });
    await openCase(c.id);
    await actButton('送达').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.locator('[data-path="occurredOn"]').fill('2026-03-12');
    await dlg.getByRole('combobox', { name: '送达文书', exact: true }).selectOption('application_copy');
    await dlg.getByRole('combobox', { name: '受送达人', exact: true }).selectOption({ index: 2 });
    await dlg.getByRole('combobox', { name: '送达方式', exact: true }).selectOption('direct');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await ask().waitFor();
    await hasText(ask(), '送交日期：2026-03-12');
    await ask().getByRole('button', { name: '确认送达' }).click();
    await dlg.waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'SERVE');
    expect(e?.occurredOn).toBe('2026-03-12');
  });

  it('H1 a 送达日期 before the case’s last act: the service is dated that act’s day, said in the confirmation', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('送达癸', 490)], receivedOn: '2026-03-02' }),
    });
    const applicant = c.applicants[0] as { id: number; name: string };
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'acceptance_notice', partyId: applicant.id, method: 'direct', servedOn: '2026-03-07' },
      '2026-03-07',
    );
    await openCase(c.id);
    await actButton('送达').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.getByRole('combobox', { name: '送达文书', exact: true }).selectOption('application_copy');
    await dlg.getByRole('combobox', { name: '受送达人', exact: true }).selectOption({ index: 2 });
    await dlg.getByRole('combobox', { name: '送达方式', exact: true }).selectOption('direct');
    await dlg.locator('[data-path="servedOn"]').fill('2026-03-06');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await ask().waitFor();
    // The server dates it (reviewer s48 M1) and says so: the periods still run from the 送达日期.
    await hasText(ask().locator('.act-date'), '送交日期：未填写，以送达日期 2026-03-06 为准');
    await hasText(ask().locator('.act-warning'), '本次送达按2026-03-07记入办理记录；自送达之日起算的期间仍按送达日期2026-03-06计算');
    await ask().getByRole('button', { name: '确认送达' }).click();
    await dlg.waitFor({ state: 'detached' });
    const e = (await events(c.id, 'SERVE')).at(-1);
    expect(e?.occurredOn).toBe('2026-03-07');
    expect(e?.payload.servedOn).toBe('2026-03-06');
  });

  it('M1 a late jurisdiction objection is said late with the defense due date and not pending; L1 only respondents are offered', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({
        applicants: [worker('异议丙', 483)],
        respondents: [employer('聊城某某逾期异议有限公司')],
        receivedOn: '2026-03-02',
      }),
    });
    const company = (c.respondents[0] as { id: number }).id;
    const served = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'application_copy', partyId: company, method: 'direct', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    const due = (served.deadlines as { kind: string; dueOn: string | null }[]).find((d) => d.kind === 'defense')?.dueOn as string;
    expect(due < '2026-03-30').toBe(true);
    await openCase(c.id);
    await actButton('提出管辖异议').click();
    const dlg = dialog();
    await dlg.waitFor();
    const who = dlg.locator('[data-path="partyId"]');
    expect(await who.locator('option').allTextContents()).toEqual(['（请选择）', '被申请人：聊城某某逾期异议有限公司']);
    await dlg.locator('[data-path="occurredOn"]').fill('2026-03-30');
    await who.selectOption({ label: '被申请人：聊城某某逾期异议有限公司' });
    await dlg.locator('[data-path="grounds"]').fill('劳动合同履行地在济南市');
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await ask().waitFor();
    const said = (await ask().textContent()) ?? '';
    expect(said).toContain(`答辩期已于 ${due} 届满`);
    expect(said).toContain('逾期提出');
    expect(said).toContain('不影响仲裁程序的进行');
    expect(said).not.toContain('异议不成立的，书面决定驳回');
    await ask().getByRole('button', { name: '确认提出管辖异议' }).click();
    await dlg.waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'RAISE_JURISDICTION_OBJECTION');
    expect(e?.occurredOn).toBe('2026-03-30');
    await hasText(page.locator('#sec-proc'), '（逾期提出）：劳动合同履行地在济南市；答辩期满后提出，不影响案件审理');
    expect((await page.locator('#sec-proc').textContent()) ?? '').not.toContain('尚未决定');
  });

  it('M2 a rejected application is named by its 不字 number on its page and in the statistics drill-down', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('不受理丁', 484)], receivedOn: '2026-03-02' }));
    const r = await ok(c, a.tokens.clerk, 'REJECT', { reason: '不属于劳动争议受案范围', ground: 'scope' }, '2026-03-05');
    const no = (r.proceedings as { rejection?: { documentNo?: string | null } }).rejection?.documentNo as string;
    expect(no).toBeTruthy();
    await openCase(c.id);
    await hasText(page.locator('.case-head h1'), no);
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/stats?from=2026-01-01&to=2026-12-31`);
    await page.getByRole('button', { name: /^不予受理 \d+ 件，查看案件/ }).click();
    const row = page.locator('tbody tr').filter({ has: page.locator(`a[href="#/cases/${c.id}"]`) });
    await hasText(row.locator('td').first(), no);
  });

  it('M3 the analyst’s case page asks for no documents: no refused request, no console error', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('分析戊', 485)], receivedOn: '2026-03-02' }),
    });
    await signIn(page, base, 'analyst');
    const asked: string[] = [];
    const onRequest = (q: { url(): string }) => {
      if (/\/documents(\?|$)/.test(q.url())) asked.push(q.url());
    };
    page.on('request', onRequest);
    const errors = consoleErrors();
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-proc').waitFor();
    await page.waitForTimeout(500);
    page.off('request', onRequest);
    expect(asked).toEqual([]);
    expect(errors.filter((m) => /403|Forbidden/.test(m))).toEqual([]);
  });

  it('L2 作出回避决定 names the recused arbitrator and the replacement by name only', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker('回避己', 486)], receivedOn: '2026-03-02' }),
    });
    const staff = (await t.api(a.tokens.chair).get('/api/staff?role=arbitrator&pageSize=200')).body.items as {
      id: number;
      displayName: string;
    }[];
    const nameOf = (id: number) => staff.find((s) => s.id === id)?.displayName as string;
    const [first, second] = a.arbitrators as { id: number }[];
    await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      {
        partyId: (c.applicants[0] as { id: number }).id,
        target: { kind: 'arbitrator', userId: first?.id },
        ground: 'interest',
        reason: '该仲裁员系被申请人股东',
      },
      '2026-03-06',
    );
    await openCase(c.id, 'chair');
    await actButton('作出回避决定').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.locator('[data-path="occurredOn"]').fill('2026-03-07');
    await dlg.locator('[data-path="result"]').selectOption('granted');
    await dlg.locator('[data-path="decidedBy"]').selectOption('chair');
    await dlg.locator('[data-path="replacementId"]').selectOption(String(second?.id));
    await dlg.getByRole('button', { name: '作出回避决定…', exact: true }).click();
    await ask().waitFor();
    const said = (await ask().textContent()) ?? '';
    expect(said).toContain(`被申请回避的仲裁员：${nameOf(first?.id as number)}`);
    expect(said).toContain(`替换的仲裁员（决定仲裁员回避时）：${nameOf(second?.id as number)}`);
    expect(said).not.toContain('在办');
    await ask().getByRole('button', { name: '返回修改' }).click();
  });

  it('L3 按撤回仲裁申请处理 names its ground: the applicant absent from the hearing of its day', async () => {
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled', {
      body: standardApplication({ applicants: [worker('缺席庚', 487)], receivedOn: '2026-03-02' }),
    });
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'hearing_notice', partyId: (c.applicants[0] as { id: number }).id, method: 'direct', servedOn: '2026-03-10' },
      '2026-03-10',
    );
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: false, respondentPresent: true }, '2026-03-25');
    await openCase(c.id, 'arb-li');
    await actButton('按撤回仲裁申请处理').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.locator('[data-path="occurredOn"]').fill('2026-03-26');
    await dlg.getByRole('button', { name: '按撤回仲裁申请处理…' }).click();
    await ask().waitFor();
    await hasText(ask(), '按撤回仲裁申请处理的事由：申请人未到庭（2026-03-25 开庭）');
    await hasText(ask(), '第三十六条第一款');
    await ask().getByRole('button', { name: '返回修改' }).click();
  });

  it('L3 作出裁决 after the respondent was absent or left early says it is a default award (LDMAL Art. 36(2))', () => {
    const c = (held: Record<string, unknown>) => ({
      track: 'arbitration',
      proceedings: { hearingsHeld: [{ heldOn: '2026-03-25', ...held }] },
    });
    expect(consequenceOf('ISSUE_AWARD', c({ applicantPresent: true, respondentPresent: false }), {})).toContain(
      '本裁决为缺席裁决：被申请人未到庭（2026-03-25 开庭）',
    );
    expect(consequenceOf('ISSUE_AWARD', c({ applicantPresent: true, respondentPresent: true, respondentLeftEarly: true }), {})).toContain(
      '被申请人到庭后未经仲裁庭同意中途退庭',
    );
    expect(consequenceOf('ISSUE_AWARD', c({ applicantPresent: true, respondentPresent: true }), {})).not.toContain('缺席裁决：');
    // M1's rule as a function: late only after the objector's own (or the respondents') defense period.
    const d = { deadlines: [{ kind: 'defense', dueOn: '2026-03-20' }] };
    expect(lateObjection(d, { occurredOn: '2026-03-21' })).toBe('2026-03-20');
    expect(lateObjection(d, { occurredOn: '2026-03-20' })).toBeNull();
  });

  it('L5 延长审理期限 within the time limit sends no probe at opening and logs no console error', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker('延期辛', 488)], receivedOn: '2026-03-02' }),
    });
    await signIn(page, base, 'chair');
    const previews: string[] = [];
    const onRequest = (q: { url(): string }) => {
      if (q.url().includes('/event-preview')) previews.push(q.url());
    };
    page.on('request', onRequest);
    const errors = consoleErrors();
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-proc').waitFor();
    await actButton('延长审理期限').click();
    const dlg = dialog();
    await dlg.waitFor();
    await page.waitForTimeout(600);
    page.off('request', onRequest);
    expect(previews).toEqual([]);
    expect(errors.filter((m) => /422|Failed to load/.test(m))).toEqual([]);
    await dlg.getByRole('button', { name: '取消' }).click();
  });

  it('L6 送达 offers no 决定书 before one is made; a document not generated is marked', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('文书壬', 489)], receivedOn: '2026-03-02' }),
    });
    await openCase(c.id);
    await actButton('送达').click();
    const dlg = dialog();
    await dlg.waitFor();
    const docs = await dlg.getByRole('combobox', { name: '送达文书', exact: true }).locator('option').allTextContents();
    expect(docs).not.toContain('决定书');
    expect(docs.some((x) => x.startsWith('决定书'))).toBe(false);
    expect(docs.some((x) => /受理通知书（本案尚未生成）/.test(x))).toBe(true);
    await dlg.getByRole('button', { name: '取消' }).click();
  });
});
