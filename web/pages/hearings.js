// The hearing calendar: one week, by hearing room or by arbitrator, with filters; each hearing links to its case.
import { addDays, api, errorPanel, fill, h, mondayOf, partiesTitle, select, setTitle, state, today, weekday } from '../core.js';

/** s60 W2 #8: the widths at which the week is a day-by-day list (web/app.css's phone and tablet widths). */
const NARROW = '(max-width: 800px)';

export async function hearingsPage(params, mount) {
  setTitle('开庭日历');
  const q = new URLSearchParams(params);
  const monday = mondayOf(q.get('week') ?? today());
  const by = q.get('by') === 'arbitrator' ? 'arbitrator' : 'room';
  const arbitratorId = q.get('arbitratorId') ?? (state.user.role === 'arbitrator' && !q.has('arbitratorId') ? String(state.user.id) : '');
  const place = q.get('place') ?? '';
  const days = [...Array(7).keys()].map((i) => addDays(monday, i));
  const link = (changes) => {
    const n = new URLSearchParams({ week: monday, by, ...(arbitratorId ? { arbitratorId } : {}), ...(place ? { place } : {}) });
    for (const [k, v] of Object.entries(changes)) {
      if (v === '' || v === null) n.delete(k);
      else n.set(k, v);
    }
    return `#/hearings?${n}`;
  };
  const out = h('div', h('p.muted', '正在加载…'));
  mount('#/hearings', h('h1', `开庭日历：${days[0]} 至 ${days[6]}`), out);
  try {
    const apiQ = new URLSearchParams({ from: days[0], to: days[6], pageSize: '200' });
    if (arbitratorId) apiQ.set('arbitratorId', arbitratorId);
    if (place) apiQ.set('place', place);
    const [r, staff, allWeek] = await Promise.all([
      api('GET', `/api/hearings?${apiQ}`),
      api('GET', '/api/staff?role=arbitrator&pageSize=200').then((x) => x.items),
      place ? api('GET', `/api/hearings?from=${days[0]}&to=${days[6]}&pageSize=200`) : null,
    ]);
    const rooms = [...new Set((allWeek ?? r).items.map((x) => x.place))].sort();
    const arbSel = select([['', '全部仲裁员'], ...staff.map((s) => [String(s.id), s.displayName])], {
      value: arbitratorId,
      'aria-label': '仲裁员',
    });
    arbSel.addEventListener('change', () => {
      location.hash = link({ arbitratorId: arbSel.value || null });
    });
    const roomSel = select([['', '全部法庭'], ...rooms.map((x) => [x, x])], { value: place, 'aria-label': '法庭' });
    roomSel.addEventListener('change', () => {
      location.hash = link({ place: roomSel.value || null });
    });
    const rows =
      by === 'room'
        ? [...new Set(r.items.map((x) => x.place))].sort().map((p) => ({ key: p, label: p, items: r.items.filter((x) => x.place === p) }))
        : staff
            .map((s) => ({ key: s.id, label: s.displayName, items: r.items.filter((x) => x.arbitrators.some((a) => a.id === s.id)) }))
            .filter((row) => row.items.length);
    const tribunal = (x) => x.arbitrators.map((a) => a.displayName).join('、') || '未组庭';
    // s60 W2 #6: the parties as an arbitration names them — 「甲与乙劳动争议」, not the litigation's 「甲 诉 乙」.
    // `listed`: the day-by-day list of a narrow screen (#8), where each hearing names both its room and its tribunal.
    const chip = (x, listed = false) =>
      h(
        `a.hearing-chip${x.status === 'held' ? '.held' : ''}`,
        { href: `#/cases/${x.caseId}`, title: `${x.caseNo ?? ''} ${x.place}` },
        h('strong', x.time ?? '时间未定'),
        h('span', x.caseNo ?? `#${x.caseId}`),
        h('span.small', partiesTitle(x.applicantNames, x.respondentNames)),
        h('span.small.muted', listed ? `${x.place}；${tribunal(x)}` : by === 'room' ? tribunal(x) : x.place),
        x.public === false ? h('span.badge.warn.tight', '不公开') : null,
        x.session > 1 ? h('span.badge.info.tight', `第${x.session}次开庭`) : null,
        x.jointWith.length ? h('span.small', `合并开庭：与${x.jointWith.map((j) => j.caseNo ?? `#${j.caseId}`).join('、')}`) : null,
        x.status === 'held' ? h('span.badge.ok.tight', '已开庭') : null,
        // s60 L (LDMAL Art. 30): set before a respondent's answer period can end, not answered or waived.
        x.beforeAnswerPeriodEnds
          ? h('span.badge.warn.tight', { title: '被申请人未答辩，也未同意提前开庭（劳动争议调解仲裁法第三十条）' }, '答辩期未满')
          : null,
        // Rules Art. 47: a suspended case is not heard until it resumes.
        x.status !== 'held' && x.state === 'suspended' ? h('span.badge.warn.tight', '中止审理中') : null,
      );
    const grid = () =>
      h(
        'div.panel.week-wrap',
        rows.length
          ? h(
              'table.week.cal',
              h('caption.sr-only', `${days[0]} 至 ${days[6]} 开庭安排，按${by === 'room' ? '法庭' : '仲裁员'}`),
              h(
                'thead',
                h(
                  'tr',
                  h('th', { scope: 'col' }, by === 'room' ? '法庭' : '仲裁员'),
                  days.map((d, i) =>
                    h(`th${i > 4 ? '.weekend' : ''}${d === today() ? '.today' : ''}`, { scope: 'col' }, `${weekday(d)} ${d.slice(5)}`),
                  ),
                ),
              ),
              h(
                'tbody',
                rows.map((row) =>
                  h(
                    'tr',
                    h('th', { scope: 'row' }, row.label),
                    days.map((d, i) =>
                      h(
                        `td${i > 4 ? '.weekend' : ''}`,
                        row.items
                          .filter((x) => x.hearingOn === d)
                          .sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''))
                          .map((x) => chip(x)),
                      ),
                    ),
                  ),
                ),
              ),
            )
          : h('div.empty', '本周没有开庭安排'),
      );
    // s60 W2 #8: on a narrow screen (a phone) the seven columns do not fit — a hearing would sit off-screen while the
    // page counts it: the week is then a list, day by day, of the days with hearings (every hearing of the week shown).
    const byDay = () => {
      const withHearings = days.filter((d) => r.items.some((x) => x.hearingOn === d));
      return h(
        'div.panel.week-list',
        { 'aria-label': `${days[0]} 至 ${days[6]} 开庭安排` },
        withHearings.length
          ? withHearings.map((d) =>
              h(
                'section.week-day',
                h(`h2.week-day-head${d === today() ? '.today' : ''}`, `${weekday(d)} ${d}`),
                r.items
                  .filter((x) => x.hearingOn === d)
                  .sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''))
                  .map((x) => chip(x, true)),
              ),
            )
          : h('div.empty', '本周没有开庭安排'),
      );
    };
    const narrow = window.matchMedia(NARROW);
    const weekView = h('div.week-view', narrow.matches ? byDay() : grid());
    const relayout = () => {
      if (!weekView.isConnected) return narrow.removeEventListener('change', relayout);
      fill(weekView, narrow.matches ? byDay() : grid());
    };
    narrow.addEventListener('change', relayout);
    fill(
      out,
      h(
        'div.panel.row',
        h('a.btn.small', { href: link({ week: addDays(monday, -7) }) }, '‹ 上一周'),
        h('a.btn.small', { href: link({ week: mondayOf(today()) }) }, '本周'),
        h('a.btn.small', { href: link({ week: addDays(monday, 7) }) }, '下一周 ›'),
        h('span.grow'),
        h(
          'span.seg',
          { role: 'group', 'aria-label': '分组方式' },
          h(
            `a.btn.small${by === 'room' ? '.on' : ''}`,
            { href: link({ by: 'room' }), 'aria-current': by === 'room' ? 'true' : null },
            '按法庭',
          ),
          h(
            `a.btn.small${by === 'arbitrator' ? '.on' : ''}`,
            { href: link({ by: 'arbitrator' }), 'aria-current': by === 'arbitrator' ? 'true' : null },
            '按仲裁员',
          ),
        ),
        arbSel,
        roomSel,
      ),
      weekView,
      h('p.small.muted', `共 ${r.total} 场。日历显示每一次开庭（含续行开庭）；延期的显示新的日期，已开庭的显示开庭之日。`),
    );
  } catch (err) {
    fill(out, errorPanel(err));
  }
}
