/**
 * The days of the demo seed's acts for an application received on `receivedOn` — computed on the commission's
 * calendar so that the seed runs on any day of the year (docs49 L3: fixed offsets put a hearing noticed on 09-23 on
 * 10-06, five calendar but not five working days later across 国庆, and the absent party's default was refused).
 *
 * - acceptance on the 2nd working day after receipt (LDMAL Art. 29: within 5 days);
 * - the copy served on the respondent 2 working days after acceptance (LDMAL Art. 30: within 5 days);
 * - then a working day apart each, in this order (a case's events are dated in order): the tribunal formed, its
 *   composition notified (LDMAL Art. 32), the hearing scheduled, its notice served; the hearing itself on a working day no earlier than 21 days after receipt and leaving the whole hearing-notice period (LDMAL Art. 35;
 *   Rules Art. 38: at least 5 days, working days by Rules Art. 80 [R], configurable) after the notice;
 * - the award 10 days after the hearing, on a working day.
 *
 * fixD59 #3 (docs59): no act on a rest day — the application is received on a working day (`demoReceivedOn`), a
 * 不予受理 on the 2nd working day after receipt (LDMAL Art. 29: within 5 days; it was dated 10-01, 国庆节, for 09-28),
 * a mediation-track agreement on the first working day from the 6th day after receipt.
 */
import type { OfficialCalendar } from '../workflows/calendar.ts';
import { addDays } from '../workflows/dates.ts';
import { firstDayAfterPeriod, workingDayFrom } from '../workflows/deadlines.ts';
import type { Periods } from '../workflows/periods.ts';

export interface DemoDates {
  acceptOn: string;
  respondNoticeOn: string;
  tribunalOn: string;
  tribunalNoticeOn: string;
  scheduleOn: string;
  hearingNoticeOn: string;
  hearingOn: string;
  signOn: string;
  awardOn: string;
  rejectOn: string;
  agreedOn: string;
}

/** The working day on or after `day` the demo application is received on (a year not loaded: provisional). */
export function demoReceivedOn(calendar: OfficialCalendar, day: string): string {
  return workingDayFrom(calendar.provisionalView(), day);
}

export function demoDates(calendar: OfficialCalendar, periods: Periods, receivedOn: string): DemoDates {
  const cal = calendar.provisionalView(); // a year not loaded: its weekends and law-fixed holidays
  const after = (d: string, n: number) => cal.addWorkingDays(d, n).dueOn;
  const acceptOn = after(receivedOn, 2);
  const respondNoticeOn = after(acceptOn, 2);
  const tribunalOn = after(respondNoticeOn, 1);
  const tribunalNoticeOn = after(tribunalOn, 1);
  const scheduleOn = after(tribunalNoticeOn, 1);
  const hearingNoticeOn = after(scheduleOn, 1);
  const earliest = firstDayAfterPeriod(cal, periods.hearing_notice, hearingNoticeOn);
  const wanted = addDays(receivedOn, 21);
  // The later of the two ISO days (they sort as text).
  const hearingOn = workingDayFrom(cal, [earliest, wanted].sort()[1] as string);
  const signOn = after(hearingOn, 2);
  const awardOn = workingDayFrom(cal, addDays(hearingOn, 10));
  const rejectOn = after(receivedOn, 2);
  const agreedOn = workingDayFrom(cal, addDays(receivedOn, 6));
  return {
    acceptOn,
    respondNoticeOn,
    tribunalOn,
    tribunalNoticeOn,
    scheduleOn,
    hearingNoticeOn,
    hearingOn,
    signOn,
    awardOn,
    rejectOn,
    agreedOn,
  };
}
