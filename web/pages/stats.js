// The statistics dashboard: the closure rate and its companions for a period, the breakdowns, charts, the
// drill-down to the cases behind every number (with the arbitrator, exportable) and the periodic report's exports.
import {
  addDays,
  api,
  caseName,
  closureLabel,
  csvBlob,
  download,
  errorPanel,
  field,
  fill,
  h,
  input,
  pct,
  saveBlob,
  setTitle,
  state,
  stateBadge,
  today,
} from '../core.js';
import { LABELS } from '../forms.js';

const V = () => state.vocab;
const card = (label, n, cls, onclick, sub) =>
  h(
    `div.card${cls ? `.${cls}` : ''}`,
    onclick ? h('button.n', { type: 'button', onclick, 'aria-label': `${label}：${n}，查看案件` }, n) : h('div.n', n),
    h('div.l', label),
    sub ? h('div.small.muted', sub) : null,
  );

export async function statsPage(params, mount) {
  setTitle('统计分析');
  const q = new URLSearchParams(params);
  const year = Number(today().slice(0, 4));
  const from = q.get('from') ?? `${year}-01-01`;
  const to = q.get('to') ?? `${year}-12-31`;
  const asOf = q.get('asOf') ?? '';
  const form = h(
    'form.panel.row',
    field('起始日', 'from', input('date', { value: from, name: 'from' })),
    field('截止日', 'to', input('date', { value: to, name: 'to' })),
    field('按某日的记录复现（选填）', 'asOf', input('date', { value: asOf, name: 'asOf', max: today() }), {
      hint: '只计入该日终了前已记录的数据，用于核对当时上报的数字',
    }),
    h(
      'div.actions',
      ['本月', '上月', '本年', '上年', '本季度', '上季度'].map((t) =>
        h('button.btn.small', { type: 'button', onclick: () => setPeriod(t) }, t),
      ),
    ),
    h('button.btn.primary', { type: 'submit' }, '统计'),
  );
  function setPeriod(t) {
    const y = Number(today().slice(0, 4));
    const qn = Math.floor((Number(today().slice(5, 7)) - 1) / 3);
    let f;
    let e;
    const m = Number(today().slice(5, 7));
    if (t === '本月' || t === '上月') {
      // This month, or the one before (a bureau's monthly figures).
      const [yy, mm] = t === '本月' ? [y, m] : m === 1 ? [y - 1, 12] : [y, m - 1];
      f = `${yy}-${String(mm).padStart(2, '0')}-01`;
      e = addDays(mm === 12 ? `${yy + 1}-01-01` : `${yy}-${String(mm + 1).padStart(2, '0')}-01`, -1);
    } else if (t === '本年') [f, e] = [`${y}-01-01`, `${y}-12-31`];
    else if (t === '上年') [f, e] = [`${y - 1}-01-01`, `${y - 1}-12-31`];
    else {
      let yy = y;
      let qq = t === '本季度' ? qn : qn - 1;
      if (qq < 0) [yy, qq] = [y - 1, 3];
      f = `${yy}-${String(qq * 3 + 1).padStart(2, '0')}-01`;
      e = addDays(`${qq === 3 ? yy + 1 : yy}-${String(qq === 3 ? 1 : qq * 3 + 4).padStart(2, '0')}-01`, -1);
    }
    location.hash = `#/stats?from=${f}&to=${e}`;
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const n = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) n.set(k, String(v));
    location.hash = `#/stats?${n}`;
  });
  const out = h('div', h('p.muted', '正在统计…'));
  mount('#/stats', h('h1', '统计分析'), form, out);
  const base = `from=${from}&to=${to}${asOf ? `&asOf=${asOf}` : ''}`;
  let r;
  try {
    r = await api('GET', `/api/stats/report?${base}&format=json`);
  } catch (err) {
    fill(
      out,
      err.status === 400
        ? h('div.alert.bad', { role: 'alert' }, (err.problem?.errors ?? []).map((x) => x.message).join('；') || err.message)
        : errorPanel(err),
    );
    return;
  }
  const f = r.closure;
  // A rate or an average opened: its formula, each part with the number it counts and the cases behind it (the list
  // opens in `drill`, below).
  const formula = h('div');
  const drill = h('div');
  let staff = null;
  const showCases = async (measure, extra = '', title = '') => {
    fill(drill, h('p.muted', '正在加载…'));
    try {
      const [d, arbs] = await Promise.all([
        api('GET', `/api/stats/closure/cases?${base}&measure=${measure}${extra}&pageSize=200`),
        staff ?? api('GET', '/api/staff?role=arbitrator&pageSize=200').then((x) => x.items),
      ]);
      staff = arbs;
      const arbName = (id) => (id === null ? '未组庭' : (arbs.find((a) => a.id === id)?.displayName ?? `#${id}`));
      const header = ['案号', '地区', '争议原因', '仲裁员', '受理', '结案', '方式', '结案天数', '审限届满', '当前状态'];
      const rowOf = (i) => [
        caseName(i),
        i.district,
        V().statCauses[i.cause] ?? i.cause,
        arbName(i.arbitratorId),
        i.acceptedOn ?? '',
        i.closedOn ?? (i.closedLaterOn ? `期末未结（${i.closedLaterOn}结案）` : ''),
        closureLabel(i.closureMode),
        i.daysToClose ?? '',
        `${i.awardDueOn ?? ''}${i.closedLate ? '（超期）' : ''}`,
        V().states[i.state] ?? i.state,
      ];
      const exportDrill = () => saveBlob(csvBlob(header, d.items.map(rowOf)), `${title || measure}-${from}-${to}.csv`);
      fill(
        drill,
        h(
          'div.panel',
          { id: 'drill' },
          h(
            'div.row.between',
            h(
              'h2',
              { tabindex: '-1' },
              `${title || measure}：共 ${d.total} 件${d.total > d.items.length ? `（显示前 ${d.items.length} 件）` : ''}`,
            ),
            d.items.length ? h('button.btn.small', { type: 'button', onclick: exportDrill }, '导出本表（CSV）') : null,
          ),
          d.items.length
            ? h(
                'table.t',
                h(
                  'thead',
                  h(
                    'tr',
                    header.map((x) => h('th', { scope: 'col' }, x)),
                  ),
                ),
                h(
                  'tbody',
                  d.items.map((i) =>
                    h(
                      'tr',
                      h('td', h('a', { href: `#/cases/${i.id}` }, caseName(i))),
                      h('td', i.district),
                      h('td', V().statCauses[i.cause] ?? i.cause),
                      h('td', arbName(i.arbitratorId)),
                      h('td', i.acceptedOn ?? '—'),
                      h('td', i.closedOn ?? (i.closedLaterOn ? `期末未结（${i.closedLaterOn}结案）` : '—')),
                      h('td', closureLabel(i.closureMode) || '—'),
                      h('td.num', i.daysToClose ?? '—'),
                      h('td', i.awardDueOn ?? '—', i.closedLate ? h('span.badge.bad', '超期') : null),
                      h('td', stateBadge(i.state)),
                    ),
                  ),
                ),
              )
            : h('div.empty', '没有案件'),
        ),
      );
      drill.scrollIntoView({ behavior: 'smooth', block: 'start' });
      drill.querySelector('h2')?.focus({ preventScroll: true });
    } catch (err) {
      fill(drill, errorPanel(err));
    }
  };
  /** A link to the cases behind one number of a formula: [label, count, measure, extra filters]. */
  const part = ([label, n, measure, extra = '']) =>
    h(
      'li',
      `${label}：`,
      h(
        'button.link',
        { type: 'button', 'aria-label': `${label}：${n} 件，查看案件`, onclick: () => showCases(measure, extra, label) },
        `${n} 件`,
      ),
    );
  /** The formula of a rate or an average: what it divides, each part's count opening its cases. */
  const showFormula = (title, text, numerator, denominator, result) => {
    fill(
      formula,
      h(
        'div.panel.formula',
        { id: 'formula' },
        h('h2', { tabindex: '-1' }, `${title}：${result}`),
        h('p.small', text),
        h('h3', '分子'),
        h('ul', numerator.map(part)),
        denominator ? [h('h3', '分母'), h('ul', denominator.map(part))] : null,
      ),
    );
    formula.scrollIntoView({ behavior: 'smooth', block: 'start' });
    formula.querySelector('h2')?.focus({ preventScroll: true });
  };
  const ms = f.mediationSuccess;
  const mt = ms.mediationTrack;
  const showMediationRate = () =>
    ms.shown === 'bulletin'
      ? showFormula(
          '调解成功率（公报口径）',
          `${ms.bulletin.label} = ${ms.bulletin.numerator} ÷ ${ms.bulletin.denominator}`,
          [
            ['调解组织达成协议', mt.agreed, 'mediationAgreed'],
            ['仲裁调解结案', f.byMode.mediation, 'closed', '&mode=mediation'],
          ],
          [
            ['调解组织调解结束', mt.ended, 'mediationEnded'],
            ['仲裁结案（本期结案）', f.closed, 'closed'],
          ],
          pct(f.mediationSuccessRate),
        )
      : showFormula(
          '调解成功率（调解组织口径）',
          `${ms.organization.label} = ${ms.organization.numerator} ÷ ${ms.organization.denominator}`,
          [['调解组织达成协议', mt.agreed, 'mediationAgreed']],
          [['调解组织调解结束', mt.ended, 'mediationEnded']],
          pct(f.mediationSuccessRate),
        );
  const daysText = `${f.averageDays === null ? '—' : `${f.averageDays.toFixed(1)}天`}｜${f.medianDays === null || f.medianDays === undefined ? '—' : `${f.medianDays}天`}`;
  // Σ days = average × cases closed (the figures' own sum; the list shows each case's days, 结案天数).
  const daysSum = f.averageDays === null ? 0 : Math.round(f.averageDays * f.closed);
  const showDays = () =>
    showFormula(
      '结案天数（平均｜中位）',
      `平均结案天数 = 本期结案各案自受理至结案的天数合计 ${daysSum} 天 ÷ 本期结案 ${f.closed} 件；中位数为这些天数由少到多排列居中的数（件数为偶数时取居中两数的平均）。各案天数见清单“结案天数”列。`,
      [['本期结案（逐案结案天数）', f.closed, 'closed']],
      null,
      daysText,
    );
  /** A figure of the closure-mode line, opening its cases. */
  const modeLink = (label, n, measure, extra = '') =>
    h(
      'button.link',
      { type: 'button', 'aria-label': `${label} ${n} 件，查看案件`, onclick: () => showCases(measure, extra, label) },
      String(n),
    );
  const meets = f.meetsTarget;
  const exportBtn = (fmt, label) =>
    h(
      'button.btn',
      { type: 'button', onclick: () => download(`/api/stats/report?${base}&format=${fmt}`, `仲裁统计-${from}-${to}.${fmt}`) },
      label,
    );
  const trend = h('div.chart', { role: 'img', 'aria-label': '按月受理、结案与累计结案率' });
  const byDistrict = h('div.chart', { role: 'img', 'aria-label': '各地区结案率' });
  const byCause = h('div.chart', { role: 'img', 'aria-label': '按争议原因的受理数' });
  const bd = (g) => r.breakdowns.find((b) => b.groupBy === g)?.groups ?? [];
  fill(
    out,
    h(
      'p.small.muted',
      `${r.from} 至 ${r.to}${r.asOf ? `，按 ${r.asOf} 日终记录重算` : ''}；`,
      h('span.formula-version', { title: `口径代码：${r.formulaVersion}` }, r.formulaLabel),
      '；仲裁结案率 = 本期结案 ÷（上期未结 + 本期受理）',
    ),
    h(
      'div.cards',
      h(
        `div.card${meets === null ? '' : meets ? '.ok' : '.bad'}`,
        h(
          'button.n',
          {
            type: 'button',
            'data-testid': 'closure-rate',
            'aria-label': `仲裁结案率 ${pct(f.closureRate)}，查看算式与案件`,
            onclick: () =>
              showFormula(
                '仲裁结案率',
                `仲裁结案率 = 本期结案 ÷（上期未结 + 本期受理）= ${f.closureRateFraction.numerator} ÷ ${f.closureRateFraction.denominator}；期末未结 ${f.pending} 件。`,
                [['本期结案', f.closed, 'closed']],
                [
                  ['上期未结', f.carriedOver, 'carriedOver'],
                  ['本期受理', f.accepted, 'accepted'],
                ],
                pct(f.closureRate),
              ),
          },
          pct(f.closureRate),
        ),
        h('div.l', `仲裁结案率（目标 ${pct(f.target)}）${meets === null ? '' : meets ? ' 已达标' : ' 未达标'}`),
        h('div.small.muted', `${f.closureRateFraction.numerator} / ${f.closureRateFraction.denominator}`),
      ),
      card('上期未结', f.carriedOver, '', () => showCases('carriedOver', '', '上期未结')),
      card('本期受理', f.accepted, '', () => showCases('accepted', '', '本期受理')),
      card('本期结案', f.closed, 'ok', () => showCases('closed', '', '本期结案')),
      card('期末未结', f.pending, '', () => showCases('pending', '', '期末未结')),
      card('超审限', f.overdue, f.overdue ? 'bad' : '', () => showCases('overdue', '', '超审限')),
      card(
        `调解成功率（${ms.shown === 'bulletin' ? '公报口径' : '调解组织口径'}）`,
        pct(f.mediationSuccessRate),
        '',
        showMediationRate,
        `${ms[ms.shown].numerator} / ${ms[ms.shown].denominator}`,
      ),
      // The two figures break between them, never inside one ("29天" kept whole at any width).
      h(
        'div.card.days',
        h(
          'button.n',
          { type: 'button', onclick: showDays, 'aria-label': `结案天数（平均｜中位）：${daysText}，查看算式与案件` },
          daysText.split('｜').map((x, i, all) => h('span.nowrap', i < all.length - 1 ? `${x}｜` : x)),
        ),
        h('div.l', '结案天数（平均｜中位）'),
        h('div.small.muted', `${f.closed} 件结案`),
      ),
    ),
    h(
      'div.panel.row',
      h(
        'span.modes',
        '结案方式：仲裁调解 ',
        modeLink('仲裁调解结案', f.byMode.mediation, 'closed', '&mode=mediation'),
        '，仲裁裁决 ',
        modeLink('仲裁裁决结案', f.byMode.award, 'closed', '&mode=award'),
        '（终局 ',
        modeLink('终局裁决结案', f.finalAwards, 'closed', '&mode=award&finality=final'),
        '），撤回 ',
        modeLink('撤回结案', f.byMode.withdrawal, 'closed', '&mode=withdrawal'),
        '，其他 ',
        modeLink('其他方式结案', f.byMode.other, 'closed', '&mode=other'),
        '；不予受理 ',
        modeLink('不予受理', f.applications.rejected, 'rejected'),
      ),
      h('span.grow'),
      h('div.actions', exportBtn('xlsx', '导出 Excel'), exportBtn('csv', '导出 CSV'), exportBtn('pdf', '导出 PDF')),
    ),
    // Legal aid and major collective disputes among the cases to be closed (domain.md §13.2: Zhongcai's definitions).
    h(
      'div.panel.row',
      { 'data-testid': 'special-cases' },
      h(
        'span.modes',
        '法律援助（应结案件中劳动者获得法律援助）：',
        modeLink('劳动者获得法律援助的案件', f.legalAid.cases, 'legalAid'),
        ` 件（劳动者 ${f.legalAid.workers} 人），其中本期结案 `,
        modeLink('获得法律援助的案件中本期结案', f.legalAid.closed, 'legalAidClosed'),
        ' 件；重大集体劳动人事争议：',
        modeLink('重大集体劳动人事争议案件', f.majorCollective.cases, 'majorCollective'),
        ` 件（劳动者 ${f.majorCollective.workers} 人），其中本期结案 `,
        modeLink('重大集体劳动人事争议本期结案', f.majorCollective.closed, 'majorCollectiveClosed'),
        ' 件',
      ),
    ),
    h('div.grid2', h('div.panel', h('h2', '按月趋势'), trend), h('div.panel', h('h2', '各地区结案率'), byDistrict)),
    h(
      'div.grid2',
      h('div.panel', h('h2', '按争议原因（本期受理）'), byCause),
      h('div.panel', h('h2', '按地区'), breakdownTable(bd('district'), 'district', showCases, showFormula)),
    ),
    h(
      'div.grid2',
      h('div.panel', h('h2', '按争议原因'), breakdownTable(bd('cause'), 'cause', showCases, showFormula)),
      // Two breakdowns of the same cases, each adding up to the whole: two tables, not one that reads as double counting.
      h(
        'div.panel',
        h('h2', '按程序'),
        breakdownTable(bd('procedure'), 'procedure', showCases, showFormula),
        h('h2', '按是否拖欠工资'),
        breakdownTable(bd('wageArrears'), 'wageArrears', showCases, showFormula),
      ),
    ),
    formula,
    drill,
  );
  drawCharts(r, trend, byDistrict, byCause, bd);
}
export function breakdownTable(groups, groupBy, showCases, showFormula) {
  if (!groups.length) return h('div.empty', '本期没有数据');
  const filter = (g) => `&groupBy=${groupBy}&group=${encodeURIComponent(g.key)}`;
  const num = (g, measure, v) =>
    groupBy
      ? h(
          'button.link',
          {
            type: 'button',
            'aria-label': `${g.label} · ${LABELS.measure[measure]}：${v} 件，查看案件`,
            onclick: () => showCases(measure, filter(g), `${g.label} · ${LABELS.measure[measure]}`),
          },
          v,
        )
      : v;
  // The group's closure rate: its formula, each part opening the group's cases.
  const rate = (g) => {
    const shown = h(g.meetsTarget === false ? 'span.final-no' : 'span', pct(g.closureRate));
    if (!groupBy || !showFormula) return shown;
    const fr = g.closureRateFraction;
    return h(
      'button.link',
      {
        type: 'button',
        'aria-label': `${g.label} 结案率 ${pct(g.closureRate)}：${fr.numerator} / ${fr.denominator}，查看算式`,
        onclick: () =>
          showFormula(
            `${g.label} · 结案率`,
            `结案率 = 本期结案 ÷（上期未结 + 本期受理）= ${fr.numerator} ÷ ${fr.denominator}`,
            [[`${g.label} · 本期结案`, g.closed, 'closed', filter(g)]],
            [
              [`${g.label} · 上期未结`, g.carriedOver, 'carriedOver', filter(g)],
              [`${g.label} · 本期受理`, g.accepted, 'accepted', filter(g)],
            ],
            pct(g.closureRate),
          ),
      },
      shown,
    );
  };
  return h(
    'table.t',
    h(
      'thead',
      h(
        'tr',
        ['分组', '上期未结', '本期受理', '本期结案', '期末未结', '结案率', '超审限'].map((x, i) => h(i ? 'th.num' : 'th', x)),
      ),
    ),
    h(
      'tbody',
      groups.map((g) =>
        h(
          'tr',
          h('td', g.label),
          h('td.num', num(g, 'carriedOver', g.carriedOver)),
          h('td.num', num(g, 'accepted', g.accepted)),
          h('td.num', num(g, 'closed', g.closed)),
          h('td.num', num(g, 'pending', g.pending)),
          h('td.num', rate(g)),
          h('td.num', num(g, 'overdue', g.overdue)),
        ),
      ),
    ),
  );
}
function drawCharts(r, trend, byDistrict, byCause, bd) {
  if (!window.echarts) return;
  const font = { fontFamily: getComputedStyle(document.body).fontFamily };
  const t = echarts.init(trend, null, { renderer: 'svg' });
  t.setOption({
    textStyle: font,
    tooltip: { trigger: 'axis' },
    legend: { data: ['受理', '结案', '累计结案率'] },
    grid: { left: 40, right: 50, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: r.monthly.map((m) => m.month) },
    yAxis: [
      { type: 'value', name: '件' },
      { type: 'value', name: '%', min: 0, max: 100 },
    ],
    series: [
      { name: '受理', type: 'bar', data: r.monthly.map((m) => m.accepted), itemStyle: { color: '#1f5fa8' } },
      { name: '结案', type: 'bar', data: r.monthly.map((m) => m.closed), itemStyle: { color: '#1e7b34' } },
      {
        name: '累计结案率',
        type: 'line',
        yAxisIndex: 1,
        data: r.monthly.map((m) => (m.cumulativeClosureRate === null ? null : +(m.cumulativeClosureRate * 100).toFixed(2))),
        itemStyle: { color: '#9e1b1b' },
      },
    ],
  });
  const d = bd('district');
  const dc = echarts.init(byDistrict, null, { renderer: 'svg' });
  dc.setOption({
    textStyle: font,
    tooltip: {},
    // The longest district name (聊城高新技术产业开发区) must not be cut at the left edge: the grid holds its labels.
    grid: { left: 8, right: 60, top: 30, bottom: 24, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, name: '%' },
    yAxis: { type: 'category', data: d.map((g) => g.label), inverse: true },
    series: [
      {
        type: 'bar',
        // A 0% district still gets a visible bar and its figure; a district with no cases says so.
        barMinHeight: 3,
        label: { show: true, position: 'right', formatter: (p) => (d[p.dataIndex].closureRate === null ? '无案件' : `${p.value}%`) },
        data: d.map((g) => ({
          value: g.closureRate === null ? 0 : +(g.closureRate * 100).toFixed(2),
          itemStyle: { color: g.closureRate === null ? '#98a2b3' : g.meetsTarget === false ? '#9a5b00' : '#1e7b34' },
        })),
        markLine: {
          symbol: 'none',
          data: [{ xAxis: r.closure.target * 100, label: { formatter: `目标 ${r.closure.target * 100}%`, position: 'start' } }],
          // The y axis is inverted (first district on top): the line's start is its top end.
          lineStyle: { color: '#9e1b1b' },
        },
      },
    ],
  });
  const cs = echarts.init(byCause, null, { renderer: 'svg' });
  cs.setOption({
    textStyle: font,
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: bd('cause').map((g) => ({ name: g.label, value: g.accepted })) }],
  });
  charts = [t, dc, cs];
}
// The charts of the statistics page on screen now: one listener follows every resize of the window.
let charts = [];
window.addEventListener('resize', () => {
  for (const c of charts) if (!c.isDisposed() && c.getDom().isConnected) c.resize();
});
