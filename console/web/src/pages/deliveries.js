// 推送记录: the delivery log of one warning (#/deliveries/<warningId>): every message, attempt and receipt.
import { page } from './registry.js';
import { addTexts } from '../i18n.js';

addTexts({
  deliveries: {
    title: '推送记录', step: '步骤', unit: '单位', person: '接收人', status: '状态', attempts: '尝试与回执',
    markRead: '标记已读', none: '暂无推送记录', back: '返回预警', preview: '推送路由预览',
  },
}, {
  deliveries: {
    title: 'Delivery log', step: 'Step', unit: 'Unit', person: 'Person', status: 'Status', attempts: 'Attempts and receipts',
    markRead: 'Mark read', none: 'No deliveries yet', back: 'Back to the warning', preview: 'Routing preview',
  },
});

page({
  key: 'deliveries',
  path: 'deliveries',
  label: 'deliveries.title',
  visible: () => false, // reached from a warning, not from the navigation
  render: async ({ me, api, t, h, chinaTime, regionName, rerender }, rest) => {
    const warningId = rest[0];
    const list = await api(`/api/v1/alerts/deliveries?warningId=${encodeURIComponent(warningId)}`);
    const ownUnit = me.kind === 'ENTERPRISE' ? me.uscc : me.region;
    const attempt = (a) => h('li', { dataset: { channel: a.channel, outcome: a.outcome } },
      `${chinaTime(a.at)} ${a.channel} ${a.outcome}${a.receipt ? ` (${a.receipt})` : ''}${a.detail ? ` — ${a.detail}` : ''}`);
    const rows = list.map((d) => h('tr', { dataset: { id: d.id, status: d.status, unit: d.unitCode, step: d.step } },
      h('td', d.step), h('td', `${regionName(d.unitCode) || d.unitCode}`), h('td', d.person),
      h('td.status', d.status), h('td', h('ul', d.attempts.map(attempt))),
      h('td', d.unitCode === ownUnit && d.status === 'SENT'
        ? h('button', { onclick: async () => { await api(`/api/v1/alerts/deliveries/${d.id}/read`, { method: 'POST' }); await rerender(); } }, t('deliveries.markRead'))
        : null)));
    return h('section.page#deliveries-page', { 'data-page': 'deliveries' },
      h('h2', `${t('deliveries.title')} · ${warningId}`),
      h('p', h('a', { href: `#/warnings/${encodeURIComponent(warningId)}` }, t('deliveries.back')),
        me.kind === 'REGULATOR' && ['PROVINCE', 'CITY', 'DISTRICT'].includes(me.tier)
          ? [' · ', h('a', { href: `#/routing/${encodeURIComponent(warningId)}` }, t('deliveries.preview'))] : null),
      list.length === 0 ? h('p.muted', t('deliveries.none')) : h('table#delivery-log',
        h('thead', h('tr', ['step', 'unit', 'person', 'status', 'attempts'].map((k) => h('th', t(`deliveries.${k}`))), h('th', ''))),
        h('tbody', rows)));
  },
});
