// The workbench: each role's day. Clerks see their deadlines; arbitrators their cases and hearings; the chair the
// cases that threaten the closure target and what waits for his approval; admins what reference data is missing.
import {
  addDays,
  api,
  card,
  caseName,
  daysLeftText,
  deadlineBadge,
  dueText,
  errorPanel,
  fill,
  h,
  mondayOf,
  names,
  partiesTitle,
  pct,
  setTitle,
  state,
  stateBadge,
  today,
  weekday,
  withSource,
} from '../core.js';

export function caseTable(items, opts = {}) {
  if (!items.length) return h('div.empty', opts.empty ?? '没有符合条件的案件');
  return h(
    // ui46 M3: on a phone each case is a card, each value under its column's name (app.css .stack-phone) — not a table
    // squeezing the respondent into two characters a line.
    'table.t.case-cards.stack-phone',
    opts.caption ? h('caption.sr-only', opts.caption) : null,
    h(
      'thead',
      h(
        'tr',
        ['案号', '申请人', '被申请人', '状态', '地区', '收到申请', '标记'].map((x) => h('th', { scope: 'col' }, x)),
      ),
    ),
    h(
      'tbody',
      items.map((c) =>
        h(
          'tr',
          h('td.cc-no', h('a', { href: `#/cases/${c.id}` }, caseName(c))),
          h('td', { 'data-label': '申请人' }, names(c.applicantNames)),
          h('td', { 'data-label': '被申请人' }, names(c.respondentNames)),
          h('td', { 'data-label': '状态' }, stateBadge(c.state)),
          h('td', { 'data-label': '地区' }, c.district),
          h('td.date', { 'data-label': '收到申请' }, c.receivedOn),
          h(
            `td${c.major || c.wageArrears || c.collective || c.procedure === 'simple' ? '' : '.no-marks'}`,
            c.major ? h('span.badge.bad', { title: '重大集体劳动人事争议' }, '重大') : null,
            c.major ? ' ' : null,
            c.wageArrears ? h('span.badge.bad', '欠薪') : null,
            ' ',
            c.collective ? h('span.badge.warn', '集体') : null,
            ' ',
            c.procedure === 'simple' ? h('span.badge', '简易') : null,
          ),
        ),
      ),
    ),
  );
}

function deadlineTable(deadlines, empty) {
  if (!deadlines.length) return h('div.empty', empty);
  // On a phone the 说明 column goes (squeezed, it made each row 300 px tall): the explanation is behind a 说明 toggle
  // under the deadline's name (ui43 M5). app.css shows one or the other by width.
  // ui46 M3: on a phone each deadline is a card like the case page's (app.css): the case and the deadline's name across
  // the top, then 到期日, 剩余 and 状态 side by side — nothing off-screen to the right.
  return h(
    'table.t.deadline-list.deadline-cards.stack-phone',
    h(
      'thead',
      h(
        'tr',
        ['案件', '期限', '到期日', '剩余', '状态', '说明'].map((x) => h(x === '说明' ? 'th.explain' : 'th', { scope: 'col' }, x)),
      ),
    ),
    h(
      'tbody',
      deadlines.map((d) =>
        h(
          'tr',
          h(
            'td.dl-case',
            h('a', { href: `#/cases/${d.caseId}` }, caseName({ caseNo: d.caseNo, track: d.track, id: d.caseId })),
            h('div.small.muted', names(d.applicantNames)),
          ),
          h(
            'td.dl-kind',
            h('span.dl-label', d.label),
            d.explanation ? h('details.explain-inline.small', h('summary', '说明'), h('div.muted', withSource(d.explanation))) : null,
          ),
          h('td.date.dl-due', { 'data-label': '到期日' }, dueText(d)),
          h('td.small.date.dl-left', { 'data-label': '剩余' }, daysLeftText(d.dueOn)),
          h('td.dl-status', { 'data-label': '状态' }, deadlineBadge(d)),
          h('td.small.explain', withSource(d.explanation ?? '')),
        ),
      ),
    ),
  );
}

/** Hearings in a list (the arbitrator's "my hearings"). */
export function hearingList(items, empty = '近期没有开庭') {
  if (!items.length) return h('div.empty', empty);
  return h(
    'table.t',
    h(
      'thead',
      h(
        'tr',
        ['日期', '时间', '地点', '案件', '当事人', '状态'].map((x) => h('th', { scope: 'col' }, x)),
      ),
    ),
    h(
      'tbody',
      items.map((x) =>
        h(
          'tr',
          h('td', `${x.hearingOn} ${weekday(x.hearingOn)}`),
          h('td', x.time ?? '—'),
          h('td', x.place),
          h('td', h('a', { href: `#/cases/${x.caseId}` }, x.caseNo ?? `#${x.caseId}`)),
          // s61 C #1: the parties as a commission names them (partiesTitle), not the litigation's 「甲 诉 乙」.
          h('td.small', partiesTitle(x.applicantNames, x.respondentNames)),
          h(
            'td',
            x.status === 'held'
              ? h('span.badge.ok', '已开庭')
              : x.state === 'suspended'
                ? h('span.badge.warn', '中止审理中，暂不开庭')
                : x.hearingOn < today()
                  ? h('span.badge.warn', '开庭日已过，未记录')
                  : h('span.badge.info', '待开庭'),
          ),
        ),
      ),
    ),
  );
}

export async function workbench(mount) {
  setTitle('工作台');
  const u = state.user;
  const body = h('div', h('h1', '工作台'), h('p.muted', '正在加载…'));
  const note = sessionStorage.getItem('zc.flash.bench');
  sessionStorage.removeItem('zc.flash.bench');
  mount('#/', note ? h('div.alert.ok', { role: 'status' }, note) : null, body);
  try {
    if (u.role === 'chair') return await chairBench(body);
    if (u.role === 'admin') return await adminBench(body);
    const canStats = u.role === 'analyst';
    const mine = u.role === 'arbitrator' ? `&arbitratorId=${u.id}` : u.role === 'mediator' ? '&track=mediation' : '';
    const [due, cases, voided, rate, hearings, passed, assigned] = await Promise.all([
      u.role === 'analyst'
        ? { items: [], total: 0, overdue: 0 }
        : api(
            'GET',
            `/api/deadlines?within=14&pageSize=200&assignee=${['arbitrator', 'clerk', 'mediator'].includes(u.role) ? 'me' : 'all'}`,
          ),
      // ui45 M2: a registration voided as made by mistake is not an application (void44): not counted, not listed as
      // recent — as the statistics page reads. The list filters one state at a time: the voided are counted apart.
      api('GET', `/api/cases?pageSize=20${mine}`),
      u.role === 'mediator' ? { total: 0 } : api('GET', `/api/cases?state=voided&pageSize=1${mine}`).catch(() => ({ total: 0 })),
      canStats ? api('GET', `/api/stats/closure?from=${today().slice(0, 4)}-01-01&to=${today().slice(0, 4)}-12-31`) : null,
      u.role === 'arbitrator'
        ? api('GET', `/api/hearings?from=${today()}&to=${addDays(today(), 13)}&arbitratorId=${u.id}&pageSize=50`)
        : null,
      // Hearings of the last month whose day has passed with nothing recorded (held, postponed, or the case closed).
      u.role === 'arbitrator'
        ? api('GET', `/api/hearings?from=${addDays(today(), -31)}&to=${addDays(today(), -1)}&arbitratorId=${u.id}&pageSize=200`)
            .then((r) => r.items.filter((x) => x.status === 'scheduled' && x.state !== 'suspended'))
            .catch(() => [])
        : [],
      // A mediator assigned to mediate inside arbitration (Rules Art. 71): those cases, besides the mediations.
      u.role === 'mediator' ? api('GET', `/api/cases?pageSize=20&track=arbitration&mediatorId=${u.id}`).catch(() => null) : null,
    ]);
    // One page (overdue first, up to 200); the counts come from the whole list.
    const deadlines = due.items;
    const counted = Math.max(0, cases.total - (voided?.total ?? 0));
    const recent = cases.items.filter((x) => x.state !== 'voided').slice(0, 10);
    const soon = deadlines.filter((d) => d.status !== 'overdue' && d.dueOn && d.dueOn <= addDays(today(), 3));
    fill(
      body,
      h('h1', '工作台'),
      h(
        'div.cards',
        u.role === 'analyst' ? null : card('已逾期期限', due.overdue, due.overdue ? 'bad' : 'ok'),
        u.role === 'analyst' ? null : card('三日内到期', soon.length, soon.length ? 'warn' : ''),
        u.role === 'analyst' ? null : card('十四日内到期', due.total - due.overdue, ''),
        card(u.role === 'arbitrator' ? '我承办的案件' : u.role === 'mediator' ? '案前调解' : '案件总数', counted, '', null, {
          sub: voided?.total ? `不含已作废的误登记 ${voided.total} 件` : undefined,
        }),
        hearings ? card('两周内开庭', hearings.total, '') : null,
        rate
          ? card(
              `本年仲裁结案率（目标 ${pct(rate.target)}）`,
              pct(rate.closureRate),
              rate.meetsTarget === false ? 'bad' : 'ok',
              () => {
                location.hash = '#/stats';
              },
              { actionHint: '，查看统计' },
            )
          : null,
      ),
      passed.length
        ? h(
            'section.panel.passed-hearings',
            h('h2', `开庭日已过、尚未记录的开庭（${passed.length}）`),
            h('p.small.muted', '请记录开庭（或延期开庭）：开庭记录关系到缺席、审理期限和裁决书所载的程序。'),
            hearingList(passed),
          )
        : null,
      hearings ? h('section.panel', h('h2', '我的开庭（两周内）'), hearingList(hearings.items)) : null,
      u.role === 'analyst'
        ? null
        : h('section.panel', h('h2', '我的期限（逾期在前，临期次之）'), deadlineTable(deadlines, '十四日内没有到期的期限')),
      assigned
        ? h(
            'section.panel.assigned-mediations',
            h('h2', `指派我调解的仲裁案件（${assigned.total}）`),
            assigned.items.length ? caseTable(assigned.items) : h('p.muted', '尚无指派给您的仲裁案件。'),
          )
        : null,
      h(
        'section.panel',
        h('h2', u.role === 'arbitrator' ? '我承办的案件' : u.role === 'mediator' ? '案前调解（最近）' : '最近的案件'),
        caseTable(recent),
      ),
    );
  } catch (err) {
    body.append(errorPanel(err));
  }
}

/** The chair: the target, the award clocks that threaten it, and what waits for his decision. */
async function chairBench(body) {
  const year = today().slice(0, 4);
  const [rate, board, waiting, soon, suspended] = await Promise.all([
    api('GET', `/api/stats/closure?from=${year}-01-01&to=${year}-12-31`),
    api('GET', '/api/board/award-clock?within=10&pageSize=10'),
    api('GET', '/api/cases?state=accepted&pageSize=10'),
    // The award clocks running out within ten days, for the extension candidates (below): at most 50 looked at.
    api('GET', '/api/board/award-clock?within=10&pageSize=50'),
    api('GET', '/api/cases?state=suspended&pageSize=10'),
  ]);
  const extendable = extensionCandidates(soon.items);
  const toDecide = waiting.total + extendable.length + suspended.total;
  const openList = (id) => () => {
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  };
  fill(
    body,
    h('h1', '工作台'),
    h(
      'div.cards',
      card(
        `本年仲裁结案率（目标 ${pct(rate.target)}）`,
        pct(rate.closureRate),
        rate.meetsTarget === false ? 'bad' : 'ok',
        () => {
          location.hash = '#/stats';
        },
        { actionHint: '，查看统计' },
      ),
      card(
        '审限已逾期',
        board.overdue,
        board.overdue ? 'bad' : 'ok',
        () => {
          location.hash = '#/board';
        },
        { actionHint: '，查看督办' },
      ),
      card(
        '审限十日内届满',
        board.total - board.overdue,
        board.total - board.overdue ? 'warn' : '',
        () => {
          location.hash = '#/board';
        },
        { actionHint: '，查看督办' },
      ),
      card('待我决定', toDecide, toDecide ? 'warn' : '', openList('to-decide'), { actionHint: '，查看待我决定的事项' }),
      card(
        '待组成仲裁庭',
        waiting.total,
        waiting.total ? 'warn' : '',
        () => {
          location.hash = '#/cases?state=accepted';
        },
        { actionHint: '，查看待组庭的案件' },
      ),
    ),
    h(
      'section.panel.to-decide',
      { id: 'to-decide', tabindex: '-1', 'aria-labelledby': 'to-decide-h' },
      h('h2', { id: 'to-decide-h' }, `待我决定（${toDecide}）`),
      h('h3', `可延长审理期限（十日内届满、尚未延长）（${extendable.length}）`),
      h(
        'p.small.muted',
        '案情复杂需要延期的，经仲裁委员会主任批准可以延期，延长期限不得超过十五日，并书面通知当事人（《劳动争议调解仲裁法》第四十三条第一款）。须在审理期限届满前批准。',
      ),
      extensionTable(extendable),
      h('h3', `待组成仲裁庭（${waiting.total}）`),
      caseTable(waiting.items, { empty: '没有待组庭的案件' }),
      waiting.total > waiting.items.length
        ? h('p', h('a', { href: '#/cases?state=accepted' }, `查看全部 ${waiting.total} 件待组庭的案件 ›`))
        : null,
      h('h3', `中止审理中，待决定恢复（${suspended.total}）`),
      caseTable(suspended.items, { empty: '没有中止审理的案件' }),
      suspended.total > suspended.items.length
        ? h('p', h('a', { href: '#/cases?state=suspended' }, `查看全部 ${suspended.total} 件中止审理的案件 ›`))
        : null,
      h('p.small.muted', '回避申请、管辖异议等需要您决定的事项，在各案件页的“下一步”中办理。'),
    ),
    h(
      'section.panel',
      h('h2', '审限临近的案件（影响结案率目标）'),
      boardTable(board.items),
      h('p', h('a', { href: '#/board' }, '查看全部审限督办 ›')),
    ),
  );
}

/**
 * The cases whose award time limit runs out within ten days, still running (not overdue, not paused by a suspension),
 * and not yet extended (an extension is approved once, before the limit: LDMAL Art. 43) — the board says which were.
 */
function extensionCandidates(items) {
  return items.filter((x) => x.status === 'open' && x.daysLeft !== null && x.daysLeft >= 0 && !x.extended);
}
function extensionTable(items) {
  if (!items.length) return h('div.empty', '没有十日内届满、可延长审理期限的案件');
  return h(
    'table.t.extension-candidates',
    h(
      'thead',
      h(
        'tr',
        ['案号', '申请人', '状态', '仲裁庭', '审限届满', '剩余', ''].map((x) => h('th', { scope: 'col' }, x)),
      ),
    ),
    h(
      'tbody',
      items.map((x) =>
        h(
          'tr',
          h('td', h('a', { href: `#/cases/${x.caseId}` }, x.caseNo ?? `#${x.caseId}`)),
          h('td', names(x.applicantNames)),
          h('td', stateBadge(x.state)),
          h('td', x.arbitrators.length ? x.arbitrators.map((a) => a.displayName).join('、') : h('span.muted', '未组庭')),
          h('td', dueText(x)),
          h('td', daysLeftText(x.dueOn)),
          h(
            'td',
            h('a.btn.small', { href: `#/cases/${x.caseId}`, 'aria-label': `延长审理期限：${x.caseNo ?? `#${x.caseId}`}` }, '去办理延长'),
          ),
        ),
      ),
    ),
  );
}

export function boardTable(items) {
  if (!items.length) return h('div.empty', '没有审限临近的案件');
  return h(
    'table.t',
    h(
      'thead',
      h(
        'tr',
        ['案号', '申请人', '状态', '仲裁庭', '审限届满', '剩余'].map((x) => h('th', { scope: 'col' }, x)),
      ),
    ),
    h(
      'tbody',
      items.map((x) =>
        h(
          `tr${x.status === 'overdue' ? '.row-bad' : ''}`,
          h('td', h('a', { href: `#/cases/${x.caseId}` }, x.caseNo ?? `#${x.caseId}`)),
          h('td', names(x.applicantNames)),
          h('td', stateBadge(x.state)),
          h('td', x.arbitrators.length ? x.arbitrators.map((a) => a.displayName).join('、') : h('span.muted', '未组庭')),
          h('td', dueText(x)),
          h(`td${x.status === 'overdue' ? '.final-no' : ''}`, x.status === 'paused' ? '暂停计算' : daysLeftText(x.dueOn)),
        ),
      ),
    ),
  );
}

/** The administrator: reference data that deadlines and awards depend on. */
async function adminBench(body) {
  const [years, wages] = await Promise.all([api('GET', '/api/calendar/years'), api('GET', '/api/reference/minimum-wages')]);
  const y = Number(today().slice(0, 4));
  const have = new Set(years.map((x) => x.year));
  const missingNext = !have.has(y + 1);
  const unconfirmed = wages.filter((w) => w.confirmed === false).length;
  fill(
    body,
    h('h1', '工作台'),
    missingNext
      ? h(
          'div.alert.warn',
          { role: 'status' },
          `尚未录入${y + 1}年的国家法定节假日安排：审限跨入${y + 1}年的案件只能显示预计日期。`,
          h('a', { href: '#/admin/calendar' }, `录入${y + 1}年安排 ›`),
        )
      : null,
    h(
      'div.cards',
      card('已有节假日数据的年份', years.length ? `${years[0].year}–${years.at(-1).year}` : '无', missingNext ? 'warn' : 'ok'),
      card('最低工资标准条目', wages.length, unconfirmed ? 'warn' : 'ok', null, {
        sub: unconfirmed ? `${unconfirmed} 条待核实` : '均已核实',
      }),
    ),
    h(
      'section.panel',
      h('h2', '管理'),
      h(
        'ul.links',
        h('li', h('a', { href: '#/admin/users' }, '用户与权限')),
        h('li', h('a', { href: '#/admin/wages' }, '各区县最低工资标准')),
        h('li', h('a', { href: '#/admin/calendar' }, '国家法定节假日安排')),
        h('li', h('a', { href: '#/admin/access-log' }, '案件访问记录')),
        h('li', h('a', { href: '#/admin/audit-log' }, '用户与参考数据变更记录')),
      ),
    ),
    h('p.small.muted', `本周一：${mondayOf(today())}`),
  );
}
