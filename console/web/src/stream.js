// The duty console's live stream (值班台推送): event ids and replay, a truthful connection indicator, and the notices
// of state changes and escalation steps. main.js's connectStream wires an EventSource through watchStream.
//
// The server numbers every event; the browser's own reconnect sends Last-Event-ID and gets exactly what it missed.
// A stream opened anew (after a refusal) passes the last id as ?lastEventId=. The indicator is 'connecting' until the
// replay is complete ('synced'), 'live' while events or pings keep coming, 'offline' on an error or when no ping came
// for three heartbeats (then the stream is opened anew).
import { h } from './dom.js';
import { t, addTexts, chinaTime } from './i18n.js';

addTexts(
  {
    notices: '推送提醒',
    dismiss: '关闭',
    noticeKinds: { state: '状态变更', escalation: '升级督办', reminder: '提醒' },
    actionsLabel: {
      SIGN_IN: '已签收', FEEDBACK: '已反馈', CLEAR: '已消警', REJECT: '反馈被驳回', SUPERSEDE: '被更高颜色预警替代',
      SUPERVISION_NOTICE: '督办', ONSITE_SUPERVISION: '现场督办', REMINDER: '催办: 请尽快签收', ENFORCEMENT_LISTED: '执法处罚', CIRCULAR_LISTED: '警示通报',
    },
  },
  {
    notices: 'Notices',
    dismiss: 'Dismiss',
    noticeKinds: { state: 'State change', escalation: 'Escalation', reminder: 'Reminder' },
    actionsLabel: {
      SIGN_IN: 'signed in', FEEDBACK: 'feedback in', CLEAR: 'cleared', REJECT: 'feedback rejected', SUPERSEDE: 'superseded',
      SUPERVISION_NOTICE: 'supervision notice', ONSITE_SUPERVISION: 'on-site supervision', REMINDER: 'reminder: please sign in',
      ENFORCEMENT_LISTED: 'enforcement list', CIRCULAR_LISTED: 'warning circular',
    },
  },
);

const MAX_NOTICES = 20;
let lastEventId = null;

/** The stream URL; carries the last id seen when a stream is opened anew (the browser's reconnect sends the header). */
export function streamUrl() {
  return lastEventId == null ? '/api/v1/alerts/stream' : `/api/v1/alerts/stream?lastEventId=${encodeURIComponent(lastEventId)}`;
}

/** True when a warning event is about a warning that is over (cleared or superseded): not to be shown as new. */
export const isClosed = (w) => w.state === 'CLEARED' || w.state === 'SUPERSEDED';

/**
 * Watches an EventSource: remembers ids, sets the indicator (setStatus('connecting' | 'live' | 'offline')), and on
 * state and escalation events calls onState(event) and shows a notice. reopen() is called when the stream went silent.
 */
export function watchStream(source, { setStatus, onState, nameOf, reopen }) {
  let heartbeatMs = 15000;
  let lastSeen = Date.now();
  let synced = false;
  const seen = (e) => {
    lastSeen = Date.now();
    if (e && e.lastEventId) lastEventId = e.lastEventId;
    if (synced) setStatus('live');
  };
  setStatus('connecting');
  source.addEventListener('ready', (e) => {
    synced = false;
    try { heartbeatMs = 1000 * (JSON.parse(e.data).heartbeatSeconds || 15); } catch { /* keep the default */ }
    seen(e);
    setStatus('connecting');
  });
  source.addEventListener('synced', (e) => { synced = true; seen(e); });
  source.addEventListener('ping', seen);
  source.addEventListener('warning', seen);
  for (const kind of ['state', 'escalation', 'reminder']) {
    source.addEventListener(kind, (e) => {
      seen(e);
      const data = JSON.parse(e.data);
      if (kind === 'state' && onState) onState(data);
      showNotice(kind, data, nameOf ? nameOf(data.warningId) : undefined);
    });
  }
  source.addEventListener('error', () => { synced = false; });
  const watchdog = setInterval(() => {
    if (source.readyState === EventSource.CLOSED) { clearInterval(watchdog); return; }
    if (Date.now() - lastSeen > 3 * heartbeatMs) {
      clearInterval(watchdog);
      setStatus('offline');
      source.close();
      reopen();
    }
  }, 1000);
  return () => clearInterval(watchdog);
}

/** Adds a notice to the notice list (kept outside the page, so re-rendering the page does not drop it). */
function showNotice(kind, e, name) {
  let list = document.getElementById('stream-notices');
  if (!list) {
    list = h('aside#stream-notices.stream-notices', { 'aria-live': 'polite' }, h('h3', t('notices')), h('ul'));
    document.body.append(list);
  }
  const ul = list.querySelector('ul');
  const what = t(`actionsLabel.${e.action}`) || e.action;
  const tier = e.targetTier ? ` → ${t(`tiers.${e.targetTier}`)}` : '';
  const item = h(`li.notice.n-${kind}${e.replay ? '.replay' : ''}`,
    { 'data-kind': kind, 'data-action': e.action || '', 'data-warning': e.warningId || '' },
    h('span.kind', t(`noticeKinds.${kind}`)), ' ',
    h('a', { href: `#/warnings/${encodeURIComponent(e.warningId || '')}` }, name || e.warningId || ''), ' ',
    h('strong', what + tier), ' ',
    h('time', e.at ? chinaTime(e.at) : ''),
    h('button.link', { title: t('dismiss'), onclick: () => item.remove() }, '×'));
  ul.prepend(item);
  while (ul.children.length > MAX_NOTICES) ul.lastElementChild.remove();
}
