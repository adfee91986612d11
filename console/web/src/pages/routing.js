// 推送路由: the routing table as data (district, city, province), its changes and the preview of a warning's recipients.
import { page } from './registry.js';
import { addTexts } from '../i18n.js';

addTexts({
  navRouting: '推送路由',
  routing: {
    title: '推送路由表', region: '适用区域', everywhere: '全部区域', kind: '事件', colour: '颜色', units: '推送单位',
    version: '版本', changedBy: '修改人', reason: '依据', change: '修改规则', save: '保存新版本', saved: '已保存新版本',
    preview: '预览推送对象', warningId: '预警编号', show: '预览', why: '依据规则', onDuty: '当前值班', gap: '值班空档',
    held: '暂缓推送', deliveries: '推送记录',
    kinds: { WARNING: '预警', ESCALATION: '升级督办', ALARM_OVERDUE: '报警超时' },
    tierNames: { ENTERPRISE: '企业', TOWN: '镇街', DISTRICT: '区县', CITY: '市', PROVINCE: '省', TARGET: '督办对象层级' },
  },
}, {
  navRouting: 'Routing',
  routing: {
    title: 'Routing table', region: 'Region', everywhere: 'every region', kind: 'Event', colour: 'Colour', units: 'Units told',
    version: 'Version', changedBy: 'Changed by', reason: 'Reason', change: 'Change a rule', save: 'Save new version',
    saved: 'New version saved', preview: 'Preview recipients', warningId: 'Warning id', show: 'Preview', why: 'Rule',
    onDuty: 'On duty now', gap: 'roster gap', held: 'held', deliveries: 'Delivery log',
    kinds: { WARNING: 'Warning', ESCALATION: 'Escalation step', ALARM_OVERDUE: 'Alarm overdue' },
    tierNames: { ENTERPRISE: 'Enterprise', TOWN: 'Town', DISTRICT: 'District', CITY: 'City', PROVINCE: 'Province', TARGET: 'target tier' },
  },
});

const TIERS = ['ENTERPRISE', 'TOWN', 'DISTRICT', 'CITY', 'PROVINCE', 'TARGET'];
const KINDS = ['WARNING', 'ESCALATION', 'ALARM_OVERDUE'];
const COLOURS = ['BLUE', 'YELLOW', 'ORANGE', 'RED', 'ANY'];

page({
  key: 'routing',
  path: 'routing',
  label: 'navRouting',
  visible: (me) => me.kind === 'REGULATOR' && ['PROVINCE', 'CITY', 'DISTRICT'].includes(me.tier),
  render: async ({ api, t, h, badge, regionName, rerender }, rest) => {
    const rules = await api('/api/v1/alerts/routing');
    const tierList = (tiers) => tiers.map((x) => t(`routing.tierNames.${x}`)).join('、');
    const table = h('table.routing#routing-rules',
      h('thead', h('tr', ['region', 'kind', 'colour', 'units', 'version', 'changedBy', 'reason'].map((k) => h('th', t(`routing.${k}`))))),
      h('tbody', rules.map((r) => h('tr', { dataset: { kind: r.kind, colour: r.colour, region: r.regionCode || '*' } },
        h('td', r.regionCode ? regionName(r.regionCode) : t('routing.everywhere')),
        h('td', t(`routing.kinds.${r.kind}`)),
        h('td', r.colour === 'ANY' ? '—' : badge(r.colour)),
        h('td.units', tierList(r.recipientTiers)),
        h('td', `v${r.version}`), h('td', r.changedBy), h('td', r.reason)))));

    const message = h('p.message#routing-message');
    const kind = h('select#rule-kind', KINDS.map((k) => h('option', { value: k }, t(`routing.kinds.${k}`))));
    const colour = h('select#rule-colour', COLOURS.map((c) => h('option', { value: c }, c)));
    const boxes = TIERS.map((x) => h('label', h('input', { type: 'checkbox', value: x, 'data-tier': x }), t(`routing.tierNames.${x}`)));
    const reason = h('input#rule-reason', { placeholder: t('routing.reason') });
    const form = h('form#rule-form', {
      onsubmit: async (e) => {
        e.preventDefault();
        const recipientTiers = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
        try {
          await api(`/api/v1/alerts/routing/${kind.value}/${colour.value}`, { method: 'PUT', body: { recipientTiers, reason: reason.value } });
          message.textContent = t('routing.saved');
          await rerender();
        } catch (err) {
          message.textContent = err.problem?.detail || String(err.status);
        }
      },
    }, h('h3', t('routing.change')), kind, colour, boxes, reason, h('button', { type: 'submit' }, t('routing.save')));

    const result = h('div#routing-preview');
    const warningId = h('input#preview-warning', { placeholder: t('routing.warningId'), value: rest[0] || '' });
    const showPreview = async () => {
      if (!warningId.value) return;
      try {
        const p = await api(`/api/v1/alerts/routing/preview?warningId=${encodeURIComponent(warningId.value)}`);
        result.replaceChildren(
          h('p', badge(p.colour), ` ${p.enterpriseName || p.uscc} · ${regionName(p.regionCode)} · ${p.routingVersion}`,
            p.held ? h('strong.held', ` ${t('routing.held')}: ${p.held}`) : null),
          h('table#preview-recipients', h('tbody', p.recipients.map((r) => h('tr', { dataset: { unit: r.unitCode, tier: r.tier } },
            h('td', t(`routing.tierNames.${r.tier}`)), h('td', r.unitName || r.unitCode),
            h('td', r.onDuty.join('、'), r.rosterGap ? h('small.gap', ` (${t('routing.gap')})`) : null),
            h('td.why', r.why))))),
          h('a', { href: `#/deliveries/${encodeURIComponent(p.warningId)}` }, t('routing.deliveries')));
      } catch (err) {
        result.replaceChildren(h('p.error', err.problem?.detail || String(err.status)));
      }
    };
    const previewForm = h('form#preview-form', { onsubmit: (e) => { e.preventDefault(); showPreview(); } },
      h('h3', t('routing.preview')), warningId, h('button', { type: 'submit' }, t('routing.show')));
    if (rest[0]) showPreview();
    return h('section.page#routing-page', { 'data-page': 'routing' }, h('h2', t('routing.title')), table, form, message, previewForm, result);
  },
});
