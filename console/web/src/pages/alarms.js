// Alarm handling (报警处置, issue 7): the enterprise signs in its alarm cases and closes them with a cause (a fixed
// set) and measures; regulators see the cases in their region, filtered by state.
import { page } from './registry.js';
import { addTexts } from '../i18n.js';

const STATES = ['OPEN', 'SIGNED_IN', 'AUTO_RECOVERED', 'CLOSED'];
const CAUSES = ['REAL_HAZARD', 'PROCESS_FLUCTUATION', 'SENSOR_FAULT', 'MAINTENANCE', 'FALSE_ALARM'];

addTexts({
  navAlarms: '报警处置',
  alarmPage: {
    title: '报警处置', all: '全部状态', none: '没有报警', started: '报警时间', point: '点位', severity: '级别',
    state: '状态', due: '签收/反馈时限', signIn: '签收', feedback: '反馈并关闭', cause: '原因', measures: '处置措施',
    evidence: '证据照片（文件名，逗号分隔，可空）', send: '提交', overdue: '已超时',
    states: { OPEN: '待签收', SIGNED_IN: '已签收', AUTO_RECOVERED: '已自行恢复', CLOSED: '已关闭' },
    severities: { CRITICAL: '严重', MAJOR: '重要', MINOR: '一般' },
    causes: { REAL_HAZARD: '真实隐患', PROCESS_FLUCTUATION: '工艺波动', SENSOR_FAULT: '传感器故障', MAINTENANCE: '检修维护', FALSE_ALARM: '误报' },
  },
}, {
  navAlarms: 'Alarms',
  alarmPage: {
    title: 'Alarm handling', all: 'All states', none: 'No alarms', started: 'Started', point: 'Point', severity: 'Severity',
    state: 'State', due: 'Sign-in / feedback due', signIn: 'Sign in', feedback: 'Feedback and close', cause: 'Cause',
    measures: 'Measures taken', evidence: 'Evidence photos (file names, comma-separated, optional)', send: 'Submit',
    overdue: 'overdue',
    states: { OPEN: 'Open', SIGNED_IN: 'Signed in', AUTO_RECOVERED: 'Recovered by itself', CLOSED: 'Closed' },
    severities: { CRITICAL: 'Critical', MAJOR: 'Major', MINOR: 'Minor' },
    causes: { REAL_HAZARD: 'Real hazard', PROCESS_FLUCTUATION: 'Process fluctuation', SENSOR_FAULT: 'Sensor fault', MAINTENANCE: 'Maintenance', FALSE_ALARM: 'False alarm' },
  },
});

function feedbackForm(ctx, alarm) {
  const { h, t, api } = ctx;
  const cause = h('select', { name: 'cause', 'data-field': 'cause' },
    CAUSES.map((c) => h('option', { value: c }, t(`alarmPage.causes.${c}`))));
  const measures = h('textarea', { name: 'measures', 'data-field': 'measures', rows: 2, maxlength: 2000 });
  const evidence = h('input', { name: 'evidence', 'data-field': 'evidence' });
  const error = h('p.error');
  const submit = async (event) => {
    event.preventDefault();
    try {
      await api(`/api/v1/alarms/${encodeURIComponent(alarm.alarmId)}/feedback`, {
        method: 'POST',
        body: {
          cause: cause.value,
          measures: measures.value,
          evidence: evidence.value.split(',').map((s) => s.trim()).filter(Boolean),
        },
      });
      ctx.rerender();
    } catch (e) {
      error.textContent = e.message;
    }
  };
  return h('form.alarm-feedback', { onsubmit: submit, 'data-alarm': alarm.alarmId },
    h('label', t('alarmPage.cause'), ' ', cause), h('label', t('alarmPage.measures'), ' ', measures),
    h('label', t('alarmPage.evidence'), ' ', evidence), h('button', { type: 'submit', 'data-action': 'alarm-feedback' }, t('alarmPage.send')), error);
}

function row(ctx, alarm) {
  const { h, t, api, me, chinaTime } = ctx;
  const now = Date.now();
  const late = (alarm.state === 'OPEN' && Date.parse(alarm.signInDue) < now)
    || (alarm.state !== 'CLOSED' && Date.parse(alarm.feedbackDue) < now);
  const actions = [];
  if (me.kind === 'ENTERPRISE' && alarm.state === 'OPEN') {
    actions.push(h('button', {
      'data-action': 'alarm-sign-in',
      onclick: async () => {
        await api(`/api/v1/alarms/${encodeURIComponent(alarm.alarmId)}/sign-in`, { method: 'POST' });
        ctx.rerender();
      },
    }, t('alarmPage.signIn')));
  }
  if (me.kind === 'ENTERPRISE' && (alarm.state === 'SIGNED_IN' || alarm.state === 'AUTO_RECOVERED')) {
    actions.push(feedbackForm(ctx, alarm));
  }
  return h('tr', { 'data-alarm': alarm.alarmId, 'data-state': alarm.state },
    h('td', chinaTime(alarm.startedAt)),
    me.kind === 'ENTERPRISE' ? null : h('td', alarm.uscc),
    h('td', alarm.pointCode || alarm.collectorCode || ''),
    h('td', t(`alarmPage.severities.${alarm.severity}`)),
    h('td', h(`span.state.a-${alarm.state}`, { 'data-state': alarm.state }, t(`alarmPage.states.${alarm.state}`)),
      late ? h('span.overdue', ` ${t('alarmPage.overdue')}`) : null),
    h('td', `${chinaTime(alarm.signInDue)} / ${chinaTime(alarm.feedbackDue)}`),
    h('td', alarm.description || ''),
    h('td', actions));
}

page({
  key: 'alarms',
  path: 'alarms',
  label: 'navAlarms',
  render: async (ctx, rest) => {
    const { h, t, api, me } = ctx;
    const state = STATES.includes(rest[0]) ? rest[0] : '';
    const list = await api(`/api/v1/alarms${state ? `?state=${state}` : ''}`);
    const filter = h('select#alarm-state', { onchange: (e) => ctx.navigate(`#/alarms/${e.target.value}`) },
      h('option', { value: '' }, t('alarmPage.all')),
      STATES.map((s) => h('option', { value: s, selected: s === state }, t(`alarmPage.states.${s}`))));
    return h('section.alarms',
      h('h2', t('alarmPage.title')),
      filter,
      list.length === 0 ? h('p.muted#alarms-empty', t('alarmPage.none')) : h('table#alarms',
        h('thead', h('tr', h('th', t('alarmPage.started')), me.kind === 'ENTERPRISE' ? null : h('th', 'USCC'),
          h('th', t('alarmPage.point')), h('th', t('alarmPage.severity')), h('th', t('alarmPage.state')), h('th', t('alarmPage.due')),
          h('th', ''), h('th', ''))),
        h('tbody', list.map((a) => row(ctx, a)))));
  },
});
