// The case list: search across party names, identity numbers, phones and agents (as the role may), filters, columns
// sorted by a click, saved filters (kept in this browser, per user) and an xlsx export of the list.
import {
  api,
  caseName,
  confirmDialog,
  daysLeftText,
  download,
  errorPanel,
  field,
  fill,
  h,
  input,
  names,
  select,
  setTitle,
  state,
  stateBadge,
  today,
} from '../core.js';

const V = () => state.vocab;
const savedKey = () => `zc.filters.${state.user.id}`;
/**
 * Six digits in a row, with anything but a letter or a digit between them (as the server reads them: a reviewer, s44 L2;
 * any dash, the soft hyphen, a zero-width space, an outside tester s45 L1) — any script's digits (full-width too,
 * circled `①`) and Chinese numerals:
 * what an identity number or a phone typed into the search box looks like, read as the server reads it for roles that
 * may not search by them (db/stores/cases.ts DIGIT_RUN). A case number or a name holds no such run.
 */
const PERSONAL_NUMBER =
  /[\p{Nd}\p{No}〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖](?:[^\p{L}\p{Nd}\p{No}]*[\p{Nd}\p{No}〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖]){5}/u;
/**
 * A query as a saved filter keeps it: without a search text that looks like an identity number or a phone (security
 * check sec44: saved filters sit in this browser's storage, where whole numbers must not). A name or a case number
 * stays — a clerk saves "某某纺织有限公司" to follow an employer's cases; a person's number is looked up once, not kept.
 */
export function savableQuery(query) {
  const n = new URLSearchParams(query);
  if (PERSONAL_NUMBER.test(n.get('q') ?? '')) n.delete('q');
  return n;
}
const loadSaved = () => {
  try {
    const list = JSON.parse(localStorage.getItem(savedKey()) ?? '[]');
    // Filters saved before the rule above lose such a search text here (and in storage, when next written).
    return Array.isArray(list) ? list.map((s) => ({ ...s, query: savableQuery(s.query ?? '').toString() })) : [];
  } catch {
    return [];
  }
};

export async function caseList(params, mount) {
  setTitle('案件');
  const q = new URLSearchParams(params);
  const page = Number(q.get('page') ?? 1);
  const sort = q.get('sort') ?? '';
  const order = q.get('order') ?? (sort === 'receivedOn' ? 'desc' : 'asc');
  // ui45 L6: on a phone the filters other than 查找 fold behind 筛选 (open when one is set), so the cases are on the
  // first screen; the toggle is hidden on a wider screen (CSS).
  const activeFilters = ['state', 'district', 'procedure', 'overdue', 'wageArrears', 'collective', 'major'].filter((k) => q.get(k)).length;
  const toggle = h(
    'button.btn.small.filter-toggle',
    { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'case-filters' },
    activeFilters ? `筛选（${activeFilters}）` : '筛选',
  );
  const form = h(
    'form.panel.row.case-search',
    { role: 'search', 'aria-label': '案件检索', id: 'case-filters' },
    field('查找', 'q', input('search', { name: 'q', value: q.get('q') ?? '', placeholder: searchPlaceholder(state.user.role) }), {
      grow: true,
      hint: ['clerk', 'chair', 'admin'].includes(state.user.role) ? '身份证号、电话号码须完整输入' : '',
    }),
    field('状态', 'state', select({ '': '全部', ...V().states }, { name: 'state', value: q.get('state') ?? '' })),
    field(
      '地区',
      'district',
      select({ '': '全部', ...Object.fromEntries(V().districts.map((d) => [d, d])) }, { name: 'district', value: q.get('district') ?? '' }),
    ),
    field('程序', 'procedure', select({ '': '全部', ...V().procedures }, { name: 'procedure', value: q.get('procedure') ?? '' })),
    h('label.check', input('checkbox', { name: 'overdue', value: 'true', checked: q.get('overdue') === 'true' }), '有逾期期限'),
    h('label.check', input('checkbox', { name: 'wageArrears', value: 'true', checked: q.get('wageArrears') === 'true' }), '欠薪'),
    h('label.check', input('checkbox', { name: 'collective', value: 'true', checked: q.get('collective') === 'true' }), '集体争议'),
    h('label.check', input('checkbox', { name: 'major', value: 'true', checked: q.get('major') === 'true' }), '重大集体争议'),
    sort ? input('hidden', { name: 'sort', value: sort }) : null,
    sort ? input('hidden', { name: 'order', value: order }) : null,
    toggle,
    h('button.btn.primary', { type: 'submit' }, '查询'),
  );
  for (const el of form.children)
    if (!el.querySelector('[name="q"]') && el.tagName !== 'BUTTON' && el.type !== 'hidden') el.classList.add('filter-extra');
  const closedLabel = toggle.textContent;
  toggle.addEventListener('click', () => {
    const open = form.classList.toggle('filters-open');
    toggle.setAttribute('aria-expanded', String(open));
    // ui46 L6: once open it folds them again, and says so (it looked like one more filter).
    toggle.textContent = open ? '收起筛选' : closedLabel;
  });
  const go = (next) => {
    location.hash = `#/cases?${next}`;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) next.set(k, String(v));
    go(next);
  });
  const filterQuery = () => {
    const n = new URLSearchParams(q);
    n.delete('page');
    return n;
  };
  // Saved filters: a name for the current query, kept per user in this browser.
  const saved = h('div.saved.row');
  const drawSaved = () => {
    const list = loadSaved();
    fill(
      saved,
      h('span.small.muted', '常用筛选：'),
      list.length
        ? list.map((s, i) =>
            h(
              'span.chip',
              h('a', { href: `#/cases?${s.query}` }, s.name),
              h(
                'button.chip-x',
                {
                  type: 'button',
                  'aria-label': `删除常用筛选“${s.name}”`,
                  onclick: () => {
                    const l = loadSaved();
                    l.splice(i, 1);
                    localStorage.setItem(savedKey(), JSON.stringify(l));
                    drawSaved();
                  },
                },
                '×',
              ),
            ),
          )
        : h('span.small.muted', '（无）'),
      h(
        'button.btn.small',
        {
          type: 'button',
          onclick: async () => {
            const nameIn = input('text', { maxlength: 30, value: '' });
            const query = savableQuery(filterQuery());
            const dropped = query.get('q') !== filterQuery().get('q');
            const ok = await confirmDialog({
              title: '保存为常用筛选',
              body: [
                h('p', '保存当前的查找条件，下次一键打开。'),
                dropped ? h('p.small.muted', '查找内容像身份证号或电话号码，不会保存在浏览器中；其他条件照常保存。') : null,
                field('名称', 'filterName', nameIn, { required: true }),
              ],
              confirmLabel: '保存',
            });
            const name = nameIn.value.trim();
            if (!ok || !name) return;
            const l = loadSaved().filter((s) => s.name !== name);
            l.push({ name, query: query.toString() });
            localStorage.setItem(savedKey(), JSON.stringify(l));
            drawSaved();
          },
        },
        '保存当前筛选',
      ),
    );
  };
  drawSaved();
  const result = h('div', h('p.muted', '正在加载…'));
  mount('#/cases', h('h1', '案件'), form, saved, result);
  try {
    const apiQ = new URLSearchParams(q);
    apiQ.set('page', String(page));
    apiQ.set('pageSize', '20');
    const r = await api('GET', `/api/cases?${apiQ}`);
    const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
    const goPage = (p) => {
      const n = new URLSearchParams(q);
      n.set('page', String(p));
      go(n);
    };
    const sortHeader = (key, label) => {
      const active = sort === key;
      const nextOrder = active && order === 'asc' ? 'desc' : 'asc';
      const n = filterQuery();
      n.set('sort', key);
      n.set('order', nextOrder);
      return h(
        'th',
        { scope: 'col', 'aria-sort': active ? (order === 'asc' ? 'ascending' : 'descending') : 'none' },
        h(
          'a.sort',
          { href: `#/cases?${n}`, title: `按${label}${nextOrder === 'asc' ? '升序' : '降序'}排列` },
          label,
          active ? (order === 'asc' ? ' ▲' : ' ▼') : '',
        ),
      );
    };
    const exportQ = filterQuery();
    // The default order puts wage-arrears and collective cases first (priority, Rules Art. 5); a column's sort replaces
    // it until the clerk goes back to it here (UI walk, stop 43).
    const byDefault = filterQuery();
    byDefault.delete('sort');
    byDefault.delete('order');
    fill(
      result,
      h(
        'div.panel',
        h(
          'div.row.between',
          h(
            'span.muted',
            `共 ${r.total} 件 · `,
            sort
              ? h(
                  'a.default-order',
                  { href: `#/cases?${byDefault}`, title: '重大集体劳动人事争议最先，其次欠薪、集体争议案件' },
                  '恢复默认排序（欠薪、集体争议案件优先）',
                )
              : '重大集体争议、欠薪、集体争议案件优先',
          ),
          h(
            'button.btn.small',
            {
              type: 'button',
              onclick: (e) =>
                download(`/api/exports/cases?${exportQ}`, `案件列表-${today()}.xlsx`).catch((err) =>
                  e.target.after(h('span.field-error', { role: 'alert' }, err.message)),
                ),
            },
            '导出 Excel',
          ),
        ),
        r.items.length
          ? h(
              'table.t.case-list',
              h(
                'thead',
                h(
                  'tr',
                  sortHeader('caseNo', '案号'),
                  h('th.unsorted', { scope: 'col' }, '申请人'),
                  h('th.unsorted', { scope: 'col' }, '被申请人'),
                  sortHeader('state', '状态'),
                  h('th.unsorted', { scope: 'col' }, '地区'),
                  sortHeader('receivedOn', '收到申请'),
                  sortHeader('awardDue', '审限剩余'),
                  h('th.unsorted', { scope: 'col' }, '标记'),
                ),
              ),
              h(
                'tbody',
                r.items.map((c) =>
                  h(
                    'tr',
                    // data-label: on a phone each row is a card, each cell labelled with its column (CSS, ≤ 600 px).
                    h('td', { 'data-label': '案号' }, h('a', { href: `#/cases/${c.id}` }, caseName(c))),
                    h('td', { 'data-label': '申请人' }, names(c.applicantNames)),
                    h('td', { 'data-label': '被申请人' }, names(c.respondentNames)),
                    h('td', { 'data-label': '状态' }, stateBadge(c.state)),
                    h('td', { 'data-label': '地区' }, c.district),
                    h('td.date', { 'data-label': '收到申请' }, c.receivedOn),
                    h(
                      'td.small.date',
                      { 'data-label': '审限剩余' },
                      c.awardDueOn && !c.closure
                        ? [daysLeftText(c.awardDueOn), c.awardDueProvisional ? h('span.badge.warn.tight', '预计') : null]
                        : '—',
                    ),
                    h(
                      `td${c.major || c.wageArrears || c.collective || c.procedure === 'simple' ? '' : '.no-marks'}`,
                      { 'data-label': '标记' },
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
            )
          : h('div.empty', '没有符合条件的案件'),
        h(
          'div.pager',
          h('span.muted', `第 ${page}/${pages} 页`),
          h('button.btn.small', { type: 'button', disabled: page <= 1, onclick: () => goPage(page - 1) }, '上一页'),
          h('button.btn.small', { type: 'button', disabled: page >= pages, onclick: () => goPage(page + 1) }, '下一页'),
        ),
      ),
    );
  } catch (err) {
    fill(result, errorPanel(err));
  }
}

/**
 * ui47 L4: what this role's search matches (app/policy.ts caseSearchScope): identity numbers and phones for admin,
 * clerk and chair only; agents for everyone but the analyst, who reads summaries.
 */
export function searchPlaceholder(role) {
  if (['clerk', 'chair', 'admin'].includes(role)) return '案号、当事人、身份证号、电话或代理人';
  return role === 'analyst' ? '案号或当事人名称' : '案号、当事人或代理人';
}
