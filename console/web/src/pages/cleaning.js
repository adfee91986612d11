// Cleaning check-ins (清扫打卡, reference §5): the enterprise's plan, today's check-ins, a check-in with a photo
// (its SHA-256 computed in the browser with SubtleCrypto; the same photo twice is refused by the API) and the
// compliance per China day; regulators see the compliance of every enterprise with a plan in their region.
// API: /api/v1/cleaning/* (ingest-service).
import { page } from './registry.js';
import { addTexts } from '../i18n.js';
import { problemText } from './filings.js';

addTexts({
  navCleaning: '清扫打卡',
  cleaning: {
    title: '粉尘清扫打卡', plan: '清扫计划', noPlan: '尚未制定清扫计划', editPlan: '保存清扫计划',
    areasHelp: '每行一个区域：代码|名称|频次（PER_SHIFT 每班 / DAILY 每日 / WEEKLY 每周）',
    shiftsHelp: '每行一个班次：名称|开始|结束（北京时间，如 白班|08:00|17:00）',
    checkIn: '打卡', area: '区域', method: '清扫方式', person: '清扫人', photo: '现场照片', submit: '提交打卡',
    history: '近 7 日完成情况', date: '日期', planned: '应清扫', done: '已完成', missing: '未完成', compliant: '达标',
    yes: '是', no: '否', open: '进行中', checkIns: '打卡记录', at: '时间', region: '辖区企业今日清扫完成情况', enterprise: '企业',
    none: '暂无', ok: '打卡成功', hashing: '正在计算照片指纹…',
    methods: { VACUUM: '吸尘', WET_SWEEPING: '湿式清扫', MANUAL: '人工清扫' },
    frequencies: { PER_SHIFT: '每班', DAILY: '每日', WEEKLY: '每周' },
  },
}, {
  navCleaning: 'Cleaning check-ins',
  cleaning: {
    title: 'Dust cleaning check-ins', plan: 'Cleaning plan', noPlan: 'No cleaning plan yet', editPlan: 'Save cleaning plan',
    areasHelp: 'One area per line: code|name|frequency (PER_SHIFT / DAILY / WEEKLY)',
    shiftsHelp: 'One shift per line: name|start|end (China time, e.g. Day|08:00|17:00)',
    checkIn: 'Check in', area: 'Area', method: 'Method', person: 'Cleaned by', photo: 'Photo', submit: 'Submit check-in',
    history: 'Last 7 days', date: 'Date', planned: 'Due', done: 'Done', missing: 'Missing', compliant: 'Compliant',
    yes: 'yes', no: 'no', open: 'open', checkIns: 'Check-ins', at: 'At', region: 'Compliance today in your region', enterprise: 'Enterprise',
    none: 'none', ok: 'Checked in', hashing: 'Hashing the photo…',
    methods: { VACUUM: 'Vacuum', WET_SWEEPING: 'Wet sweeping', MANUAL: 'Manual' },
    frequencies: { PER_SHIFT: 'per shift', DAILY: 'daily', WEEKLY: 'weekly' },
  },
});

/** SHA-256 of a file's bytes, lower-case hex (SubtleCrypto; localhost counts as a secure context). */
async function sha256(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The device's position, or the enterprise's registered one when the browser gives none within 3 s. */
function position(profile) {
  const fallback = { latitude: profile?.latitude ?? 0, longitude: profile?.longitude ?? 0 };
  if (!navigator.geolocation) return Promise.resolve(fallback);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), 3000);
    navigator.geolocation.getCurrentPosition(
      (p) => { clearTimeout(timer); resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }); },
      () => { clearTimeout(timer); resolve(fallback); }, { timeout: 3000 });
  });
}

const dayTable = (ctx, days) => {
  const { h, t } = ctx;
  return h('table#cleaning-days', h('thead', h('tr', [t('cleaning.date'), t('cleaning.planned'), t('cleaning.done'),
      t('cleaning.missing'), t('cleaning.compliant')].map((x) => h('th', x)))),
    h('tbody', days.slice().reverse().map((d) => h('tr', { dataset: { date: d.date, done: d.done, planned: d.planned } },
      h('td', d.date), h('td.num', `${d.planned}`), h('td.num', `${d.done}`), h('td', d.missing.join('、') || '—'),
      h('td', d.done === d.planned ? t('cleaning.yes') : d.closed ? h('span.error', t('cleaning.no')) : t('cleaning.open'))))));
};

page({
  key: 'cleaning',
  path: 'cleaning',
  label: 'navCleaning',
  replaces: 'navCleaning',
  visible: (me) => me.kind === 'ENTERPRISE' || me.kind === 'REGULATOR',
  render: async (ctx) => (ctx.me.kind === 'ENTERPRISE' ? enterpriseView(ctx) : regionView(ctx)),
});

async function regionView(ctx) {
  const { api, h, t, regionName } = ctx;
  const rows = await api('/api/v1/cleaning/compliance');
  return h('section.cleaning', h('h2', t('cleaning.region')),
    rows.length ? h('table#cleaning-region', h('thead', h('tr', [t('cleaning.enterprise'), t('cleaning.planned'), t('cleaning.done'),
        t('cleaning.missing')].map((x) => h('th', x)))),
      h('tbody', rows.map((r) => {
        const d = r.days[0] || { planned: 0, done: 0, missing: [] };
        return h('tr', { dataset: { uscc: r.uscc, done: d.done, planned: d.planned } },
          h('td', r.name || r.uscc, h('br'), h('small.muted', r.uscc)), h('td.num', `${d.planned}`), h('td.num', `${d.done}`),
          h('td', d.missing.join('、') || '—'));
      }))) : h('p.muted', t('cleaning.none')));
}

async function enterpriseView(ctx) {
  const { api, h, t, me, chinaTime } = ctx;
  const profile = (await api('/api/v1/registry/enterprises')).find((p) => p.uscc === me.uscc);
  let plan = null;
  try {
    plan = await api('/api/v1/cleaning/plan');
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  const history = await api('/api/v1/cleaning/check-ins');
  const result = h('p.result#cleaning-result');
  const fail = (e) => { result.className = 'result error'; result.textContent = problemText(t, e); };

  const areasText = h('textarea#plan-areas', { rows: 4 }, (plan?.areas || []).map((a) => `${a.areaCode}|${a.name || ''}|${a.frequency}`).join('\n'));
  const shiftsText = h('textarea#plan-shifts', { rows: 2 }, (plan?.shifts || []).map((s) => `${s.name || ''}|${s.start.slice(0, 5)}|${s.end.slice(0, 5)}`).join('\n'));
  const savePlan = async (e) => {
    e.preventDefault();
    const lines = (el) => el.value.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => l.split('|').map((x) => x.trim()));
    try {
      await api('/api/v1/cleaning/plan', { method: 'PUT', body: {
        areas: lines(areasText).map(([areaCode, name, frequency]) => ({ areaCode, name, frequency })),
        shifts: lines(shiftsText).map(([name, start, end]) => ({ name, start, end })) } });
      await ctx.rerender();
    } catch (err) { fail(err); }
  };
  const planForm = h('form#plan-form.card', { onsubmit: savePlan }, h('h3', t('cleaning.plan')),
    plan ? h('ul#plan-list', plan.areas.map((a) => h('li', `${a.areaCode} ${a.name || ''} · ${t(`cleaning.frequencies.${a.frequency}`)}`)))
      : h('p.muted#no-plan', t('cleaning.noPlan')),
    h('label.field', t('cleaning.areasHelp'), areasText), h('label.field', t('cleaning.shiftsHelp'), shiftsText),
    h('button#plan-save', { type: 'submit' }, t('cleaning.editPlan')));

  const area = h('select#checkin-area', (plan?.areas || []).map((a) => h('option', { value: a.areaCode }, `${a.areaCode} ${a.name || ''}`)));
  const method = h('select#checkin-method', ['VACUUM', 'WET_SWEEPING', 'MANUAL'].map((m) => h('option', { value: m }, t(`cleaning.methods.${m}`))));
  const person = h('input#checkin-person', { maxlength: 64 });
  const photo = h('input#checkin-photo', { type: 'file', accept: 'image/*', capture: 'environment' });
  const checkIn = async (e) => {
    e.preventDefault();
    result.className = 'result';
    result.textContent = t('cleaning.hashing');
    try {
      const hashes = photo.files.length ? [await sha256(photo.files[0])] : [];
      const where = await position(profile);
      await api('/api/v1/cleaning/check-ins', { method: 'POST', body: {
        areaCode: area.value, method: method.value, photoHashes: hashes, person: person.value, ...where } });
      await ctx.rerender();
      const after = document.getElementById('cleaning-result');
      if (after) { after.className = 'result ok'; after.textContent = t('cleaning.ok'); }
    } catch (err) { fail(err); }
  };
  const checkInForm = h('form#checkin-form.card', { onsubmit: checkIn }, h('h3', t('cleaning.checkIn')),
    h('label.field', t('cleaning.area'), area), h('label.field', t('cleaning.method'), method),
    h('label.field', t('cleaning.person'), person), h('label.field', t('cleaning.photo'), photo),
    h('button.primary#checkin-submit', { type: 'submit', disabled: !plan }, t('cleaning.submit')));

  return h('section.cleaning', h('h2', t('cleaning.title')),
    h('div.columns', checkInForm, planForm), result,
    h('h3', t('cleaning.history')), history.days.length ? dayTable(ctx, history.days) : h('p.muted', t('cleaning.noPlan')),
    h('h3', t('cleaning.checkIns')),
    h('table#cleaning-checkins', h('thead', h('tr', [t('cleaning.at'), t('cleaning.area'), t('cleaning.method'), t('cleaning.person')].map((x) => h('th', x)))),
      h('tbody', history.checkIns.slice().reverse().map((c) => h('tr', { dataset: { checkIn: c.checkInId } },
        h('td', chinaTime(c.checkedInAt)), h('td', c.areaCode), h('td', t(`cleaning.methods.${c.method}`)), h('td', c.person))))));
}
