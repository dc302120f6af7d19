import { createRequire } from 'node:module';
import type { CalendarYear } from './calendar.ts';

/**
 * Official holiday data from the `chinese-days` package (State Council schedules 2004–2026), as
 * CalendarYear rows. The package treats years it has no data for as ordinary years; here only the years
 * present in its data are returned, so a missing year stays missing.
 */
const NOTICE_URLS: Record<number, string> = {
  2025: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
  2026: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
};

/** "Mid-autumn Festival,中秋,1" → 中秋节 (the package's short names, written as on official notices). */
function festival(label: string): string {
  const name = label.split(',')[1] ?? label;
  return ['中秋', '清明', '端午'].includes(name) ? `${name}节` : name;
}

export function packagedCalendarYears(): CalendarYear[] {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  const byYear = new Map<number, CalendarYear>();
  const year = (d: string) => {
    const y = Number(d.slice(0, 4));
    let row = byYear.get(y);
    if (!row) {
      row = {
        year: y,
        offDays: [],
        workDays: [],
        notice: `国务院办公厅关于${y}年部分节假日安排的通知${NOTICE_URLS[y] ? ` ${NOTICE_URLS[y]}` : ''}（数据来源：chinese-days）`,
        names: {},
      };
      byYear.set(y, row);
    }
    return row;
  };
  for (const [d, label] of Object.entries(data.holidays)) {
    const row = year(d);
    row.offDays.push(d);
    (row.names as Record<string, string>)[d] = festival(label);
  }
  for (const [d, label] of Object.entries(data.workdays)) {
    const row = year(d);
    row.workDays.push(d);
    (row.names as Record<string, string>)[d] = `${festival(label)}调休上班`;
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
