// Texts of the console, zh-CN first (the default), English as the toggle. Keys are plain names.
const zh = {
  title: '粉尘涉爆预警值班台', subtitle: '工贸行业粉尘涉爆企业安全生产风险监测预警系统',
  login: '登录', loginHint: '请使用统一身份认证账号登录。', loginButton: '通过统一身份认证登录',
  sessionEnded: '会话已结束', sessionEndedHint: '登录已过期或已在其他位置退出，请重新登录。',
  loggedOut: '您已安全退出。', loginError: '登录未成功，请重试。', logout: '退出',
  navDuty: '值班', navRegion: '区域概览', navEnterprises: '企业', navMine: '本企业',
  navCleaning: '清灰打卡', navFilings: '备案', navSupervision: '督办', soon: '即将上线',
  live: '实时连接', offline: '连接中断，正在重连…', connecting: '正在连接…',
  colour: '颜色', state: '状态', region: '区域', all: '全部', enterprise: '企业', town: '乡镇/街道',
  issuedAt: '发布时间', deadline: '时限', reason: '原因', actions: '操作', open: '查看',
  noWarnings: '暂无预警', overdue: '已超时', remaining: '剩余', deadlineOf: { ISSUED: '签收时限', SIGNED_IN: '反馈时限', FEEDBACK_SUBMITTED: '消警时限' },
  colours: { RED: '红色', ORANGE: '橙色', YELLOW: '黄色', BLUE: '蓝色' },
  states: { ISSUED: '待签收', SIGNED_IN: '已签收', FEEDBACK_SUBMITTED: '已反馈', CLEARED: '已消警', SUPERSEDED: '已升级替代' },
  tiers: { PROVINCE: '省级', CITY: '市级', DISTRICT: '区县', TOWN: '乡镇', ENTERPRISE: '企业', SYSTEM: '系统' },
  redAlert: '红色预警！', newWarning: '新预警',
  detail: '预警详情', factors: '风险因素', points: '分值', timeline: '处置记录', feedback: '企业反馈',
  alarms: '当前风险评估', action: '动作', actor: '操作人', at: '时间', note: '说明', noFeedback: '尚无反馈',
  signIn: '签收', submitFeedback: '提交反馈', clear: '消警', reject: '驳回',
  cause: '原因类别', measures: '整改措施', remark: '核查意见', required: '必填', tooLong: '过长（最多 {n} 字）',
  controlChars: '不能包含控制字符', done: '已完成', failed: '操作失败',
  noActions: '当前状态下您没有可执行的操作。', back: '返回',
  counts: '各颜色预警数（未消警）', enterprises: '企业列表', currentColour: '当前颜色', score: '固有风险',
  uscc: '统一社会信用代码', dustType: '粉尘类型', collectors: '除尘器', chart: '监测曲线', threshold: '报警阈值',
  noReadings: '暂无数据', map: '示意图', unknown: '未评估', actionLabels: { ISSUE: '发布', SIGN_IN: '签收', FEEDBACK: '反馈', CLEAR: '消警', REJECT: '驳回', SUPERSEDE: '升级替代', ESCALATE: '督办' },
  loading: '加载中…', lang: 'English', noColour: '无预警', inherent: '固有风险', dynamic: '动态分',
  escalation: '督办', supersededBy: '已被更高颜色预警替代', openAlarms: '未结束报警', noOpenAlarms: '无未结束报警',
  alarmRule: '报警', point: '监测点', severity: '级别', since: '开始时间', severities: { CRITICAL: '重大', MAJOR: '较大', MINOR: '一般' },
  online: '在线', offlineStatus: '离线', onlineUnknown: '在线状态未知', onlineStatus: '在线状态', noEscalations: '无督办步骤',
  escalationSteps: { SIGN_IN_OVERDUE: '督办', FEEDBACK_OVERDUE: '督办', VERIFY_OVERDUE: '督办', CLEAR_OVERDUE: '现场督办', ENFORCEMENT: '执法检查', CIRCULAR: '警示通报' },
  escalationRules: { SIGN_IN_OVERDUE: '签收超时 → 督办', FEEDBACK_OVERDUE: '反馈超时 → 督办', VERIFY_OVERDUE: '核查超时 → 督办', CLEAR_OVERDUE: '超期未消警 → 现场督办', ENFORCEMENT: '严重超期 → 执法检查名单', CIRCULAR: '超期未消警 → 月度警示通报' },
  escalationStates: { PENDING: '待触发', FIRED: '已触发', MOOT: '未触发（按时）' },
  mapNote: '按登记经纬度示意（无底图）', notPlaced: '未登记经纬度',
  causes: { REAL_HAZARD: '真实隐患', PROCESS_FLUCTUATION: '工艺波动', SENSOR_FAULT: '传感器故障', MAINTENANCE: '检修维护', FALSE_ALARM: '误报' },
  choose: '请选择', evidence: '佐证', evidenceHint: '佐证材料（每行一项，可选，最多 20 项）', tooMany: '过多（最多 {n} 项）',
  dust: { WOOD: '木质粉尘', AL_MG: '铝镁粉尘', OTHER_METAL: '其他金属粉尘', GRAIN: '粮食粉尘', PLASTIC: '塑料粉尘', TEXTILE: '纺织粉尘', undefined: '' },
};
const en = {
  title: 'Dust-explosion duty console', subtitle: 'Risk monitoring and early warning for dust-explosion enterprises',
  login: 'Sign in', loginHint: 'Sign in with your dustwatch account.', loginButton: 'Sign in',
  sessionEnded: 'Session ended', sessionEndedHint: 'Your sign-in expired or was ended elsewhere. Please sign in again.',
  loggedOut: 'You have signed out.', loginError: 'Sign-in failed, please try again.', logout: 'Sign out',
  navDuty: 'On duty', navRegion: 'Region', navEnterprises: 'Enterprises', navMine: 'My enterprise',
  navCleaning: 'Cleaning check-ins', navFilings: 'Filings', navSupervision: 'Supervision', soon: 'coming soon',
  live: 'Live', offline: 'Stream down, reconnecting…', connecting: 'Connecting…',
  colour: 'Colour', state: 'State', region: 'Region', all: 'All', enterprise: 'Enterprise', town: 'Town',
  issuedAt: 'Issued', deadline: 'Deadline', reason: 'Reason', actions: 'Actions', open: 'Open',
  noWarnings: 'No warnings', overdue: 'Overdue', remaining: 'left', deadlineOf: { ISSUED: 'sign-in by', SIGNED_IN: 'feedback by', FEEDBACK_SUBMITTED: 'clear by' },
  colours: { RED: 'Red', ORANGE: 'Orange', YELLOW: 'Yellow', BLUE: 'Blue' },
  states: { ISSUED: 'Issued', SIGNED_IN: 'Signed in', FEEDBACK_SUBMITTED: 'Feedback in', CLEARED: 'Cleared', SUPERSEDED: 'Superseded' },
  tiers: { PROVINCE: 'Province', CITY: 'City', DISTRICT: 'District', TOWN: 'Town', ENTERPRISE: 'Enterprise', SYSTEM: 'System' },
  redAlert: 'RED warning!', newWarning: 'New warning',
  detail: 'Warning', factors: 'Risk factors', points: 'Points', timeline: 'Timeline', feedback: 'Enterprise feedback',
  alarms: 'Current assessment', action: 'Action', actor: 'By', at: 'At', note: 'Note', noFeedback: 'No feedback yet',
  signIn: 'Sign in', submitFeedback: 'Submit feedback', clear: 'Clear', reject: 'Reject',
  cause: 'Cause', measures: 'Measures taken', remark: 'Remark', required: 'required', tooLong: 'too long (at most {n})',
  controlChars: 'must not contain control characters', done: 'Done', failed: 'Failed',
  noActions: 'No action is open to you in this state.', back: 'Back',
  counts: 'Open warnings by colour', enterprises: 'Enterprises', currentColour: 'Current colour', score: 'Inherent risk',
  uscc: 'USCC', dustType: 'Dust', collectors: 'Collectors', chart: 'Readings', threshold: 'alarm threshold',
  noReadings: 'No readings', map: 'Schematic', unknown: 'not assessed', actionLabels: { ISSUE: 'Issued', SIGN_IN: 'Signed in', FEEDBACK: 'Feedback', CLEAR: 'Cleared', REJECT: 'Rejected', SUPERSEDE: 'Superseded', ESCALATE: 'Escalated' },
  loading: 'Loading…', lang: '中文', noColour: 'No warning', inherent: 'Inherent', dynamic: 'dynamic',
  escalation: 'Escalation', supersededBy: 'Superseded by a higher warning', openAlarms: 'Open alarms', noOpenAlarms: 'No open alarm',
  alarmRule: 'Alarm', point: 'Point', severity: 'Severity', since: 'Since', severities: { CRITICAL: 'Critical', MAJOR: 'Major', MINOR: 'Minor' },
  online: 'Online', offlineStatus: 'Offline', onlineUnknown: 'Online status unknown', onlineStatus: 'Online', noEscalations: 'No escalation step',
  escalationSteps: { SIGN_IN_OVERDUE: 'Notice', FEEDBACK_OVERDUE: 'Notice', VERIFY_OVERDUE: 'Notice', CLEAR_OVERDUE: 'On-site', ENFORCEMENT: 'Enforcement', CIRCULAR: 'Circular' },
  escalationRules: { SIGN_IN_OVERDUE: 'sign-in late → supervision notice', FEEDBACK_OVERDUE: 'feedback late → supervision notice', VERIFY_OVERDUE: 'verification late → supervision notice', CLEAR_OVERDUE: 'not cleared in time → on-site supervision', ENFORCEMENT: 'long overdue → enforcement list', CIRCULAR: 'not cleared in time → monthly circular' },
  escalationStates: { PENDING: 'pending', FIRED: 'fired', MOOT: 'not needed (on time)' },
  mapNote: 'Placed by registered longitude/latitude (no base map)', notPlaced: 'No coordinates',
  causes: { REAL_HAZARD: 'Real hazard', PROCESS_FLUCTUATION: 'Process fluctuation', SENSOR_FAULT: 'Sensor fault', MAINTENANCE: 'Maintenance', FALSE_ALARM: 'False alarm' },
  choose: 'Choose', evidence: 'evidence', evidenceHint: 'Evidence references (one per line, optional, at most 20)', tooMany: 'too many (at most {n})',
  dust: { WOOD: 'Wood dust', AL_MG: 'Al/Mg dust', OTHER_METAL: 'Other metal dust', GRAIN: 'Grain dust', PLASTIC: 'Plastic dust', TEXTILE: 'Textile dust', undefined: '' },
};

let current = localStorage.getItem('dw-lang') === 'en' ? en : zh;
export const t = (key) => key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), current) ?? key;
/** Adds a page's own texts: addTexts({ navAlarms: '报警处置', … }, { navAlarms: 'Alarms', … }) (nested objects merge). */
export function addTexts(zhTexts, enTexts) {
  const merge = (into, from) => {
    for (const [k, v] of Object.entries(from || {})) {
      if (v && typeof v === 'object' && !Array.isArray(v)) merge(into[k] ??= {}, v);
      else into[k] = v;
    }
  };
  merge(zh, zhTexts);
  merge(en, enTexts);
}
export const lang = () => (current === en ? 'en' : 'zh-CN');
export function toggleLang() {
  current = current === en ? zh : en;
  localStorage.setItem('dw-lang', current === en ? 'en' : 'zh');
  document.documentElement.lang = lang();
}

// Region names of the demo realm (福建省 → 莆田市 → 荔城区 → towns); unknown codes show as the code.
const REGIONS = {
  '350000': ['福建省', 'Fujian'], '350300': ['莆田市', 'Putian'], '350304': ['荔城区', 'Licheng'],
  '350304001': ['镇海街道', 'Zhenhai'], '350304002': ['拱辰街道', 'Gongchen'], '350304100': ['西天尾镇', 'Xitianwei'],
  '350304101': ['黄石镇', 'Huangshi'], '350304102': ['新度镇', 'Xindu'], '350304103': ['北高镇', 'Beigao'],
};
export const regionName = (code) => (REGIONS[code] ? REGIONS[code][current === en ? 1 : 0] : code ?? '');
export const towns = () => Object.keys(REGIONS).filter((c) => c.length === 9);

/** China time (+08:00), as people read it. */
export function chinaTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(iso)) + ' (UTC+8)';
}
