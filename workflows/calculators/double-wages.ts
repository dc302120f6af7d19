import { addDays, addMonths, daysBetween } from '../dates.ts';
import { type Calculation, CalculatorInputError, dateText, Fraction, LCL, LCL_REG, type Step, yuanText } from './common.ts';
import { type Readings, readingUsed } from './readings.ts';

export interface DoubleWagesInput {
  /** 用工之日: the first day of work. */
  startOn: string;
  /** The day a written contract was signed, if one was (the double wages run to the day before). */
  contractSignedOn?: string | null;
  /** The last day of employment, if it has ended. */
  endOn?: string | null;
  /** The monthly wage for every month of the period, or one per month of the period in order (the first, the second…). */
  monthlyWageFen?: number;
  monthlyWagesFen?: number[];
  /** The day the application was filed (for the limitation figures). */
  filedOn?: string | null;
  /**
   * The respondent raised the limitation defense. Limitation is decided on the respondent's defense, never on the
   * commission's own motion (domain.md §1.4), so without it the suggestion is the whole amount and the working only
   * shows what a limitation defense would exclude.
   */
  limitationRaised?: boolean;
}

interface Segment {
  from: string;
  to: string;
  /** Days of this month of the period that count / the days of the whole month. */
  days: number;
  ofDays: number;
  wageFen: number;
  amount: Fraction;
  /** The last day of the limitation year for this month under the reading; null: not time-barred (no date). */
  expiresOn: string | null;
}

/**
 * 未订立书面劳动合同的二倍工资差额 (LCL Art. 82(1); Reg Arts. 6–7): for each month from the day after the first month of
 * employment (满一个月的次日) until a written contract is signed, employment ends, or the first year is complete
 * (满一年的前一日; after that an open-ended contract is deemed concluded, Reg Art. 7) — at most 11 months — one more
 * month's wage on top of the wage paid. A part of a month is paid by the calendar days it covers. The difference is
 * not labor remuneration, so the one-year limitation runs (LDMAL Art. 27(1); Art. 27(4) does not exempt it); when it
 * starts is read as `doubleWagesLimitation`.
 */
export function doubleWages(input: DoubleWagesInput, readings: Readings): Calculation {
  const { startOn } = input;
  if (input.contractSignedOn && input.contractSignedOn < startOn)
    throw new CalculatorInputError('contractSignedOn', '订立书面劳动合同之日早于用工之日的，不产生二倍工资（劳动合同法第十条）');
  if (input.endOn && input.endOn < startOn) throw new CalculatorInputError('endOn', '劳动关系终止之日不能早于用工之日');
  if (input.monthlyWageFen === undefined && !input.monthlyWagesFen?.length)
    throw new CalculatorInputError('monthlyWage', '须提供月工资，或期间内各月工资');

  const steps: Step[] = [];
  const warnings: string[] = [];
  // Reg Art. 7: 自用工之日起满一个月的次日至满一年的前一日 — the 11 months between the first monthly and the first yearly anniversary.
  const periodFrom = addMonths(startOn, 1);
  const lastDay = addDays(addMonths(startOn, 12), readings.doubleWagesLastDay === 'literal' ? -2 : -1);
  const ends: { on: string; why: string }[] = [{ on: lastDay, why: '用工满一年，此后视为已订立无固定期限劳动合同' }];
  if (input.contractSignedOn)
    ends.push({ on: addDays(input.contractSignedOn, -1), why: `${dateText(input.contractSignedOn)}订立书面劳动合同` });
  if (input.endOn) ends.push({ on: input.endOn, why: `${dateText(input.endOn)}劳动关系终止` });
  const end = ends.reduce((a, b) => (b.on < a.on ? b : a));
  steps.push({ label: '用工之日', value: dateText(startOn), basis: `${LCL}第十条` });
  if (end.on < periodFrom) {
    steps.push({ label: '应支付二倍工资的期间', value: `无：${end.why}，在用工满一个月之前` });
    return result(
      0,
      steps,
      warnings,
      readings,
      [],
      '申请人自用工之日起一个月内已订立书面劳动合同或劳动关系已终止，不产生二倍工资差额。',
      {},
    );
  }
  steps.push({
    label: '应支付二倍工资的期间',
    value: `${dateText(periodFrom)}（用工满一个月的次日）至${dateText(end.on)}（${end.why}）`,
    basis: `${LCL}第八十二条第一款；${LCL_REG}第六条、第七条`,
  });

  const segments: Segment[] = [];
  for (let i = 0; i < 11; i++) {
    const from = addMonths(startOn, 1 + i);
    if (from > end.on) break;
    const monthEnd = addDays(addMonths(startOn, 2 + i), -1);
    const to = [monthEnd, end.on].sort()[0] as string;
    const ofDays = daysBetween(from, monthEnd) + 1;
    const days = daysBetween(from, to) + 1;
    const wageFen = input.monthlyWagesFen?.[i] ?? input.monthlyWageFen;
    if (wageFen === undefined) throw new CalculatorInputError(`monthlyWages.${i}`, `缺少第${i + 1}个月（${dateText(from)}起）的工资`);
    segments.push({ from, to, days, ofDays, wageFen, amount: new Fraction(wageFen).mul(days).div(ofDays), expiresOn: null });
  }
  for (const s of segments) {
    steps.push({
      label: `${dateText(s.from)}至${dateText(s.to)}`,
      value: s.days === s.ofDays ? yuanText(s.wageFen) : `${yuanText(s.wageFen)} × ${s.days}/${s.ofDays}天 = ${yuanText(s.amount.round())}`,
    });
  }
  const whole = segments.filter((s) => s.days === s.ofDays).length;
  const total = segments.reduce((a, s) => a.add(s.amount), new Fraction(0));
  const totalFen = total.round();
  steps.push({
    label: '二倍工资差额（另一倍工资）',
    value: `${whole}个整月${segments.length > whole ? '及不足一月的部分按日历天数折算' : ''}，合计${yuanText(totalFen)}`,
  });

  // Limitation (LDMAL Art. 27(1)): one year from the day the right was known to be infringed (year rule, CivCode Art. 202).
  const expiry = (knew: string) => addMonths(knew, 12);
  const reading = readings.doubleWagesLimitation;
  if (reading === 'month_by_month') for (const s of segments) s.expiresOn = expiry(s.to);
  else if (reading === 'whole_period') for (const s of segments) s.expiresOn = expiry(end.on);
  else if (input.endOn) for (const s of segments) s.expiresOn = expiry(input.endOn);
  let barred = new Fraction(0);
  const figures: Record<string, number> = { total: totalFen };
  if (input.filedOn) {
    const barredSegments = segments.filter((s) => s.expiresOn !== null && input.filedOn && input.filedOn > s.expiresOn);
    barred = barredSegments.reduce((a, s) => a.add(s.amount), new Fraction(0));
    figures.timeBarred = barred.round();
    figures.withinLimitation = total.sub(barred).round();
    const limitationText =
      reading === 'employment_end' && !input.endOn
        ? '劳动关系尚未终止，时效尚未起算'
        : barredSegments.length
          ? `${dateText(input.filedOn)}申请仲裁时，${barredSegments.length}个月的部分已超过一年时效，计${yuanText(barred.round())}`
          : `${dateText(input.filedOn)}申请仲裁，未超过一年时效`;
    steps.push({
      label: '仲裁时效（劳动争议调解仲裁法第二十七条第一款）',
      value: limitationText,
      basis: '《中华人民共和国劳动争议调解仲裁法》第二十七条',
    });
    if (barredSegments.length && !input.limitationRaised)
      warnings.push(
        `被申请人如提出时效抗辩，超过时效的部分${yuanText(barred.round())}可能不予支持；时效由被申请人抗辩、仲裁庭审查，不主动适用（本计算未扣除）`,
      );
  } else {
    warnings.push('未提供申请仲裁之日，未计算仲裁时效');
  }
  const amount = input.limitationRaised ? total.sub(barred).round() : totalFen;
  if (input.limitationRaised && barred.cmp(new Fraction(0)) > 0)
    steps.push({
      label: '扣除超过时效的部分（被申请人提出时效抗辩）',
      value: `${yuanText(totalFen)} − ${yuanText(barred.round())} = ${yuanText(amount)}`,
    });
  warnings.push('用人单位违法不与劳动者订立无固定期限劳动合同的二倍工资（第八十二条第二款）不在本计算之内');
  const text =
    `申请人于${dateText(startOn)}入职，被申请人未与其订立书面劳动合同，依《中华人民共和国劳动合同法》第八十二条第一款及《中华人民共和国劳动合同法实施条例》第六条、第七条，` +
    `被申请人应向申请人支付${dateText(periodFrom)}至${dateText(end.on)}期间的二倍工资差额，计${yuanText(totalFen)}` +
    (input.limitationRaised && barred.cmp(new Fraction(0)) > 0
      ? `，其中${yuanText(barred.round())}已超过仲裁时效，予以扣除，应支付${yuanText(amount)}`
      : '') +
    '。';
  return result(amount, steps, warnings, readings, segments, text, figures);
}

function result(
  amountFen: number,
  steps: Step[],
  warnings: string[],
  readings: Readings,
  _segments: Segment[],
  text: string,
  figures: Record<string, number>,
): Calculation {
  return {
    kind: 'double_wages',
    amountFen,
    steps,
    basis: [`${LCL}第八十二条`, `${LCL_REG}第六条`, `${LCL_REG}第七条`, '《中华人民共和国劳动争议调解仲裁法》第二十七条'],
    readings: [readingUsed('doubleWagesLastDay', readings), readingUsed('doubleWagesLimitation', readings)],
    warnings,
    text,
    figures,
  };
}
