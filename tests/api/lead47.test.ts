import { describe, expect, it } from 'vitest';
import { LAW_OFF_DAYS } from '../helpers/calendar-years.ts';
import { apiSuite, caseAt } from '../helpers/case-fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z' });

describe(`lead47 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('legal47b L3: a receipt in the future is named with a field the schema refused, in one answer', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        receivedOn: '2026-12-09',
        postmarkOn: '2026-12-10',
        claims: [{ category: 'wages', amount: '12000.001', description: '工资' }],
      }),
    );
    expect(r.status).toBe(400);
    const paths = r.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['claims.0.amount', 'postmarkOn', 'receivedOn']);
    expect(r.body.errors.find((e: { path: string }) => e.path === 'receivedOn').message).toContain('收件日期不能晚于今天（2026-12-05）');
    // Alone, the date is still named (the schema passes, the use case's check answers).
    const alone = await t.api(a.tokens.clerk).post('/api/cases', standardApplication({ receivedOn: '2026-12-09' }));
    expect(alone.status).toBe(400);
    expect(alone.body.errors.map((e: { path: string }) => e.path)).toEqual(['receivedOn']);
  });
});

describe(`event bodies (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('sec47 L3 in events too: a number past two bounds is told once, with the tighter bound', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const r = await t
      .api(a.tokens.chair)
      .post(`/api/cases/${c.id}/events`, { type: 'EXTEND_TIME_LIMIT', occurredOn: '2026-03-05', days: 1e308 });
    expect(r.status).toBe(400);
    const about = r.body.errors.filter((e: { path: string }) => e.path === 'days');
    expect(about).toHaveLength(1);
    expect(about[0].message).toContain('365');
  });
});

describe(`calendar years (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('rev47 M1: a year without a 中秋 day off is refused — 国庆 1–3 October do not stand for it', async () => {
    const admin = t.api(t.adminToken);
    const without = await admin.put('/api/calendar/years/2027', {
      notice: '测试',
      offDays: (LAW_OFF_DAYS[2027] as string[]).filter((d) => d !== '2027-09-15'),
      workDays: [],
    });
    expect(without.status).toBe(400);
    expect(without.body.errors[0].path).toBe('offDays');
    expect(without.body.errors[0].message).toContain('没有中秋节的放假日');
    // 中秋 on 3 October 2028: the break runs to 4 October, which is its day off.
    const merged = await admin.put('/api/calendar/years/2028', { notice: '测试', offDays: LAW_OFF_DAYS[2028], workDays: [] });
    expect(merged.status, JSON.stringify(merged.body)).toBe(202);
  });

  it('legal55b L2: a year loaded again is audited with the arrangement it replaced (before) and the new one (after)', async () => {
    const admin = t.api(t.adminToken);
    const first = await admin.put('/api/calendar/years/2028', { notice: '测试一', offDays: LAW_OFF_DAYS[2028], workDays: [] });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const again = await admin.put('/api/calendar/years/2028', { notice: '测试二（更正）', offDays: LAW_OFF_DAYS[2028], workDays: [] });
    expect(again.status, JSON.stringify(again.body)).toBe(202);
    const log = await admin.get('/api/audit-log?entity=calendar_years');
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    const of2028 = log.body.items.filter((x: { entityKey?: string; key?: string }) => (x.entityKey ?? x.key) === '2028');
    // Newest first: the correction names what it replaced.
    expect(of2028[0].before).toMatchObject({ year: 2028, notice: '测试一' });
    expect(of2028[0].after).toMatchObject({ year: 2028, notice: '测试二（更正）' });
    expect(of2028.at(-1).before ?? null).toBeNull();
  });
});

describe('security headers computed once', () => {
  it('every response but /docs carries exactly the headers helmet sets, X-Powered-By removed', async () => {
    const { helmetWith, securityHeaders } = await import('../../server/app.ts');
    const express = (await import('express')).default;
    const request = (await import('supertest')).default;
    const viaHelmet = express().use(helmetWith(), (_req: unknown, res: { json: (b: unknown) => void }) => res.json({}));
    const ours = express().use(securityHeaders(), (_req: unknown, res: { json: (b: unknown) => void }) => res.json({}));
    const strip = (h: Record<string, string>) => {
      const { date: _d, etag: _e, ...rest } = h;
      return rest;
    };
    const [x, y] = [await request(viaHelmet).get('/'), await request(ours).get('/')];
    expect(strip(y.headers)).toEqual(strip(x.headers));
    expect(y.headers['x-powered-by']).toBeUndefined();
    // The app itself: the same set on an API answer.
    const r = await t.api(a.tokens.clerk).get('/api/auth/me');
    for (const [k, v] of Object.entries(strip(x.headers)))
      if (!['content-type', 'content-length', 'connection', 'keep-alive'].includes(k)) expect(r.headers[k], k).toBe(v);
  });
});
