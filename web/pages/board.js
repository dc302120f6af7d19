// The chair's board (审限督办): open arbitration cases by days left on the award clock, against the closure target —
// how many cases may still be open at the year's end for the rate to hold.
import { api, card, errorPanel, field, fill, h, pct, roleLabel, select, setTitle, state, today } from '../core.js';
import { boardTable } from './workbench.js';

/** Who may open the board (app/policy.ts AREA_ROLES.board; the server refuses anyone else). */
const BOARD_ROLES = ['chair', 'admin'];

export async function boardPage(mount) {
  setTitle('审限督办');
  // ui53 L1: a person the board is not for (opened by its address) is told so, naming the board and who may open it —
  // not the refusal of the statistics the page reads first.
  if (!BOARD_ROLES.includes(state.user?.role)) {
    mount(
      '#/board',
      h('h1', '审限督办'),
      h(
        'div.alert.bad.board-refusal',
        { role: 'alert' },
        `${roleLabel(state.user?.role)}不能查看审限督办：审限督办仅供${BOARD_ROLES.map(roleLabel).join('、')}查看。本人承办案件的审限见工作台和案件页。`,
      ),
    );
    return;
  }
  const out = h('div', h('p.muted', '正在加载…'));
  const within = select({ 10: '十日内届满及已逾期', 30: '三十日内届满及已逾期', '': '全部未结案件' }, { value: '30' });
  mount('#/board', h('h1', '审限督办'), h('div.panel.row', field('显示', 'within', within)), out);
  const draw = async () => {
    fill(out, h('p.muted', '正在加载…'));
    try {
      const year = today().slice(0, 4);
      const [rate, board] = await Promise.all([
        api('GET', `/api/stats/closure?from=${year}-01-01&to=${year}-12-31`),
        api('GET', `/api/board/award-clock?pageSize=200${within.value ? `&within=${within.value}` : ''}`),
      ]);
      const denominator = rate.carriedOver + rate.accepted;
      const target = Number(rate.target);
      // closed / (carriedOver + accepted) ≥ target ⇔ open cases at the end ≤ (1 − target) × denominator.
      const allowed = Math.floor((1 - target) * denominator + 1e-9);
      fill(
        out,
        h(
          'div.cards',
          card(`本年仲裁结案率（目标 ${pct(target)}）`, pct(rate.closureRate), rate.meetsTarget === false ? 'bad' : 'ok'),
          card('本年未结案件', rate.pending, rate.pending > allowed ? 'bad' : 'ok', null, {
            sub: `按目标，年末最多可有 ${allowed} 件未结（分母 ${denominator} 件）`,
          }),
          card('审限已逾期', board.overdue, board.overdue ? 'bad' : 'ok'),
          card('列表中的案件', board.total, ''),
        ),
        h('section.panel', h('h2', '按审限剩余天数排列（逾期在前）'), boardTable(board.items)),
      );
    } catch (err) {
      fill(out, errorPanel(err));
    }
  };
  within.addEventListener('change', draw);
  draw();
}
