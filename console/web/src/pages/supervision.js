// Supervision (监管考核, issue 7): for regulators, the metrics and ranking of a month at a chosen level, the xlsx
// download, the enforcement list and escalation steps, the monthly circular PDF, and online patrols (线上巡查).
import { page } from './registry.js';
import { addTexts } from '../i18n.js';

const LEVELS = ['TOWN', 'ENTERPRISE', 'DISTRICT', 'CITY'];
const RATES = ['accessRate', 'onlineRate', 'alarmDisposalRate', 'onTimeClearanceRate', 'cleaningCheckInRate', 'validDataRate',
  'warningSignInRate', 'verificationRate'];
const RESULTS = ['NORMAL', 'ISSUE_FOUND', 'UNREACHABLE'];

addTexts({
  navSup: '督办考核',
  sup: {
    title: '监管考核', month: '月份', level: '层级', show: '查询', xlsx: '下载排名 (xlsx)', circular: '月度警示通报 (PDF)',
    rank: '排名', unit: '单位', score: '综合得分', overdue: '超期未消警', none: '本期没有数据',
    levels: { TOWN: '乡镇/街道', ENTERPRISE: '企业', DISTRICT: '区县', CITY: '市' },
    rates: { accessRate: '接入率', onlineRate: '在线率', alarmDisposalRate: '报警处置率', onTimeClearanceRate: '按时消警率',
      cleaningCheckInRate: '清扫打卡率', validDataRate: '数据有效率', warningSignInRate: '预警签收率', verificationRate: '核查率' },
    escalations: '督办与执法', enforcementOnly: '只看执法检查名单', firedAt: '时间', rule: '步骤', warning: '预警',
    rules: { SIGN_IN_OVERDUE: '签收超时督办', FEEDBACK_OVERDUE: '反馈超时督办', VERIFY_OVERDUE: '核查超时督办',
      CLEAR_OVERDUE: '现场督办', ENFORCEMENT: '执法检查名单', CIRCULAR: '警示通报' },
    noSteps: '没有督办记录',
    patrols: '线上巡查', draw: '抽查', size: '抽取企业数', patrolId: '巡查编号', result: '结果', remark: '备注', save: '记录',
    results: { NORMAL: '正常', ISSUE_FOUND: '发现问题', UNREACHABLE: '无法核实' },
  },
}, {
  navSup: 'Supervision',
  sup: {
    title: 'Supervision', month: 'Month', level: 'Level', show: 'Show', xlsx: 'Download ranking (xlsx)',
    circular: 'Monthly warning circular (PDF)', rank: 'Rank', unit: 'Unit', score: 'Score', overdue: 'Overdue', none: 'No data for this period',
    levels: { TOWN: 'Town', ENTERPRISE: 'Enterprise', DISTRICT: 'District', CITY: 'City' },
    rates: { accessRate: 'Access', onlineRate: 'Online', alarmDisposalRate: 'Alarm disposal', onTimeClearanceRate: 'On-time clearance',
      cleaningCheckInRate: 'Cleaning check-in', validDataRate: 'Valid data', warningSignInRate: 'Warning sign-in', verificationRate: 'Verification' },
    escalations: 'Supervision notices and enforcement', enforcementOnly: 'Enforcement list only', firedAt: 'When', rule: 'Step',
    warning: 'Warning',
    rules: { SIGN_IN_OVERDUE: 'Sign-in overdue notice', FEEDBACK_OVERDUE: 'Feedback overdue notice', VERIFY_OVERDUE: 'Verification overdue notice',
      CLEAR_OVERDUE: 'On-site supervision', ENFORCEMENT: 'Enforcement list', CIRCULAR: 'Warning circular' },
    noSteps: 'No supervision steps',
    patrols: 'Online patrol', draw: 'Draw', size: 'Enterprises to draw', patrolId: 'Patrol', result: 'Result', remark: 'Remark', save: 'Record',
    results: { NORMAL: 'Normal', ISSUE_FOUND: 'Issue found', UNREACHABLE: 'Unreachable' },
  },
});

const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7); // China time
const pct = (v) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
let lastPatrol = null; // the patrol drawn on this page, kept while the page is re-rendered

function rankingTable(ctx, ranked, level) {
  const { h, t, regionName } = ctx;
  if (ranked.length === 0) return h('p.muted#ranking-empty', t('sup.none'));
  return h('table#ranking',
    h('thead', h('tr', h('th', t('sup.rank')), h('th', t('sup.unit')), h('th', t('sup.score')),
      RATES.map((r) => h('th', t(`sup.rates.${r}`))), h('th', t('sup.overdue')))),
    h('tbody', ranked.map((m, i) => h('tr', { 'data-unit': m.unit },
      h('td', String(i + 1)),
      h('td', level === 'ENTERPRISE' ? (m.name || m.unit) : regionName(m.unit) || m.unit),
      h('td.score', m.score == null ? '—' : m.score.toFixed(2)),
      RATES.map((r) => h('td', pct(m[r]))),
      h('td', String(Object.values(m.overdueByColour || {}).reduce((a, b) => a + b, 0)))))));
}

function escalationTable(ctx, steps) {
  const { h, t, chinaTime } = ctx;
  if (steps.length === 0) return h('p.muted#escalations-empty', t('sup.noSteps'));
  return h('table#escalations',
    h('thead', h('tr', h('th', t('sup.firedAt')), h('th', t('sup.rule')), h('th', 'USCC'), h('th', t('sup.warning')))),
    h('tbody', steps.map((s) => h('tr', { 'data-rule': s.rule },
      h('td', chinaTime(s.firedAt)), h('td', t(`sup.rules.${s.rule}`)), h('td', s.enterpriseName || s.uscc),
      h('td', h('a', { href: `#/warnings/${encodeURIComponent(s.warningId)}` }, s.colour || s.warningId))))));
}

function patrolSection(ctx) {
  const { h, t, api } = ctx;
  const size = h('input#patrol-size', { type: 'number', min: 1, max: 50, value: 3 });
  const error = h('p.error');
  const draw = async () => {
    try {
      lastPatrol = await api(`/api/v1/supervision/patrols?size=${encodeURIComponent(size.value)}`, { method: 'POST' });
      ctx.rerender();
    } catch (e) { error.textContent = e.message; }
  };
  const items = (lastPatrol || []).map((item) => {
    const result = h('select', { 'data-field': 'result' }, RESULTS.map((r) => h('option', { value: r, selected: r === item.result }, t(`sup.results.${r}`))));
    const remark = h('input', { 'data-field': 'remark', value: item.remark || '' });
    const save = async () => {
      try {
        lastPatrol = await api(`/api/v1/supervision/patrols/${encodeURIComponent(item.patrolId)}/items/${encodeURIComponent(item.uscc)}`,
          { method: 'POST', body: { result: result.value, remark: remark.value } });
        ctx.rerender();
      } catch (e) { error.textContent = e.message; }
    };
    return h('tr', { 'data-uscc': item.uscc }, h('td', item.uscc), h('td', result), h('td', remark),
      h('td', h('button', { onclick: save, 'data-action': 'patrol-save' }, t('sup.save'))),
      h('td', item.result ? t(`sup.results.${item.result}`) : ''));
  });
  return h('section.patrols',
    h('h3', t('sup.patrols')),
    h('label', t('sup.size'), ' ', size), h('button#patrol-draw', { onclick: draw }, t('sup.draw')),
    lastPatrol && lastPatrol.length ? h('p', `${t('sup.patrolId')}: ${lastPatrol[0].patrolId}`) : null,
    items.length ? h('table#patrol', h('tbody', items)) : null,
    error);
}

page({
  key: 'supervision',
  path: 'supervision',
  label: 'navSup',
  replaces: 'navSupervision',
  visible: (me) => me.kind === 'REGULATOR',
  render: async (ctx, rest) => {
    const { h, t, api } = ctx;
    const month = /^\d{4}-\d{2}$/.test(rest[0] || '') ? rest[0] : thisMonth();
    const level = LEVELS.includes(rest[1]) ? rest[1] : 'TOWN';
    const enforcementOnly = rest[2] === 'enforcement';
    const [ranked, steps] = await Promise.all([
      api(`/api/v1/supervision/rankings?period=${month}&level=${level}`),
      api(`/api/v1/escalations?limit=100${enforcementOnly ? '&action=ENFORCEMENT_LISTED' : ''}`),
    ]);
    const monthInput = h('input#sup-month', { type: 'month', value: month });
    const levelSelect = h('select#sup-level', LEVELS.map((l) => h('option', { value: l, selected: l === level }, t(`sup.levels.${l}`))));
    const go = (enforcement) => ctx.navigate(`#/supervision/${monthInput.value || month}/${levelSelect.value}${enforcement ? '/enforcement' : ''}`);
    const only = h('input#sup-enforcement', { type: 'checkbox', checked: enforcementOnly, onchange: (e) => go(e.target.checked) });
    return h('section.supervision',
      h('h2', t('sup.title')),
      h('div.filters', h('label', t('sup.month'), ' ', monthInput), h('label', t('sup.level'), ' ', levelSelect),
        h('button#sup-show', { onclick: () => go(enforcementOnly) }, t('sup.show')),
        h('a#sup-xlsx', { href: `/api/v1/supervision/rankings.xlsx?period=${month}&level=${level}`, download: `rankings-${month}.xlsx` }, t('sup.xlsx')),
        h('a#sup-circular', { href: `/api/v1/circulars/${month}.pdf`, target: '_blank' }, t('sup.circular'))),
      rankingTable(ctx, ranked, level),
      h('h3', t('sup.escalations')),
      h('label', only, ' ', t('sup.enforcementOnly')),
      escalationTable(ctx, steps),
      patrolSection(ctx));
  },
});
