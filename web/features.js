// Issue 17 in the web interface, in one module so that a screen only hooks it in (the screens are being reworked):
//   calculatorButton(ui, {c, claim, onAccept})  — the labor-law calculator beside an award item: the computed amount is a
//                                                suggestion the arbitrator accepts (fills the amount) or edits; the
//                                                calculation goes with the item and is printed in the reasoning when asked
//   claimLineButton(ui, c, claim, box)           — the claim's line from the application to the court's judgment
//   courtPackagePanel(ui, c, role)               — "移送法院材料包": make a signed package, download the ones made
// `ui` is the host screen's toolkit: {h, fill, api, download, money, guard, keyHolder,
// chinaDateTime}. Layout goes through classes (no inline style).

const KINDS = {
  economic_compensation: '经济补偿',
  unlawful_termination: '违法解除赔偿金',
  double_wages: '未签书面合同二倍工资',
  overtime: '加班工资',
  annual_leave: '未休年休假工资',
  notice_pay: '代通知金',
};
/** The calculator a claim category most likely needs (the arbitrator may choose another). */
const KIND_OF_CATEGORY = {
  economic_compensation: 'economic_compensation',
  damages: 'unlawful_termination',
  wages: 'overtime',
  labor_standards: 'annual_leave',
  contract: 'notice_pay',
};
const PRE2008 = {
  none: '当时规定不支付（如合同期满、劳动者辞职）',
  agreement: '协商一致由用人单位解除（最多12个月）',
  incompetence: '不能胜任工作（最多12个月）',
  illness: '患病或非因工负伤',
  changed_circumstances: '客观情况发生重大变化',
  layoff: '经济性裁员',
};
/** Fields per calculator: [name, label, kind, extra]. Names match POST /api/calculators/{kind}. */
const FIELDS = {
  economic_compensation: [
    ['startOn', '用工之日', 'date'],
    ['endOn', '解除或终止之日', 'date'],
    ['averageWage', '前十二个月平均工资（元）', 'money'],
    ['wages', '或：前十二个月各月工资（每行一个月）', 'lines'],
    ['pre2008.ground', '2008年以前工作年限的解除事由', 'select', PRE2008],
  ],
  unlawful_termination: [
    ['startOn', '用工之日', 'date'],
    ['endOn', '解除或终止之日', 'date'],
    ['averageWage', '前十二个月平均工资（元）', 'money'],
    ['wages', '或：前十二个月各月工资（每行一个月）', 'lines'],
  ],
  double_wages: [
    ['startOn', '用工之日', 'date'],
    ['contractSignedOn', '订立书面合同之日（未订立的留空）', 'date'],
    ['endOn', '劳动关系终止之日', 'date'],
    ['monthlyWage', '月工资（元）', 'money'],
    ['filedOn', '申请仲裁之日（计算时效）', 'date'],
    ['limitationRaised', '被申请人已提出时效抗辩', 'bool'],
  ],
  overtime: [
    ['monthlyWage', '加班工资计算基数（月工资，元）', 'money'],
    ['workdayHours', '工作日延长工作时间（小时，150%）', 'text'],
    ['restDayHours', '休息日工作未补休（小时，200%）', 'text'],
    ['holidayHours', '法定休假日工作（小时，300%）', 'text'],
    ['paid', '已支付的加班工资（元）', 'money'],
  ],
  annual_leave: [
    ['monthlyWage', '月工资（前十二个月平均，剔除加班工资，元）', 'money'],
    ['cumulativeYears', '累计工作年限（整年）', 'int'],
    ['year', '年度', 'int'],
    ['employedFrom', '当年入职之日（年中入职的）', 'date'],
    ['employedTo', '当年离职之日（年中离职的）', 'date'],
    ['daysTaken', '当年已休天数', 'int'],
  ],
  notice_pay: [
    ['lastMonthWage', '上一个月工资（元）', 'money'],
    ['noticeGiven', '已提前三十日书面通知', 'bool'],
  ],
};

function calculatorDialog(ui, c, claim, onAccept) {
  const { h, fill, api } = ui;
  const kind = h(
    'select',
    { 'aria-label': '计算器' },
    Object.entries(KINDS).map(([k, v]) => h('option', { value: k }, v)),
  );
  kind.value = KIND_OF_CATEGORY[claim.category] ?? 'economic_compensation';
  const fields = h('div.calc-fields');
  const out = h('div.calc-out', { 'aria-live': 'polite' });
  const print = h('input', { type: 'checkbox', 'aria-label': '在裁决书“本委认为”中印出计算过程' });
  let inputs = [];
  let last = null;
  const layoutFields = () => {
    inputs = FIELDS[kind.value].map(([name, label, type, options]) => {
      const el =
        type === 'select'
          ? h(
              'select',
              { 'data-path': name },
              Object.entries(options).map(([k, v]) => h('option', { value: k }, v)),
            )
          : type === 'lines'
            ? h('textarea', { rows: 3, 'data-path': name })
            : type === 'bool'
              ? h('input', { type: 'checkbox', 'data-path': name })
              : h('input', {
                  type: type === 'date' ? 'date' : 'text',
                  inputmode: type === 'money' || type === 'int' ? 'decimal' : undefined,
                  'data-path': name,
                });
      return { name, type, el, label };
    });
    fill(
      fields,
      inputs.map((i) => h('label.calc-field', h('span', i.label), i.el, h('span.field-error', { 'data-error-for': i.name }))),
    );
    fill(out);
    last = null;
  };
  kind.addEventListener('change', layoutFields);
  layoutFields();
  const body = () => {
    const b = {};
    for (const i of inputs) {
      let v;
      if (i.type === 'bool') v = i.el.checked || undefined;
      else if (i.type === 'lines') {
        const lines = i.el.value
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean);
        v = lines.length ? lines : undefined;
      } else if (i.type === 'int') v = i.el.value.trim() === '' ? undefined : Number(i.el.value.trim());
      else v = i.el.value.trim() || undefined;
      if (v === undefined) continue;
      const [a, b2] = i.name.split('.');
      if (b2) b[a] = { ...(b[a] ?? {}), [b2]: v };
      else b[a] = v;
    }
    // The reference tables (minimum wage, average wage) are looked up by the case's district.
    if (kind.value === 'economic_compensation' || kind.value === 'unlawful_termination') b.district = c.district;
    return b;
  };
  const compute = async () => {
    for (const e of fields.querySelectorAll('[data-error-for]')) e.textContent = '';
    try {
      const input = body();
      const r = await api('POST', `/api/calculators/${kind.value}`, input);
      last = { kind: kind.value, input, result: r };
      fill(
        out,
        h('p.calc-amount', `建议金额：${r.amount} 元`),
        h(
          'ol.calc-steps',
          r.steps.map((s) => h('li', h('span', s.label), '：', s.value, s.basis ? h('span.small.muted', `（${s.basis}）`) : null)),
        ),
        r.readings.length ? h('p.small.muted', `读法：${r.readings.map((x) => x.label).join('；')}`) : null,
        r.warnings.map((w) => h('div.alert.warn.small', { role: 'note' }, w)),
        h('p.small', h('strong', '计算过程（可印入裁决书）：'), r.text),
      );
    } catch (err) {
      last = null;
      for (const e of err.problem?.errors ?? []) {
        const slot =
          fields.querySelector(`[data-error-for="${e.path.split('.')[0]}"]`) ?? fields.querySelector(`[data-error-for="${e.path}"]`);
        if (slot) slot.textContent = e.message;
      }
      fill(out, h('div.alert.bad', { role: 'alert' }, err.message));
    }
  };
  const dlg = h(
    'dialog.calc',
    { 'aria-labelledby': 'calc-title' },
    h(
      'form',
      { method: 'dialog', novalidate: true },
      h('div.dh', h('span', { id: 'calc-title' }, `计算器 · 第${claim.seq}项：${claim.description}`)),
      h('div.db', h('label.calc-field', h('span', '计算'), kind), fields, out),
      h(
        'div.df',
        h('label.check', print, '在裁决书理由中印出计算过程'),
        h('button.btn', { type: 'button', onclick: () => dlg.close() }, '取消'),
        h('button.btn', { type: 'button', onclick: compute }, '计算'),
        h(
          'button.btn.primary',
          {
            type: 'button',
            onclick: () => {
              if (!last) return compute();
              onAccept({ amount: last.result.amount, calculation: { kind: last.kind, input: last.input, print: print.checked } });
              dlg.close();
            },
          },
          '采纳建议金额',
        ),
      ),
    ),
  );
  dlg.addEventListener('close', () => dlg.remove());
  document.body.append(dlg);
  dlg.showModal();
}

/** A button beside an award item's amount that opens the calculator; `onAccept({amount, calculation})`. */
export function calculatorButton(ui, { c, claim, onAccept }) {
  return ui.h(
    'button.btn.small',
    { type: 'button', 'aria-label': `第${claim.seq}项计算器`, onclick: () => calculatorDialog(ui, c, claim, onAccept) },
    '计算器',
  );
}

/** A button that shows the claim's line in `box` (GET /api/cases/:id/claims/:claimId/history). */
export function claimLineButton(ui, c, claim, box) {
  const { h, fill, api, money } = ui;
  const show = async () => {
    fill(box, h('p.muted', '正在加载…'));
    try {
      const l = await api('GET', `/api/cases/${c.id}/claims/${claim.id}/history`);
      const figures = [
        ['请求', money(l.claimed)],
        ...(l.current !== l.claimed ? [['变更后', money(l.current)]] : []),
        ['裁决', l.award ? `${l.award.outcomeLabel} ${money(l.award.amount)}（${l.award.final ? '终局' : '非终局'}）` : '—'],
        ['法院', l.court ? `${l.court.resultLabel}${l.court.amount ? ` ${money(l.court.amount)}` : ''}` : l.challenged ? '审理中' : '—'],
        ['最终确定', l.upheld === null ? '尚未确定' : money(l.upheld)],
      ];
      fill(
        box,
        h(
          'div.claim-line',
          { 'aria-label': `第${claim.seq}项请求的轨迹` },
          h('h3', `第${claim.seq}项 ${l.categoryLabel}：${l.status}`),
          h(
            'dl.claim-figures',
            figures.map(([k, v]) => [h('dt', k), h('dd', v)]),
          ),
          h(
            'ol.timeline',
            l.line.map((e) =>
              h(
                'li',
                { dataset: { stage: e.stage } },
                h('div', h('strong', e.on), ' ', e.text),
                e.amount ? h('div.small.muted', money(e.amount)) : null,
              ),
            ),
          ),
        ),
      );
    } catch (err) {
      fill(box, h('div.alert.bad', { role: 'alert' }, err.message));
    }
  };
  return h('button.btn.small', { type: 'button', onclick: show, 'aria-label': `第${claim.seq}项请求的轨迹` }, '轨迹');
}

const PURPOSES = {
  litigation: '当事人起诉',
  set_aside: '申请撤销仲裁裁决',
  enforcement: '申请强制执行',
  advance_execution: '先予执行裁决移送执行',
  court_request: '人民法院调阅案卷',
};

/** "移送法院材料包" (clerk and chair only — it carries identity numbers): make one, and download the ones made. */
export function courtPackagePanel(ui, c, role) {
  const { h, fill, api, download, guard, keyHolder, chinaDateTime } = ui;
  if (role !== 'clerk' && role !== 'chair') return null;
  // Before acceptance there is nothing to hand to a court (no case number, no documents of the proceedings).
  if (['received', 'pending_supplement', 'review_received'].includes(c.state)) return null;
  const key = keyHolder();
  // Only the purposes the case has an instrument for (the server refuses the others: app/court-package/case-json.ts).
  const pr = c.proceedings ?? {};
  const awards = [...(pr.partialAwards ?? []), ...(c.award ? [c.award] : [])];
  const setAside = pr.setAside?.result === 'set_aside';
  const inEffect = !!c.award && !setAside && (pr.effectiveOn != null || (pr.effectiveFor ?? []).length > 0);
  const has = {
    enforcement:
      c.state !== 'in_litigation' &&
      (['mediation', 'review_confirmed'].includes(c.closure?.mode) || inEffect || ((pr.partialAwards ?? []).length > 0 && !setAside)),
    advance_execution: (pr.advanceExecutions ?? []).length > 0,
    // Reviewer s57 A M5: a worker's final share of a split item is a final part too (fixS57; case-json.ts hasPart).
    set_aside: awards.some((a) => (a.items ?? []).some((i) => i.final || (i.shares ?? []).some((sh) => sh.final))),
    // A suit recorded (on the award, a partial award, a set-aside final part), a rejected application's (LDMAL Art. 29)
    // or the one the hearing was terminated for (Rules Art. 48): app/court-package/case-json.ts litigationBasis.
    litigation:
      (pr.lawsuits ?? []).length > 0 ||
      (pr.setAside?.lawsuits ?? []).length > 0 ||
      (pr.partialAwardRemedies ?? []).some((r) => r.kind === 'lawsuit') ||
      c.closure?.mode === 'rejection' ||
      (c.closure?.mode === 'termination' && c.closure?.ground !== 'other'),
  };
  const purpose = h(
    'select',
    { 'aria-label': '移送事由' },
    Object.entries(PURPOSES)
      .filter(([k]) => has[k] !== false)
      .map(([k, v]) => h('option', { value: k }, v)),
  );
  const court = h('input', { type: 'text', maxlength: 100, placeholder: '受移送法院（可不填）', 'aria-label': '受移送法院' });
  const list = h('div');
  const msg = h('div', { 'aria-live': 'polite' });
  const render = (packages) =>
    fill(
      list,
      packages.length
        ? h(
            'table.t',
            h(
              'tbody',
              packages.map((p) =>
                h(
                  'tr',
                  h('td', PURPOSES[p.purpose] ?? p.purpose, p.court ? h('div.small.muted', p.court) : null),
                  h('td.small', chinaDateTime(p.createdAt), h('div.muted', `${p.documentCount} 份文书 · 密钥 ${p.keyId.slice(0, 8)}`)),
                  h(
                    'td',
                    h(
                      'button.btn.small',
                      {
                        type: 'button',
                        onclick: () =>
                          download(`/api/court-packages/${p.id}`, p.fileName).catch((e) => fill(msg, h('div.alert.bad', e.message))),
                      },
                      '下载 ZIP',
                    ),
                  ),
                ),
              ),
            ),
          )
        : h('div.empty', '尚未生成材料包'),
    );
  const load = () =>
    api('GET', `/api/cases/${c.id}/court-packages`)
      .then(render)
      .catch((e) => fill(list, h('div.alert.bad', e.message)));
  const button = h('button.btn', { type: 'button' }, '生成移送法院材料包');
  // One package per click: the button is busy until the answer, and a retry after a lost answer carries the same key.
  const make = guard(button, async () => {
    fill(msg, h('div.small.muted', { role: 'status' }, '正在生成材料包…'));
    try {
      const p = await api(
        'POST',
        `/api/cases/${c.id}/court-packages`,
        { purpose: purpose.value, ...(court.value.trim() ? { court: court.value.trim() } : {}) },
        { key: key.get() },
      );
      key.done();
      fill(msg, h('div.alert.ok', { role: 'status' }, `已生成材料包（SHA-256 ${p.sha256.slice(0, 16)}…），已记入办理记录`));
      await load();
    } catch (err) {
      key.done(err);
      fill(msg, h('div.alert.bad', { role: 'alert' }, err.message));
    }
  });
  button.addEventListener('click', make);
  load();
  return h(
    'div.panel',
    h('h2', '移送法院材料包'),
    h(
      'p.small.muted',
      'ZIP：案件数据（case.json）、文书 PDF、SHA-256 清单及本委 Ed25519 签名；法院可用 verify-court-package.mjs 离线核验。',
    ),
    list,
    h('div.row.calc-row', purpose, court, button),
    msg,
  );
}
