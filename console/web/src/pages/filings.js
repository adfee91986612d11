// Filings (报备): an enterprise files stop-production / maintenance / collector-out-of-service windows, withdraws
// or ends them; its town or district approves or rejects them. API: /api/v1/filings (ingest-service).
import { page } from './registry.js';
import { addTexts } from '../i18n.js';

addTexts({
  navFilings: '停产/检修报备',
  filings: {
    title: '停产/检修报备', newFiling: '新建报备', kind: '报备类型', collector: '除尘器', wholeEnterprise: '全厂',
    start: '开始（北京时间）', plannedEnd: '计划结束（北京时间）', reason: '事由', submit: '提交报备', state: '状态', all: '全部',
    window: '时段', decided: '审批', actions: '操作', approve: '审批通过', reject: '驳回', withdraw: '撤回', end: '提前结束',
    remark: '驳回意见', none: '暂无报备', enterprise: '企业', filedBy: '报备人', source: '来源',
    kinds: { STOP_PRODUCTION: '停产', MAINTENANCE: '检修', COLLECTOR_OUT_OF_SERVICE: '除尘器停用' },
    statuses: { SUBMITTED: '待审批', APPROVED: '已通过', REJECTED: '已驳回', WITHDRAWN: '已撤回', ENDED: '已提前结束', EXPIRED: '已过期', REVOKED: '已撤销' },
    sources: { API: '平台', NODE: '市级节点' },
  },
}, {
  navFilings: 'Filings',
  filings: {
    title: 'Stop-production and maintenance filings', newFiling: 'New filing', kind: 'Kind', collector: 'Collector', wholeEnterprise: 'whole enterprise',
    start: 'Start (China time)', plannedEnd: 'Planned end (China time)', reason: 'Reason', submit: 'Submit filing', state: 'State', all: 'all',
    window: 'Window', decided: 'Decision', actions: 'Actions', approve: 'Approve', reject: 'Reject', withdraw: 'Withdraw', end: 'End early',
    remark: 'Rejection remark', none: 'No filings', enterprise: 'Enterprise', filedBy: 'Filed by', source: 'Source',
    kinds: { STOP_PRODUCTION: 'Stop production', MAINTENANCE: 'Maintenance', COLLECTOR_OUT_OF_SERVICE: 'Collector out of service' },
    statuses: { SUBMITTED: 'Submitted', APPROVED: 'Approved', REJECTED: 'Rejected', WITHDRAWN: 'Withdrawn', ENDED: 'Ended early', EXPIRED: 'Expired', REVOKED: 'Revoked' },
    sources: { API: 'platform', NODE: 'city node' },
  },
});

const KINDS = ['STOP_PRODUCTION', 'MAINTENANCE', 'COLLECTOR_OUT_OF_SERVICE'];
const STATES = ['SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'ENDED', 'EXPIRED'];

/** A datetime-local value (read as China time) as ISO-8601 with +08:00; '' stays empty (the API then names it). */
const chinaIso = (local) => (local ? `${local.length === 16 ? `${local}:00` : local}+08:00` : null);

/** Problem → text: the detail and every {field, reason} the API named. */
export function problemText(t, e) {
  const errors = e.problem?.errors || [];
  return `${t('failed')} (${e.status}): ${e.message}` + (errors.length ? ' — ' + errors.map((x) => `${x.field}: ${x.reason}`).join('; ') : '');
}

page({
  key: 'filings',
  path: 'filings',
  label: 'navFilings',
  replaces: 'navFilings',
  visible: (me) => me.kind === 'ENTERPRISE' || me.kind === 'REGULATOR',
  render: async (ctx, rest) => {
    const { me, api, t, h, chinaTime, regionName } = ctx;
    const state = rest[0] && STATES.includes(rest[0]) ? rest[0] : '';
    const filings = await api(`/api/v1/filings${state ? `?state=${state}` : ''}`);
    const decides = me.kind === 'REGULATOR' && (me.tier === 'TOWN' || me.tier === 'DISTRICT');
    const enterprise = me.kind === 'ENTERPRISE';
    const result = h('p.result#filing-result');

    const act = async (f, action, body) => {
      result.className = 'result';
      result.textContent = '…';
      try {
        await api(`/api/v1/filings/${encodeURIComponent(f.filingId)}/${action}`, { method: 'POST', body });
        await ctx.rerender();
      } catch (e) {
        result.className = 'result error';
        result.textContent = problemText(t, e);
      }
    };
    const actions = (f) => {
      const cell = [];
      if (decides && f.status === 'SUBMITTED') {
        const remark = h('input', { name: 'remark', 'data-remark': f.filingId, maxlength: 500, placeholder: t('filings.remark') });
        cell.push(h('button.primary', { 'data-action': 'approve', onclick: () => act(f, 'approve') }, t('filings.approve')), ' ',
          remark, h('button', { 'data-action': 'reject', onclick: () => act(f, 'reject', { remark: remark.value }) }, t('filings.reject')));
      }
      if (enterprise && f.status === 'SUBMITTED') cell.push(h('button', { 'data-action': 'withdraw', onclick: () => act(f, 'withdraw') }, t('filings.withdraw')));
      if (enterprise && f.status === 'APPROVED') cell.push(h('button', { 'data-action': 'end', onclick: () => act(f, 'end') }, t('filings.end')));
      return cell;
    };

    const table = filings.length
      ? h('table#filings', h('thead', h('tr', [enterprise ? null : t('filings.enterprise'), t('filings.kind'), t('filings.window'),
          t('filings.reason'), t('filings.state'), t('filings.decided'), t('filings.actions')].filter(Boolean).map((x) => h('th', x)))),
        h('tbody', filings.map((f) => h('tr', { dataset: { filing: f.filingId, status: f.status } },
          enterprise ? null : h('td', f.uscc, h('br'), h('small.muted', regionName(f.regionCode))),
          h('td', t(`filings.kinds.${f.kind}`), h('br'), h('small.muted', f.collectorCode || t('filings.wholeEnterprise'))),
          h('td', chinaTime(f.start), h('br'), '→ ', chinaTime(f.plannedEnd)),
          h('td', f.reason, h('br'), h('small.muted', `${t('filings.filedBy')} ${f.filedBy} · ${t(`filings.sources.${f.source}`)}`)),
          h('td', h(`span.state.s-${f.status}`, { 'data-state': f.status }, t(`filings.statuses.${f.status}`))),
          h('td', f.decidedBy ? `${f.decidedBy} (${t(`tiers.${f.decidedTier}`)}) ${chinaTime(f.decidedAt)}` : '—',
            f.remark ? h('div.muted', f.remark) : null),
          h('td', actions(f))))))
      : h('p.muted#filings-none', t('filings.none'));

    const filter = h('div.filters', h('label', `${t('filings.state')} `,
      h('select#filing-state', { onchange: (e) => ctx.navigate(`#/filings${e.target.value ? `/${e.target.value}` : ''}`) },
        h('option', { value: '' }, t('filings.all')),
        STATES.map((s) => h('option', { value: s, selected: s === state }, t(`filings.statuses.${s}`))))));

    return h('section.filings', h('h2', t('filings.title')), enterprise ? await fileForm(ctx, result) : null, filter, result, table);
  },
});

async function fileForm(ctx, result) {
  const { me, api, t, h } = ctx;
  const profile = (await api('/api/v1/registry/enterprises')).find((p) => p.uscc === me.uscc);
  const kind = h('select#filing-kind', { name: 'kind' }, KINDS.map((k) => h('option', { value: k }, t(`filings.kinds.${k}`))));
  const collector = h('select#filing-collector', { name: 'collectorCode' }, h('option', { value: '' }, t('filings.wholeEnterprise')),
    (profile?.collectors || []).map((c) => h('option', { value: c.code }, c.code)));
  const start = h('input#filing-start', { type: 'datetime-local', name: 'start' });
  const end = h('input#filing-end', { type: 'datetime-local', name: 'plannedEnd' });
  const reason = h('textarea#filing-reason', { name: 'reason', rows: 2, maxlength: 500 });
  const submit = async (e) => {
    e.preventDefault();
    result.className = 'result';
    result.textContent = '…';
    try {
      await api('/api/v1/filings', { method: 'POST', body: {
        kind: kind.value, collectorCode: collector.value || null, start: chinaIso(start.value), plannedEnd: chinaIso(end.value),
        reason: reason.value } });
      await ctx.rerender();
    } catch (err) {
      result.className = 'result error';
      result.textContent = problemText(t, err);
    }
  };
  return h('form#filing-form.card', { onsubmit: submit },
    h('h3', t('filings.newFiling')),
    h('label.field', t('filings.kind'), kind), h('label.field', t('filings.collector'), collector),
    h('label.field', t('filings.start'), start), h('label.field', t('filings.plannedEnd'), end),
    h('label.field', t('filings.reason'), reason),
    h('button.primary#filing-submit', { type: 'submit' }, t('filings.submit')));
}
