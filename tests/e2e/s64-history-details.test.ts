import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, hasText, signIn } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * s64 (a new user's walk, #6) — the 办理记录 says what a procedural act decided, not only its name, in real Chromium:
 * the hearing's day, time and place; a suspension's ground as Rules Art. 47 words it, its reason and the day it was
 * decided (entered late); the resumption's day; who was added and as what; a postponement's new day and reason.
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite(
  (s) => {
    ({ t, a, base, page } = s);
  },
  { now: '2026-03-20T02:00:00Z' },
);
const { ok } = caseEvents(() => t);
const historyItem = (label: string) => page.locator('#sec-history li').filter({ hasText: label });

describe('s64 办理记录: what each act decided (Chromium)', () => {
  it('排期开庭, 追加当事人, 中止审理 (补录), 恢复审理, 延期开庭 each carry their details', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ applicants: [worker('记录详情', 644)] }) });
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-17', time: '09:30', place: '第一仲裁庭' }, '2026-03-09');
    await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      {
        side: 'respondent',
        ground: 'co_respondent',
        party: { ...employer('聊城市人和劳务派遣有限公司'), creditCode: creditCode('91371500MA3C7K2L5') },
        reason: '劳务派遣单位',
      },
      '2026-03-10',
    );
    await ok(c, a.tokens.chair, 'SUSPEND', { ground: 'appraisal', reason: '等待工伤认定结论', decidedOn: '2026-03-11' }, '2026-03-12');
    await ok(c, a.tokens.chair, 'RESUME', { decidedOn: '2026-03-13' }, '2026-03-13');
    await ok(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-03-27', requestedBy: 'tribunal', reason: '仲裁员另有公务', place: '第二仲裁庭' },
      '2026-03-16',
    );
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-history').waitFor();
    await hasText(historyItem('排期开庭').locator('.act-detail'), '开庭日期 2026-03-17 09:30；地点：第一仲裁庭');
    await hasText(historyItem('追加当事人').locator('.act-detail'), '追加被申请人：聊城市人和劳务派遣有限公司；理由：劳务派遣单位');
    await hasText(
      historyItem('中止审理').locator('.act-detail'),
      '2026-03-11决定中止；事由：（六）案件处理需要等待工伤认定、伤残等级鉴定以及其他鉴定结论的；理由：等待工伤认定结论',
    );
    await hasText(historyItem('延期开庭').locator('.act-detail'), '改期于 2026-03-27；地点：第二仲裁庭；仲裁庭决定；理由：仲裁员另有公务');
  });
});
