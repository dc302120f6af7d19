/**
 * Where the law leaves the computation open, the calculators apply a named reading. Each reading has a default here,
 * which a commission changes with CALCULATOR_READINGS (JSON, app/config.ts) and a request may override; the working
 * always states the reading it applied. README "Labor-law calculators" lists them with the sources.
 */
export const READINGS = {
  /**
   * LCL Art. 97(3): service before 2008-01-01 is compensated "按照当时有关规定". Whether the 3× average-wage cap of
   * LCL Art. 47(2) (which the old rules did not have) also limits the wage used for that part is not settled.
   */
  pre2008WageCap: {
    label: '2008年以前工作年限部分是否适用三倍封顶',
    options: {
      old_rules: '按当时规定（不适用劳动合同法第四十七条第二款的三倍封顶）',
      lcl_cap: '月工资同样以三倍封顶',
    },
    default: 'old_rules',
  },
  /**
   * LCL Art. 47(2) caps at 3× the "本地区上年度职工月平均工资" published by the city. Which figure applies before the
   * previous year's is published: the previous calendar year's (wait for it), or the latest one published by then.
   */
  averageWageYear: {
    label: '“上年度职工月平均工资”取哪一年',
    options: {
      previous_year: '解除或终止之日的上一年度',
      latest_published: '解除或终止之日已公布的最近一个年度',
    },
    default: 'previous_year',
  },
  /**
   * When the one-year limitation (LDMAL Art. 27(1)) of the double-wage difference starts: practice differs between
   * courts (the difference is not remuneration, so Art. 27(4) does not exempt it).
   */
  doubleWagesLimitation: {
    label: '二倍工资差额仲裁时效的起算',
    options: {
      whole_period: '自未订立书面劳动合同的状态结束之次日起算一年（整体计算）',
      month_by_month: '逐月分别起算一年',
      employment_end: '自劳动关系终止之次日起算一年',
    },
    default: 'whole_period',
  },
  /**
   * Reg Art. 7 ends the double wages on "满一年的前一日". Read literally (the first day of work counted, the year is
   * complete at the end of the day before the anniversary) the period is one day short of 11 months; practice
   * generally awards 11 whole months (the period running to the day before the anniversary).
   */
  doubleWagesLastDay: {
    label: '二倍工资期间的末日',
    options: {
      eleven_months: '至用工一周年的前一日（整11个月）',
      literal: '至用工满一年之日的前一日（按字面，比11个月少一日，末月按日折算）',
    },
    default: 'eleven_months',
  },
  /** Overtime: whether the hourly wage (月工资 ÷ 21.75 ÷ 8) is rounded to the fen before multiplying. */
  hourlyWageRounding: {
    label: '小时工资是否先取整到分',
    options: { exact: '不取整，按精确值计算，结果取整到分', fen: '小时工资先四舍五入到分' },
    default: 'exact',
  },
  /**
   * Measures on Paid Annual Leave Art. 10: 300% of the daily wage for each unused day, of which the normal wage paid for
   * the working day is part — so 200% is still owed; where the normal wage for those days was not paid, 300%.
   */
  annualLeaveRate: {
    label: '未休年休假工资报酬的倍数',
    options: { extra_200: '另付200%（300%中已含正常工作期间工资）', full_300: '300%（正常工作期间工资亦未支付）' },
    default: 'extra_200',
  },
} as const;

export type ReadingKey = keyof typeof READINGS;
export type Readings = { [K in ReadingKey]: keyof (typeof READINGS)[K]['options'] };

export const DEFAULT_READINGS: Readings = Object.fromEntries(Object.entries(READINGS).map(([k, r]) => [k, r.default])) as Readings;

/** Defaults overridden by a partial set; unknown keys or values are an error (configuration is checked at start). */
export function resolveReadings(override: Record<string, unknown> | undefined, base: Readings = DEFAULT_READINGS): Readings {
  const out = { ...base } as Record<string, string>;
  for (const [k, v] of Object.entries(override ?? {})) {
    // Own keys only: `toString` or `__proto__` is no reading, and no option either.
    const r = Object.hasOwn(READINGS, k) ? (READINGS as Record<string, { options: Record<string, string> }>)[k] : undefined;
    if (!r) throw new Error(`unknown calculator reading "${k}" (known: ${Object.keys(READINGS).join(', ')})`);
    if (typeof v !== 'string' || !Object.hasOwn(r.options, v))
      throw new Error(`reading ${k} must be one of ${Object.keys(r.options).join(', ')}, got ${JSON.stringify(v)}`);
    out[k] = v;
  }
  return out as Readings;
}

export function readingUsed<K extends ReadingKey>(key: K, readings: Readings) {
  const r = READINGS[key];
  const value = readings[key] as string;
  return { key, value, label: `${r.label}：${(r.options as Record<string, string>)[value]}`, options: { ...r.options } };
}
