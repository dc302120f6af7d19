// Pre-arbitration mediation (案前调解): the mediations in progress and the registration of a new one, in
// mediation words (调解申请, 请求事项), not arbitration ones.
import { api, errorPanel, fill, h, names, setTitle, state } from '../core.js';
import { openEventForm } from './act.js';
import { registerForm } from './register.js';

export async function mediationPage(mount, message = null) {
  setTitle('调解');
  const list = h('div', h('p.muted', '正在加载…'));
  const done = message ? h('div.alert.ok.flash', { role: 'status', tabindex: '-1' }, message) : null;
  const formBox = h(
    'section.panel',
    { 'aria-labelledby': 'med-new' },
    h('h2', { id: 'med-new' }, '登记调解申请'),
    registerForm('mediation'),
  );
  // A mediator assigned inside arbitration (Rules Art. 71) finds those cases here too, not only in the full case list.
  const inside = state.user?.role === 'mediator' ? h('div', h('p.muted', '正在加载…')) : null;
  mount(
    '#/mediation',
    h('h1', '调解'),
    done,
    h('section.panel', { 'aria-labelledby': 'med-open' }, h('h2', { id: 'med-open' }, '进行中的调解'), list),
    inside ? h('section.panel', { 'aria-labelledby': 'med-inside' }, h('h2', { id: 'med-inside' }, '指派我调解的仲裁案件'), inside) : null,
    formBox,
  );
  if (inside)
    api('GET', `/api/cases?track=arbitration&mediatorId=${state.user.id}&pageSize=50`)
      .then((r) => {
        const open = r.items.filter((c) => !c.closure);
        fill(
          inside,
          open.length
            ? h(
                // ui51 L3: on a phone each case a card (app.css .stack-phone), as the case list.
                'table.t.med-cards.stack-phone',
                h(
                  'thead',
                  h(
                    'tr',
                    ['案号', '申请人', '被申请人', '状态'].map((x) => h('th', { scope: 'col' }, x)),
                  ),
                ),
                h(
                  'tbody',
                  open.map((c) =>
                    h(
                      'tr',
                      h('td', h('a', { href: `#/cases/${c.id}` }, c.caseNo ?? `仲裁申请 #${c.id}`)),
                      h('td', { 'data-label': '申请人' }, names(c.applicantNames)),
                      h('td', { 'data-label': '被申请人' }, c.respondentNames.join('、')),
                      h('td', { 'data-label': '状态' }, c.stateLabel ?? c.state),
                    ),
                  ),
                ),
              )
            : h('div.empty', '没有指派给您的未结仲裁案件'),
        );
      })
      .catch((err) => fill(inside, errorPanel(err)));
  done?.focus();
  const again = (msg) => mediationPage(mount, typeof msg === 'string' ? msg : null);
  try {
    const r = await api('GET', '/api/cases?track=mediation&state=mediation_in_progress&pageSize=50');
    const act = (c, type, label) =>
      h(
        'button.btn.small',
        {
          type: 'button',
          'aria-label': `调解申请 #${c.id}（${c.applicantNames.join('、')}）：${label}`,
          onclick: async () => {
            // The case as it is now; its dialog only if this screen is still shown when it arrives.
            const screen = state.screen;
            const fresh = await api('GET', `/api/cases/${c.id}`);
            if (state.screen === screen) openEventForm(fresh, type, again);
          },
        },
        label,
      );
    fill(
      list,
      r.items.length
        ? h(
            // ui51 L3: on a phone each mediation a card, its 达成协议 / 调解不成 within the screen (not a table scrolled
            // sideways with the actions off its edge).
            'table.t.med-cards.stack-phone',
            h(
              'thead',
              h(
                'tr',
                ['调解申请', '申请人', '被申请人', '收到', '记录结果'].map((x) => h('th', { scope: 'col' }, x)),
              ),
            ),
            h(
              'tbody',
              r.items.map((c) =>
                h(
                  'tr',
                  h('td', h('a', { href: `#/cases/${c.id}` }, `调解申请 #${c.id}`)),
                  h('td', { 'data-label': '申请人' }, names(c.applicantNames)),
                  h('td', { 'data-label': '被申请人' }, c.respondentNames.join('、')),
                  h('td.date', { 'data-label': '收到' }, c.receivedOn),
                  h(
                    'td.med-actions',
                    { 'data-label': '记录结果' },
                    h('span.actions', act(c, 'MEDIATION_AGREED', '达成协议'), act(c, 'MEDIATION_FAILED', '调解不成')),
                  ),
                ),
              ),
            ),
          )
        : h('div.empty', '没有进行中的调解'),
    );
  } catch (err) {
    fill(list, errorPanel(err));
  }
}
