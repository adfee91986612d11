// 值班表: the duty roster of the user's own unit, who is on duty now, and its editing (as JSON).
import { page } from './registry.js';
import { addTexts } from '../i18n.js';

addTexts({
  navRosters: '值班表',
  rosters: {
    title: '值班表', unit: '单位', onDuty: '当前值班', gap: '值班空档：由默认联系人接收', defaultContact: '默认联系人',
    staff: '值班人员', shifts: '班次', holidays: '节假日', substitutes: '代班', phone: '电话', email: '邮箱',
    weekday: '每周', date: '日期', none: '尚未设置值班表', edit: '编辑 (JSON)', save: '保存', saved: '已保存',
    weekdays: ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  },
}, {
  navRosters: 'Duty roster',
  rosters: {
    title: 'Duty roster', unit: 'Unit', onDuty: 'On duty now', gap: 'roster gap: the default contact receives',
    defaultContact: 'Default contact', staff: 'Staff', shifts: 'Shifts', holidays: 'Holidays', substitutes: 'Substitutes',
    phone: 'Phone', email: 'E-mail', weekday: 'weekly', date: 'date', none: 'No roster yet', edit: 'Edit (JSON)',
    save: 'Save', saved: 'Saved', weekdays: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
});

page({
  key: 'rosters',
  path: 'rosters',
  label: 'navRosters',
  visible: (me) => me.kind === 'REGULATOR' || me.kind === 'ENTERPRISE',
  render: async ({ me, api, t, h, chinaTime, regionName, rerender }) => {
    const unit = me.kind === 'ENTERPRISE' ? me.uscc : me.region;
    const roster = await api(`/api/v1/alerts/rosters/${unit}`).catch((e) => (e.status === 404 ? null : Promise.reject(e)));
    const duty = await api(`/api/v1/alerts/rosters/${unit}/on-duty`).catch(() => null);
    const person = (c) => `${c.name}${c.phone ? ` · ${c.phone}` : ''}${c.email ? ` · ${c.email}` : ''}`;
    const parts = [h('h2', t('rosters.title')), h('p', `${t('rosters.unit')}: ${roster?.name || regionName(unit) || unit} (${unit})`)];
    if (duty) {
      parts.push(h('p#on-duty', { 'data-gap': String(duty.gap) }, `${t('rosters.onDuty')}: `,
        duty.contacts.map((c) => c.name).join('、'), duty.gap ? h('strong.gap', ` — ${t('rosters.gap')}`) : null));
    }
    if (!roster) {
      parts.push(h('p.muted', t('rosters.none')));
    } else {
      parts.push(
        h('p#default-contact', `${t('rosters.defaultContact')}: ${person(roster.defaultContact)}`),
        h('h3', t('rosters.staff')),
        h('table#roster-staff', h('tbody', roster.staff.map((c) => h('tr', { dataset: { staff: c.staffId } },
          h('td', c.name), h('td', c.phone || ''), h('td', c.email || ''))))),
        h('h3', t('rosters.shifts')),
        h('table#roster-shifts', h('tbody', roster.shifts.map((s) => h('tr',
          h('td', roster.staff.find((c) => c.staffId === s.staffId)?.name || s.staffId),
          h('td', s.weekday ? `${t('rosters.weekday')} ${t('rosters.weekdays')[s.weekday]}` : s.onDate),
          h('td', `${s.starts.slice(0, 5)}–${s.ends.slice(0, 5)}`))))),
        h('h3', t('rosters.holidays')),
        h('ul#roster-holidays', roster.holidays.map((d) => h('li', `${d.date} ${d.name}`))),
        h('h3', t('rosters.substitutes')),
        h('ul#roster-substitutes', roster.substitutes.map((s) => h('li', `${s.substituteId} ⇄ ${s.staffId}: ${chinaTime(s.from)} – ${chinaTime(s.to)}`))));
    }
    const editor = h('textarea#roster-json', { rows: 16, cols: 90 }, JSON.stringify(roster ? {
      name: roster.name, defaultContact: roster.defaultContact, webhookUrl: roster.webhookUrl, staff: roster.staff,
      shifts: roster.shifts, holidays: roster.holidays, substitutes: roster.substitutes,
    } : { name: regionName(unit) || unit, defaultContact: { staffId: 'default', name: '', phone: '', email: '' }, staff: [], shifts: [], holidays: [], substitutes: [] }, null, 2));
    const message = h('p.message#roster-message');
    parts.push(h('details', h('summary', t('rosters.edit')), editor,
      h('button#roster-save', {
        onclick: async () => {
          try {
            await api(`/api/v1/alerts/rosters/${unit}`, { method: 'PUT', body: JSON.parse(editor.value) });
            message.textContent = t('rosters.saved');
            await rerender();
          } catch (err) {
            message.textContent = err.problem?.detail || err.message;
          }
        },
      }, t('rosters.save')), message));
    return h('section.page#rosters-page', { 'data-page': 'rosters' }, parts);
  },
});
