// The duty console (值班台): one page, hash routes, plain DOM. Data only from the gateway (same origin).
import { t, lang, toggleLang, regionName, towns, chinaTime } from './i18n.js';
import { api, session, logout, setSessionEndedHandler, ProblemError } from './api.js';
import { drawReadings } from './chart.js';
import { h, badge, stateBadge } from './dom.js';
import { pages, pageFor } from './pages/registry.js';
import './pages/index.js';
import { streamUrl, watchStream, isClosed } from './stream.js';

const app = document.getElementById('app');
const state = {
  me: null,
  warnings: new Map(),       // warningId → list item (GET /api/v1/warnings shape)
  factors: new Map(),        // warningId → factors from the stream's Warning event
  fresh: new Set(),          // ids that arrived on the stream (highlighted)
  superseded: new Map(),     // warningId → id of the higher warning that replaced it (from the stream)
  escalations: new Map(),    // warningId → its escalation rungs (GET /api/v1/warnings/{id}/escalations)
  filters: { colour: '', state: '', region: '' },
  stream: 'connecting',
  source: null,
  redBanner: null,
};
const COLOURS = ['RED', 'ORANGE', 'YELLOW', 'BLUE'];
const STATES = ['ISSUED', 'SIGNED_IN', 'FEEDBACK_SUBMITTED', 'CLEARED', 'SUPERSEDED'];
const TIER_RANK = { PROVINCE: 0, CITY: 1, DISTRICT: 2, TOWN: 3, ENTERPRISE: 4 };
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const OPEN_STATES = new Set(['ISSUED', 'SIGNED_IN', 'FEEDBACK_SUBMITTED']);
const CAUSES = ['REAL_HAZARD', 'PROCESS_FLUCTUATION', 'SENSOR_FAULT', 'MAINTENANCE', 'FALSE_ALARM'];


// ---- session, login page -------------------------------------------------------------------------

setSessionEndedHandler(() => showLogin('ended'));

async function start() {
  document.documentElement.lang = lang();
  let me;
  try {
    me = await session();
  } catch (e) {
    app.replaceChildren(h('p.error', e.message));
    return;
  }
  if (!me) {
    const params = new URLSearchParams(location.search);
    showLogin(sessionStorage.getItem('dw-was-in') ? 'ended' : params.has('logged-out') ? 'out' : params.has('login-error') ? 'error' : 'new');
    return;
  }
  sessionStorage.setItem('dw-was-in', '1');
  if (location.search) history.replaceState(null, '', '/' + location.hash);
  state.me = me;
  connectStream();
  await loadWarnings();
  window.addEventListener('hashchange', route);
  setInterval(tick, 1000);
  setInterval(() => loadWarnings().then(() => { if (currentRoute().name === 'duty') route(); }), 30000);
  route();
}

function showLogin(why) {
  state.ended = true;
  if (state.source) { state.source.close(); state.source = null; }
  sessionStorage.removeItem('dw-was-in');
  const message = { ended: t('sessionEndedHint'), out: t('loggedOut'), error: t('loginError'), new: t('loginHint') }[why];
  app.replaceChildren(h('div.login', { 'data-page': why === 'ended' ? 'session-ended' : 'login' },
    h('h1', t('title')), h('p.sub', t('subtitle')),
    h('h2', why === 'ended' ? t('sessionEnded') : t('login')),
    h('p', message),
    h('a.button.primary#login', { href: '/oauth2/authorization/keycloak' }, t('loginButton')),
    h('p', h('a.link', { href: '#', onclick: (e) => { e.preventDefault(); toggleLang(); showLogin(why); } }, t('lang')))));
}

// ---- live stream ---------------------------------------------------------------------------------

function connectStream() {
  const source = new EventSource(streamUrl());
  state.source = source;
  watchStream(source, {
    setStatus: setStream,
    onState: onStateEvent,
    nameOf: (id) => state.warnings.get(id)?.enterpriseName,
    reopen: () => { if (state.source === source && !state.ended) connectStream(); },
  });
  source.addEventListener('warning', (e) => onWarningEvent(JSON.parse(e.data)));
  source.onerror = async () => {
    setStream('offline');
    // the browser retries an interrupted stream by itself; a refused one (CLOSED) is retried here,
    // unless the session has ended (then the login page)
    const me = await session().catch(() => undefined);
    if (me === null) { showLogin('ended'); return; }
    if (source.readyState === EventSource.CLOSED) setTimeout(() => { if (state.source === source) connectStream(); }, 3000);
  };
}

function setStream(status) {
  state.stream = status;
  const el = document.getElementById('stream');
  if (el) { el.className = `stream ${status}`; el.textContent = t(status); el.dataset.status = status; }
}

/**
 * Keeps what is known of a warning. A warning the stream said was superseded (a higher colour replaced it)
 * stays SUPERSEDED even when an answer of the disposal service that predates the supersession says otherwise.
 */
function remember(item) {
  const merged = { ...state.warnings.get(item.warningId), ...item };
  if (state.superseded.has(item.warningId)) {
    merged.state = 'SUPERSEDED';
    merged.supersededBy = state.superseded.get(item.warningId);
  }
  state.warnings.set(item.warningId, merged);
  return merged;
}

async function onWarningEvent(w) {
  if (w.factors) state.factors.set(w.warningId, w.factors);
  remember({ state: 'ISSUED', ...state.warnings.get(w.warningId), ...w });
  // a warning replayed after a reconnect carries its current state: one cleared meanwhile is not new
  if (!isClosed(w)) state.fresh.add(w.warningId);
  if (w.supersedes) {
    // the lower warning is replaced by this one: it leaves the open list at once (its deadlines no longer run)
    state.superseded.set(w.supersedes, w.warningId);
    state.fresh.delete(w.supersedes);
    if (state.warnings.has(w.supersedes)) remember({ warningId: w.supersedes });
  }
  if (w.colour === 'RED' && !isClosed(w)) redAlert(w);
  if (currentRoute().name === 'duty') route();
  try {
    remember(await api(`/api/v1/warnings/${encodeURIComponent(w.warningId)}`));
  } catch { /* the list item from the stream is shown until the next refresh */ }
  await loadEscalations([w.warningId]);
  if (currentRoute().name === 'duty') route();
}

/** The escalation rungs of these warnings (open ones only; a closed warning's ladder no longer moves). */
async function loadEscalations(ids) {
  await Promise.all(ids.map(async (id) => {
    try {
      const rungs = await api(`/api/v1/warnings/${encodeURIComponent(id)}/escalations`);
      state.escalations.set(id, Array.isArray(rungs) ? rungs : []);
    } catch { /* no badge until the next refresh */ }
  }));
}

// a lifecycle step from the stream (sign-in, feedback, clearing…): the list shows the new state at once
function onStateEvent(e) {
  const known = state.warnings.get(e.warningId);
  if (known && e.toState) remember({ ...known, state: e.toState });
  if (isClosed({ state: e.toState })) state.fresh.delete(e.warningId);
  if (currentRoute().name === 'duty') route();
}

function redAlert(w) {
  try {
    const audio = new AudioContext();
    [0, 0.35, 0.7].forEach((at) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + at);
      osc.stop(audio.currentTime + at + 0.2);
    });
  } catch { /* no sound device: the banner still shows */ }
  state.redBanner = `${t('redAlert')} ${w.enterpriseName || w.uscc} — ${w.reason || ''}`;
  document.body.classList.add('red-flash');
  setTimeout(() => document.body.classList.remove('red-flash'), 6000);
}

async function loadWarnings() {
  const items = await api('/api/v1/warnings');
  const list = Array.isArray(items) ? items : items.items || [];
  for (const item of list) remember(item);
  await loadEscalations(list.filter((w) => OPEN_STATES.has(w.state) && !state.superseded.has(w.warningId)).slice(0, 100).map((w) => w.warningId));
}

// ---- layout and routes ---------------------------------------------------------------------------

function currentRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'warnings' && parts[1]) return { name: 'warning', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'enterprises' && parts[1]) return { name: 'enterprise', uscc: decodeURIComponent(parts[1]) };
  if (parts[0] === 'region') return { name: 'region' };
  const feature = pageFor(parts[0]);
  if (feature) return { name: feature.key, page: feature, rest: parts.slice(1).map(decodeURIComponent) };
  return { name: 'duty' };
}

function layout(content, active) {
  const me = state.me;
  const nav = me.kind === 'ENTERPRISE'
    ? [['duty', '#/duty', t('navDuty')], ['enterprise', `#/enterprises/${me.uscc}`, t('navMine')]]
    : [['duty', '#/duty', t('navDuty')], ['region', '#/region', t('navRegion')]];
  const added = pages(me);
  const replaced = new Set(added.map((p) => p.replaces).filter(Boolean));
  const later = ['navCleaning', 'navFilings', 'navSupervision'].filter((key) => !replaced.has(key)).map(t);
  return h('div.shell',
    h('header',
      h('div.brand', h('strong', t('title')), h('span.sub', t('subtitle'))),
      h(`span#stream.stream.${state.stream}`, { 'data-status': state.stream }, t(state.stream)),
      h('span.user#user', `${me.username} · ${t(`tiers.${me.tier}`)} · ${regionName(me.region)}`),
      h('button.link#lang', { onclick: () => { toggleLang(); route(); } }, t('lang')),
      h('button#logout', { onclick: logout }, t('logout'))),
    state.redBanner ? h('div.red-banner#red-banner', { onclick: () => { state.redBanner = null; route(); } }, state.redBanner) : null,
    h('nav',
      nav.map(([key, href, label]) => h(`a${key === active ? '.active' : ''}`, { href, 'data-nav': key }, label)),
      added.map((p) => h(`a${p.key === active ? '.active' : ''}`, { href: `#/${p.path}`, 'data-nav': p.key }, t(p.label))),
      later.map((label) => h('span.later', { title: t('soon') }, label, h('small', ` (${t('soon')})`)))),
    h('main', content));
}

async function route() {
  const r = currentRoute();
  const show = (content, active) => { if (!state.ended) app.replaceChildren(layout(content, active)); };
  if (state.ended) return;
  try {
    if (r.name === 'warning') show(await warningPage(r.id), 'duty');
    else if (r.name === 'enterprise') show(await enterprisePage(r.uscc), state.me.kind === 'ENTERPRISE' ? 'enterprise' : 'region');
    else if (r.name === 'region') show(await regionPage(), 'region');
    else if (r.page) show(await r.page.render(pageContext(), r.rest), r.page.key);
    else show(dutyPage(), 'duty');
  } catch (e) {
    if (e instanceof ProblemError && e.status === 401) return;
    show(h('p.error', `${e.status ? `${e.status} ` : ''}${e.message}`), r.name);
  }
  tick();
}

/** What a feature page gets to work with (pages/registry.js). */
function pageContext() {
  return {
    me: state.me, api, t, h, badge, stateBadge, chinaTime, regionName, towns,
    rerender: route,
    navigate: (hash) => { location.hash = hash; },
  };
}

// ---- on duty (值班) --------------------------------------------------------------------------------

function nextDeadline(w) {
  return { ISSUED: w.signInDeadline, SIGNED_IN: w.feedbackDeadline, FEEDBACK_SUBMITTED: w.clearDeadline }[w.state];
}

function countdown(w) {
  const deadline = nextDeadline(w);
  if (!deadline) return h('span.muted', '—');
  return h('span.countdown', { dataset: { deadline } }, '');
}

function tick() {
  const now = Date.now();
  document.querySelectorAll('[data-deadline]').forEach((el) => {
    const ms = Date.parse(el.dataset.deadline) - now;
    const abs = Math.abs(ms);
    const hms = `${Math.floor(abs / 3600000)}:${String(Math.floor(abs / 60000) % 60).padStart(2, '0')}:${String(Math.floor(abs / 1000) % 60).padStart(2, '0')}`;
    el.textContent = ms >= 0 ? `${t('remaining')} ${hms}` : `${t('overdue')} ${hms}`;
    el.classList.toggle('late', ms < 0);
    el.title = chinaTime(el.dataset.deadline);
  });
}

/** The step an escalation rung takes (督办, 现场督办, 执法, 通报): texts escalationSteps.<rule>. */
const STEP_ORDER = ['SIGN_IN_OVERDUE', 'FEEDBACK_OVERDUE', 'VERIFY_OVERDUE', 'CLEAR_OVERDUE', 'ENFORCEMENT', 'CIRCULAR'];

function escalationBadge(rung, withTime) {
  return h(`span.esc.esc-${rung.state}`, { 'data-escalation': rung.rule, 'data-escalation-state': rung.state,
    title: `${t(`escalationRules.${rung.rule}`)} · ${t(`escalationStates.${rung.state}`)} · ${chinaTime(rung.state === 'FIRED' ? rung.decidedAt : rung.dueAt)}` },
  t(`escalationSteps.${rung.rule}`), rung.state === 'PENDING' ? h('small', ` ${t('escalationStates.PENDING')}`) : null,
  withTime ? h('small', ` ${chinaTime(rung.state === 'FIRED' ? rung.decidedAt : rung.dueAt)}`) : null);
}

/** The duty list's badge cell: every fired step (督办, 现场督办, …), else the next pending one, muted. */
function escalationCell(w) {
  const rungs = state.escalations.get(w.warningId) || [];
  const fired = rungs.filter((r) => r.state === 'FIRED');
  const next = rungs.filter((r) => r.state === 'PENDING').sort((a, b) => String(a.dueAt).localeCompare(String(b.dueAt)))[0];
  const shown = fired.length ? fired : next && OPEN_STATES.has(w.state) ? [next] : [];
  return h('td.escalations', { 'data-escalations': String(fired.length) },
    shown.map((r) => escalationBadge(r, false)), w.overdue ? h('span.escalated', t('overdue')) : null);
}

function dutyPage() {
  const f = state.filters;
  const list = [...state.warnings.values()]
    .filter((w) => (!f.colour || w.colour === f.colour) && (!f.state || w.state === f.state) && (!f.region || w.regionCode === f.region))
    .sort((a, b) => String(b.issuedAt).localeCompare(String(a.issuedAt)));
  const select = (key, values, label) => h('label', label, ' ',
    h(`select#filter-${key}`, { onchange: (e) => { f[key] = e.target.value; route(); } },
      h('option', { value: '' }, t('all')),
      values.map(([v, text]) => h('option', { value: v, selected: f[key] === v }, text))));
  return h('section',
    h('div.filters',
      select('colour', COLOURS.map((c) => [c, t(`colours.${c}`)]), t('colour')),
      select('state', STATES.map((s) => [s, t(`states.${s}`)]), t('state')),
      select('region', towns().filter((c) => c.startsWith(state.me.region)).map((c) => [c, regionName(c)]), t('town'))),
    list.length === 0 ? h('p.empty#no-warnings', t('noWarnings')) :
      h('table.warnings#warnings',
        h('thead', h('tr', [t('colour'), t('enterprise'), t('town'), t('issuedAt'), t('deadline'), t('state'), t('escalation'), t('reason'), ''].map((x) => h('th', x)))),
        h('tbody', list.map((w) => h(`tr${state.fresh.has(w.warningId) ? '.fresh' : ''}.row-${w.colour}${w.state === 'SUPERSEDED' ? '.superseded' : ''}`,
          { 'data-warning': w.warningId, 'data-uscc': w.uscc, 'data-state': w.state, 'data-colour': w.colour },
          h('td', badge(w.colour)),
          h('td', w.enterpriseName || w.uscc),
          h('td', regionName(w.regionCode)),
          h('td', chinaTime(w.issuedAt)),
          h('td', nextDeadline(w) ? [h('small.muted', t(`deadlineOf.${w.state}`) + ' '), countdown(w)] : '—'),
          h('td', stateBadge(w.state), w.supersededBy ? h('a.link.superseded-by', { href: `#/warnings/${encodeURIComponent(w.supersededBy)}` }, ` → ${t('supersededBy')}`) : null),
          escalationCell(w),
          h('td.reason', w.reason || ''),
          h('td', h('a.button', { href: `#/warnings/${encodeURIComponent(w.warningId)}` }, t('open'))))))));
}

// ---- warning detail --------------------------------------------------------------------------------

async function warningPage(id) {
  state.fresh.delete(id);
  const w = remember(await api(`/api/v1/warnings/${encodeURIComponent(id)}`));
  const [status, rungs] = await Promise.all([enterpriseStatus(w.uscc),
    api(`/api/v1/warnings/${encodeURIComponent(id)}/escalations`).catch(() => null)]);
  if (rungs) state.escalations.set(id, rungs);
  const risk = status?.assessment ?? null;
  const factors = state.factors.get(id) || risk?.factors || [];
  const timeline = w.timeline || [];
  const given = Array.isArray(w.feedback) ? w.feedback[w.feedback.length - 1] : null;
  const note = timeline.filter((e) => e.action === 'FEEDBACK').pop()?.note;
  const feedback = given ? `${t(`causes.${given.cause}`)}：${given.measures}${given.evidence?.length ? ` (${t('evidence')} ${given.evidence.length})` : ''}` : note;
  return h('section.detail#warning-detail', { 'data-state': w.state },
    h('p', h('a.link', { href: '#/duty' }, `← ${t('back')}`)),
    h('h2', badge(w.colour), ' ', w.enterpriseName || w.uscc, ' ', stateBadge(w.state), w.overdue ? h('span.escalated', t('overdue')) : null,
      status ? onlineBadge(status) : null),
    w.supersededBy ? h('p.superseded-by', t('supersededBy'), ' ', h('a.link', { href: `#/warnings/${encodeURIComponent(w.supersededBy)}` }, w.supersededBy)) : null,
    h('dl.facts',
      h('dt', t('uscc')), h('dd', h('a.link', { href: `#/enterprises/${w.uscc}` }, w.uscc)),
      h('dt', t('town')), h('dd', regionName(w.regionCode)),
      h('dt', t('issuedAt')), h('dd', chinaTime(w.issuedAt)),
      h('dt', t('reason')), h('dd', w.reason || ''),
      h('dt', t('deadline')), h('dd', nextDeadline(w) ? [t(`deadlineOf.${w.state}`), ' ', chinaTime(nextDeadline(w)), ' ', countdown(w)] : '—')),
    h('div.columns',
      h('div',
        h('h3', t('factors')),
        factors.length ? h('table', h('tbody', factors.map((f) => h('tr', h('td', f.detail || f.code), h('td.num', `${f.points}`))))) : h('p.muted', '—'),
        risk ? h('p.muted', `${t('alarms')}: `, badge(risk.colour), ` ${t('inherent')} ${risk.inherentLevel ?? ''} (${Math.round(risk.inherentScore ?? 0)}) · ${t('dynamic')} ${Math.round(risk.dynamicScore ?? 0)}`) : null,
        h('h3', t('openAlarms')),
        openAlarmsTable(status),
        h('h3', t('escalation')),
        escalationList(rungs),
        h('h3', t('feedback')),
        feedback ? h('p#feedback', feedback) : h('p.muted', t('noFeedback'))),
      h('div', h('h3', t('actions')), actionsFor(w))),
    h('h3', t('timeline')),
    h('table#timeline', h('thead', h('tr', [t('at'), t('action'), t('actor'), t('state'), t('note')].map((x) => h('th', x)))),
      h('tbody', timeline.map((e) => h('tr', { 'data-action': e.action },
        h('td', chinaTime(e.at)), h('td', t(`actionLabels.${e.action}`)), h('td', `${e.actor || ''} (${t(`tiers.${e.actorTier}`)})`),
        h('td', e.toState ? t(`states.${e.toState}`) : ''), h('td', e.note || ''))))));
}

/** The enterprise's whole picture (risk-engine status: assessment, open alarms, online), or null. */
async function enterpriseStatus(uscc) {
  const status = await api(`/api/v1/risk/enterprises/${encodeURIComponent(uscc)}/status`).catch(() => null);
  if (status) return status;
  const assessment = await api(`/api/v1/risk/enterprises/${encodeURIComponent(uscc)}`).catch(() => null);
  return assessment ? { uscc, assessment, openAlarms: null, online: null } : null;
}

function onlineBadge(status) {
  if (status.online == null) return h('span.online.unknown#online', { 'data-online': 'unknown' }, t('onlineUnknown'));
  const gateways = (status.gateways || []).map((g) => `${g.gatewayCode}: ${g.online ? t('online') : t('offlineStatus')} (${chinaTime(g.lastSeen)})`).join('\n');
  return h(`span.online.${status.online ? 'on' : 'off'}#online`, { 'data-online': String(status.online), title: gateways },
    status.online ? t('online') : t('offlineStatus'));
}

function openAlarmsTable(status) {
  if (!status || status.openAlarms == null) return h('p.muted#open-alarms', { 'data-count': 'unknown' }, t('unknown'));
  if (!status.openAlarms.length) return h('p.muted#open-alarms', { 'data-count': '0' }, t('noOpenAlarms'));
  return h('table#open-alarms', { 'data-count': String(status.openAlarms.length) },
    h('thead', h('tr', [t('alarmRule'), t('point'), t('severity'), t('since')].map((x) => h('th', x)))),
    h('tbody', status.openAlarms.map((a) => h('tr', { 'data-rule': a.rule },
      h('td', a.description || a.rule), h('td', a.pointCode || ''), h('td', t(`severities.${a.severity}`)), h('td', chinaTime(a.since))))));
}

function escalationList(rungs) {
  if (!rungs) return h('p.muted#escalations', t('unknown'));
  if (!rungs.length) return h('p.muted#escalations', t('noEscalations'));
  const sorted = [...rungs].sort((a, b) => STEP_ORDER.indexOf(a.rule) - STEP_ORDER.indexOf(b.rule));
  return h('table#escalations', h('tbody', sorted.map((r) => h(`tr.esc-row-${r.state}`, { 'data-rule': r.rule, 'data-escalation-state': r.state },
    h('td', escalationBadge(r, false)), h('td', t(`escalationRules.${r.rule}`)), h('td', t(`escalationStates.${r.state}`)),
    h('td', chinaTime(r.state === 'PENDING' ? r.dueAt : r.decidedAt))))));
}

function actionsFor(w) {
  const me = state.me;
  const result = h('p.result#action-result');
  const run = async (path, body) => {
    result.className = 'result';
    result.textContent = '…';
    try {
      await api(`/api/v1/warnings/${encodeURIComponent(w.warningId)}/${path}`, { method: 'POST', body });
      result.textContent = t('done');
      await route();
    } catch (e) {
      result.className = 'result error';
      const errors = e.problem?.errors || e.problem?.invalidParams || [];
      result.textContent = `${t('failed')} (${e.status}): ${e.message}` + (Array.isArray(errors) && errors.length ? ' — ' + errors.map((x) => `${x.field || x.name}: ${x.reason || x.message}`).join('; ') : '');
    }
  };
  const field = (name, label, max, multiline) => {
    const input = h(multiline ? 'textarea' : 'input', { id: `f-${name}`, name, maxlength: max, required: true, rows: multiline ? 3 : null });
    return { input, row: h('label.field', label, input, h('small.err', { id: `err-${name}` })) };
  };
  const validate = (fields) => fields.every(({ input, required, max }) => {
    const err = document.getElementById(`err-${input.name}`);
    const v = input.value;
    const msg = required && !v.trim() ? t('required') : v.length > max ? t('tooLong').replace('{n}', max) : CONTROL.test(v) ? t('controlChars') : '';
    err.textContent = msg;
    return !msg;
  });
  if (me.kind === 'ENTERPRISE' && w.state === 'ISSUED') {
    return h('div', h('button.primary#do-sign-in', { onclick: () => run('sign-in') }, t('signIn')), result);
  }
  if (me.kind === 'ENTERPRISE' && w.state === 'SIGNED_IN') {
    // the API's rules: cause one of the five categories, measures required ≤ 4000, at most 20 evidence references ≤ 500 each
    const cause = h('select#f-cause', { name: 'cause', required: true }, h('option', { value: '' }, t('choose')),
      CAUSES.map((c) => h('option', { value: c }, t(`causes.${c}`))));
    const causeRow = h('label.field', t('cause'), cause, h('small.err', { id: 'err-cause' }));
    const measures = field('measures', t('measures'), 4000, true);
    const evidence = field('evidence', t('evidenceHint'), 20 * 501, true);
    evidence.input.required = false;
    const evidenceOk = () => {
      const items = evidence.input.value.split('\n').map((x) => x.trim()).filter(Boolean);
      const msg = items.length > 20 ? t('tooMany').replace('{n}', 20) : items.some((x) => x.length > 500) ? t('tooLong').replace('{n}', 500) : CONTROL.test(evidence.input.value.replace(/\n/g, '')) ? t('controlChars') : '';
      document.getElementById('err-evidence').textContent = msg;
      return msg ? null : items;
    };
    return h('form#feedback-form', { novalidate: true, onsubmit: (e) => { e.preventDefault();
      document.getElementById('err-cause').textContent = cause.value ? '' : t('required');
      const measuresOk = validate([{ input: measures.input, required: true, max: 4000 }]);
      const items = evidenceOk();
      if (cause.value && measuresOk && items) run('feedback', { cause: cause.value, measures: measures.input.value.trim(), evidence: items }); } },
      causeRow, measures.row, evidence.row, h('button.primary#do-feedback', { type: 'submit' }, t('submitFeedback')), result);
  }
  if (me.kind === 'REGULATOR' && w.state === 'FEEDBACK_SUBMITTED' && TIER_RANK[me.tier] <= TIER_RANK[w.verifyingTier ?? 'TOWN']) {
    const remark = field('remark', t('remark'), 2000, true);
    const go = (path) => { if (validate([{ input: remark.input, required: false, max: 2000 }])) run(path, { remark: remark.input.value.trim() }); };
    return h('form#verify-form', { onsubmit: (e) => e.preventDefault() }, remark.row,
      h('button.primary#do-clear', { type: 'button', onclick: () => go('clear') }, t('clear')), ' ',
      h('button#do-reject', { type: 'button', onclick: () => go('reject') }, t('reject')), result);
  }
  return h('p.muted#no-actions', t('noActions'));
}

// ---- region overview -------------------------------------------------------------------------------

async function regionPage() {
  const enterprises = await api('/api/v1/registry/enterprises').catch(() => []);
  const list = Array.isArray(enterprises) ? enterprises : enterprises.items || [];
  const statuses = await Promise.all(list.map((e) => enterpriseStatus(e.uscc)));
  const open = [...state.warnings.values()].filter((w) => OPEN_STATES.has(w.state) && !state.superseded.has(w.warningId));
  const counts = Object.fromEntries(COLOURS.map((c) => [c, open.filter((w) => w.colour === c).length]));
  const rows = list.map((e, i) => {
    const a = statuses[i]?.assessment;
    return { ...e, assessed: a != null, colour: a?.colour, score: a?.inherentScore, level: a?.inherentLevel,
      online: statuses[i]?.online, alarms: statuses[i]?.openAlarms?.length };
  });
  return h('section#region',
    h('h2', `${regionName(state.me.region)} — ${t('counts')}`),
    h('div.counts', COLOURS.map((c) => h(`div.count.c-${c}`, { 'data-count': c }, h('strong', String(counts[c])), h('span', t(`colours.${c}`))))),
    h('h3', t('map')),
    regionMap(rows),
    h('h3', t('enterprises')),
    h('table#enterprises', h('thead', h('tr', [t('enterprise'), t('town'), t('currentColour'), t('onlineStatus'), t('openAlarms'), t('score'), t('dustType')].map((x) => h('th', x)))),
      h('tbody', rows.map((e) => h('tr', { 'data-uscc': e.uscc, 'data-online': e.online == null ? 'unknown' : String(e.online) },
        h('td', h('a.link', { href: `#/enterprises/${e.uscc}` }, e.name || e.uscc)), h('td', regionName(e.regionCode)),
        h('td', e.assessed ? badge(e.colour) : h('span.muted', t('unknown'))),
        h('td', e.online == null ? h('span.muted', t('onlineUnknown')) : h(`span.online.${e.online ? 'on' : 'off'}`, e.online ? t('online') : t('offlineStatus'))),
        h('td.num', e.alarms == null ? '—' : String(e.alarms)),
        h('td.num', e.score == null ? '—' : `${e.level} (${Math.round(e.score)})`), h('td', t(`dust.${e.dustType}`)))))));
}

/**
 * Enterprises by current colour on a schematic of the user's towns: placed by the registry's longitude and
 * latitude (an equirectangular sketch of their bounding box, no tiles) when the enterprises have them, else
 * grouped per town. An offline enterprise's dot is hollow.
 */
function regionMap(rows) {
  const dot = (e, style) => h(`a.dot.c-${e.colour || 'NONE'}${e.online === false ? '.offline' : ''}`, {
    href: `#/enterprises/${e.uscc}`, style, 'data-uscc': e.uscc, 'data-online': e.online == null ? 'unknown' : String(e.online),
    title: `${e.name} · ${e.colour ? t(`colours.${e.colour}`) : t('noColour')} · ${e.online == null ? t('onlineUnknown') : e.online ? t('online') : t('offlineStatus')}` },
  (e.name || e.uscc).slice(0, 2));
  const placed = rows.filter((e) => Number.isFinite(e.longitude) && Number.isFinite(e.latitude));
  if (!placed.length) {
    const byTown = {};
    rows.forEach((e) => (byTown[e.regionCode] ??= []).push(e));
    return h('div.schematic#map', { 'data-placed': '0' }, Object.keys(byTown).sort().map((town) => h('div.town', h('h4', regionName(town)),
      h('div.dots', byTown[town].map((e) => dot(e, null))))));
  }
  const lons = placed.map((e) => e.longitude);
  const lats = placed.map((e) => e.latitude);
  const pad = 0.004;
  const [west, east, south, north] = [Math.min(...lons) - pad, Math.max(...lons) + pad, Math.min(...lats) - pad, Math.max(...lats) + pad];
  const x = (lon) => ((lon - west) / (east - west)) * 100;
  const y = (lat) => ((north - lat) / (north - south)) * 100;
  const byTown = {};
  placed.forEach((e) => (byTown[e.regionCode] ??= []).push(e));
  const labels = Object.entries(byTown).map(([town, es]) => {
    const lon = es.reduce((sum, e) => sum + e.longitude, 0) / es.length;
    const lat = Math.max(...es.map((e) => e.latitude));
    return h('span.map-town', { style: `left:${x(lon).toFixed(2)}%;top:${y(lat).toFixed(2)}%` }, regionName(town));
  });
  const unplaced = rows.filter((e) => !placed.includes(e));
  return h('div',
    h('div.geo-map#map', { 'data-placed': String(placed.length) }, labels,
      placed.map((e) => dot(e, `left:${x(e.longitude).toFixed(2)}%;top:${y(e.latitude).toFixed(2)}%`)),
      h('span.map-note', `${t('mapNote')} ${west.toFixed(3)}–${east.toFixed(3)}°E, ${south.toFixed(3)}–${north.toFixed(3)}°N`)),
    unplaced.length ? h('p.muted', `${t('notPlaced')}: `, unplaced.map((e) => e.name || e.uscc).join('、')) : null);
}

// ---- enterprise detail -----------------------------------------------------------------------------

async function enterprisePage(uscc) {
  const [enterprises, risk, readings] = await Promise.all([
    api('/api/v1/registry/enterprises').catch(() => []),
    api(`/api/v1/risk/enterprises/${encodeURIComponent(uscc)}`).catch(() => null),
    api(`/api/v1/readings?uscc=${encodeURIComponent(uscc)}&limit=1000`).catch(() => [])]);
  const profile = (Array.isArray(enterprises) ? enterprises : enterprises.items || []).find((e) => e.uscc === uscc) || { uscc };
  const chart = h('div.chart#chart');
  const section = h('section#enterprise',
    h('h2', profile.name || uscc, ' ', risk ? badge(risk.colour) : null),
    h('dl.facts',
      h('dt', t('uscc')), h('dd', uscc),
      h('dt', t('town')), h('dd', regionName(profile.regionCode)),
      h('dt', t('dustType')), h('dd', t(`dust.${profile.dustType}`)),
      h('dt', t('collectors')), h('dd', (profile.collectors || []).map((c) => `${c.code} ${c.type}`).join(', ') || '—')),
    h('h3', t('chart')), chart,
    h('h3', t('factors')),
    risk?.factors?.length ? h('table', h('tbody', risk.factors.map((f) => h('tr', h('td', f.detail || f.code), h('td.num', `${f.points}`))))) : h('p.muted', '—'));
  setTimeout(() => drawReadings(chart, Array.isArray(readings) ? readings : readings.items || [], { t, chinaTime }), 0);
  return section;
}

start();
