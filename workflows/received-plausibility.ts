import { addDays } from './dates.ts';
import type { Violation } from './rules.ts';

/**
 * Is the received date (收件日期) of an application plausible? An outside check (sec51 M1) registered a case received
 * "2019-11-20" (a mistyped year) and accepted it on 2019-11-22: no word at either step, the case took 〔2019〕第1号 in a
 * closed year, its acceptance notice carried that number and the 2019 statistics changed. The law asks acceptance
 * within 5 days of receipt (LDMAL Art. 29) and an application within one year of the limitation's start (LDMAL
 * Art. 27), so a receipt more than `staleDays` (RECEIVED_ON_STALE_DAYS, default 365) before today, China time, is
 * almost always a typing error — but not always (a registration entered late, a case transferred in): warned of, at
 * registration and at ACCEPT, never refused.
 */
export function staleReceivedWarnings(receivedOn: string, today: string, staleDays: number): string[] {
  if (staleDays <= 0 || receivedOn >= addDays(today, -staleDays)) return [];
  return [
    `收件日期（${receivedOn}）距今天（${today}）已超过${staleDays}日：请核对年份是否填错。仲裁委员会应当自收到申请之日起五日内决定是否受理（《劳动争议调解仲裁法》第二十九条），申请仲裁的时效期间为一年（第二十七条）`,
  ];
}

/**
 * The case number's year is the ACCEPT's year (api.md; Rules Art. 30 受理): an ACCEPT dated in a year before today's
 * (China time) numbers the case in a closed year — its serial restarts after that year's last case and that year's
 * statistics change — so it needs the clerk's explicit `earlierYear: true` (422 `accept-earlier-year` naming the field
 * otherwise), as `notSameMatter` is asked for at an acceptance an earlier case bars (Rules Art. 34). An ACCEPT entered
 * early in January for a decision made late in December is the usual honest case. Off with
 * EARLIER_YEAR_ACCEPT_CONFIRMATION=false (app/config.ts). Null when nothing is to confirm. The detail names the box as the
 * web client labels it (web/pages/act.js earlierYearField; ui52 M3), the field's code only in `field`.
 */
export function earlierYearAcceptRefusal(occurredOn: string, today: string, payload: { earlierYear?: unknown }): Violation | null {
  if (payload.earlierYear === true) return null;
  const year = occurredOn.slice(0, 4);
  const current = today.slice(0, 4);
  if (year >= current) return null;
  return {
    rule: 'accept-earlier-year',
    source: 'LDMAL Art. 29; Rules Art. 30',
    detail: `受理日期（${occurredOn}）在${year}年，案件将编为${year}年度的案号（该年度序号续编，该年度统计随之变化），而今天是${current}年：请核对受理日期；确为${year}年作出的受理决定的，请勾选“往年作出的受理决定：确认按该年度编号”后受理`,
    field: 'earlierYear',
  };
}

/**
 * legal52b L1: `earlierYear: true` on an ACCEPT dated in today's year (or later) confirms nothing — the case is numbered
 * in the current year as any other. Recorded (the clerk meant no harm, and the number is right), with a warning that
 * the confirmation was not needed, so that a wrong acceptance date (a year typed ahead of a December decision) is
 * checked. Rules Art. 30 (受理); api.md: the case number's year is the ACCEPT's.
 */
export function needlessEarlierYearWarnings(occurredOn: string, today: string, payload: { earlierYear?: unknown }): string[] {
  if (payload.earlierYear !== true || occurredOn.slice(0, 4) < today.slice(0, 4)) return [];
  const year = occurredOn.slice(0, 4);
  return [
    `受理日期（${occurredOn}）在${year}年，不早于今年（${today.slice(0, 4)}年），无需勾选“往年作出的受理决定：确认按该年度编号”：案件按${year}年度编号；请核对受理日期是否填错`,
  ];
}
