// The console in a real browser (Debian's chromium via playwright-core) against the running stack.
// Env: GATEWAY_URL, HONGFU_USCC, SCREENSHOTS, CHROMIUM (default /usr/bin/chromium).
// Prints "STEP <name>" lines; "WAITING_FOR_WARNING" tells the Java side to push the excursion.
// Exits non-zero on the first failed expectation or when any request left localhost.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const GW = process.env.GATEWAY_URL;
const HONGFU = process.env.HONGFU_USCC;
const SHOTS = process.env.SCREENSHOTS;
mkdirSync(SHOTS, { recursive: true });

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);
const external = [];
const requests = [];
const step = (name) => console.log(`STEP ${name}`);
const fail = (message) => { throw new Error(message); };
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
    // a name other than localhost resolves to nothing: nothing can leave the machine even by mistake
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
});

async function newUser() {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 860 } });
  context.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!LOCAL.has(new URL(url).hostname)) external.push(url);
  });
  return context;
}

/** Waits until the page's 鸿福 rows settle (see the step); returns { id, colour, superseded: [ids] }. */
async function settledWarning(page, timeout) {
  const until = Date.now() + timeout;
  let last = '';
  let since = Date.now();
  while (Date.now() < until) {
    const rows = await page.locator(`tr[data-uscc="${HONGFU}"]`).evaluateAll((trs) => trs.map((tr) => ({
      id: tr.dataset.warning, state: tr.dataset.state, colour: tr.dataset.colour, countdown: !!tr.querySelector('.countdown') })));
    const open = rows.filter((r) => r.state === 'ISSUED' && r.countdown);
    let apiOpen = [];
    if (open.length === 1) {
      const answer = await page.request.get(`${GW}/api/v1/warnings`);
      const items = answer.ok() ? await answer.json() : [];
      apiOpen = (Array.isArray(items) ? items : items.items || [])
        .filter((w) => w.uscc === HONGFU && ['ISSUED', 'SIGNED_IN', 'FEEDBACK_SUBMITTED'].includes(w.state)).map((w) => w.warningId);
    }
    const signature = JSON.stringify(rows);
    if (signature !== last) { last = signature; since = Date.now(); }
    if (open.length === 1 && apiOpen.length === 1 && apiOpen[0] === open[0].id && Date.now() - since >= 3000) {
      return { id: open[0].id, colour: open[0].colour, superseded: rows.filter((r) => r.state === 'SUPERSEDED').map((r) => r.id) };
    }
    await page.waitForTimeout(500);
  }
  fail(`no settled 鸿福 warning within ${timeout / 1000} s: page rows ${last}`);
}

async function login(context, user, screenshotPrefix) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`pageerror(${user}): ${e.message}`));
  await page.goto(`${GW}/`);
  await page.locator('#login').waitFor();
  if (screenshotPrefix) await shot(page, `${screenshotPrefix}-login`);
  await page.click('#login');
  await page.locator('#username').waitFor({ timeout: 30000 });
  if (screenshotPrefix) await shot(page, `${screenshotPrefix}-keycloak`);
  await page.fill('#username', user);
  await page.fill('#password', 'dustwatch');
  await page.click('#kc-login');
  await page.locator('#user').waitFor({ timeout: 30000 });
  const shown = await page.locator('#user').textContent();
  if (!shown.includes(user)) fail(`header shows ${shown}, expected ${user}`);
  await page.locator('#stream[data-status="live"]').waitFor({ timeout: 30000 });
  return page;
}

try {
  step('licheng logs in');
  const lichengContext = await newUser();
  const licheng = await login(lichengContext, 'licheng-duty', '01');
  await shot(licheng, '02-duty-before');

  // nothing below may reload the page: count main-frame navigations from here on
  let navigations = 0;
  licheng.on('framenavigated', (frame) => { if (frame === licheng.mainFrame()) navigations++; });
  console.log('WAITING_FOR_WARNING');
  await new Promise((resolve) => createInterface({ input: process.stdin }).on('line', (l) => { if (l.trim() === 'PUSHED') resolve(); }));

  step('the warning appears without reload and settles');
  // The excursion may give a YELLOW warning and at once an ORANGE one that supersedes it. Settled: the page
  // shows exactly one open (ISSUED) 鸿福 row with its countdown, it is the one open warning the API lists,
  // and nothing changed for 3 s; a superseded row shows SUPERSEDED without a countdown.
  const settled = await settledWarning(licheng, 150000);
  if (navigations !== 0) fail(`the page navigated ${navigations} times while waiting`);
  const warningId = settled.id;
  const colour = settled.colour;
  console.log(`SETTLED ${warningId} ${colour}; superseded on the page: ${settled.superseded.join(', ') || 'none'}`);
  if (!['YELLOW', 'ORANGE'].includes(colour)) fail(`colour ${colour}`);
  const row = licheng.locator(`tr[data-warning="${warningId}"]`);
  if (!(await row.locator('.countdown').textContent()).includes('剩余')) fail('no countdown');
  for (const id of settled.superseded) {
    const old = licheng.locator(`tr[data-warning="${id}"]`);
    if (await old.count() && (await old.locator('.countdown').count()) !== 0) fail(`superseded ${id} still counts down`);
  }
  // the escalation badge: the next step of the ladder (督办 when sign-in is late), pending
  await row.locator('td.escalations [data-escalation="SIGN_IN_OVERDUE"][data-escalation-state="PENDING"]').waitFor({ timeout: 20000 });
  if (!(await row.locator('td.escalations').textContent()).includes('督办')) fail('no 督办 badge');
  await shot(licheng, '03-duty-live-warning');

  step('licheng opens it');
  await row.locator('a.button').click();
  await licheng.locator('#warning-detail[data-state="ISSUED"]').waitFor();
  await licheng.locator('#no-actions').waitFor();
  // open alarms of the enterprise (the hopper temperature alarm of the excursion), its online status, the ladder
  const alarms = Number(await licheng.locator('#open-alarms').getAttribute('data-count'));
  if (!(alarms >= 1)) fail(`open alarms in the detail: ${alarms}`);
  const online = await licheng.locator('#online').getAttribute('data-online');
  if (!['true', 'false'].includes(online)) fail(`online status ${online}`);
  console.log(`DETAIL open alarms ${alarms}, online ${online}`);
  for (const rule of ['SIGN_IN_OVERDUE', 'CLEAR_OVERDUE']) {
    await licheng.locator(`#escalations tr[data-rule="${rule}"][data-escalation-state="PENDING"]`).waitFor();
  }
  if (!(await licheng.locator('#escalations').textContent()).includes('现场督办')) fail('no 现场督办 rung');
  await shot(licheng, '04-warning-detail');

  step('region overview and enterprise chart');
  await licheng.click('[data-nav="region"]');
  await licheng.locator(`#region [data-count="${colour}"]`).waitFor();
  const count = await licheng.locator(`[data-count="${colour}"] strong`).textContent();
  if (Number(count) < 1) fail(`${colour} count ${count}`);
  // the map places 鸿福 by its registered longitude/latitude, with its online status
  const placed = Number(await licheng.locator('#map').getAttribute('data-placed'));
  if (!(placed >= 1)) fail(`enterprises placed on the map: ${placed}`);
  const dot = licheng.locator(`#map .dot[data-uscc="${HONGFU}"]`);
  if (!(await dot.getAttribute('style') || '').includes('left:')) fail('鸿福 is not placed by its coordinates');
  if (await dot.getAttribute('data-online') !== online) fail(`map online ${await dot.getAttribute('data-online')} vs detail ${online}`);
  if (await licheng.locator(`#enterprises tr[data-uscc="${HONGFU}"]`).getAttribute('data-online') !== online) fail('list online status');
  await shot(licheng, '05-region');
  await licheng.goto(`${GW}/#/enterprises/${HONGFU}`);
  await licheng.locator('.chart-box[data-param="DRY_HOPPER_TEMP"] canvas').waitFor({ timeout: 20000 });
  await licheng.waitForTimeout(500);
  await shot(licheng, '06-enterprise');

  step('hongfu signs in and reports');
  const hongfuContext = await newUser();
  const hongfu = await login(hongfuContext, 'hongfu-safety');
  await hongfu.goto(`${GW}/#/warnings/${encodeURIComponent(warningId)}`);
  await hongfu.locator('#do-sign-in').click();
  await hongfu.locator('#feedback-form').waitFor();
  await hongfu.locator('#do-feedback').click();
  if (!(await hongfu.locator('#err-cause').textContent())) fail('an empty cause was not refused');
  await shot(hongfu, '07-feedback-validation');
  await hongfu.selectOption('#f-cause', 'REAL_HAZARD');
  await hongfu.fill('#f-measures', '灰斗积尘，卸灰阀卡滞：停机清灰，检查卸灰阀，温度已回落至 35 ℃');
  await hongfu.fill('#f-evidence', 'photo/hongfu-hopper-1.jpg');
  await hongfu.click('#do-feedback');
  await hongfu.locator('#warning-detail[data-state="FEEDBACK_SUBMITTED"]').waitFor();
  await shot(hongfu, '08-enterprise-feedback');

  step('licheng clears');
  await licheng.goto(`${GW}/#/warnings/${encodeURIComponent(warningId)}`);
  await licheng.locator('#verify-form').waitFor();
  await licheng.locator('#feedback').waitFor();
  await licheng.fill('#f-remark', '视频核查：已停机清灰，温度正常');
  await licheng.click('#do-clear');
  await licheng.locator('#warning-detail[data-state="CLEARED"]').waitFor();
  for (const action of ['SIGN_IN', 'FEEDBACK', 'CLEAR']) await licheng.locator(`#timeline tr[data-action="${action}"]`).waitFor();
  await shot(licheng, '09-cleared');
  console.log(`CLEARED ${warningId}`);

  step('english');
  await licheng.click('#lang');
  await licheng.locator('#warning-detail').waitFor();
  await licheng.click('[data-nav="duty"]');
  await licheng.locator(`tr[data-warning="${warningId}"] [data-state="CLEARED"]`).waitFor();
  await shot(licheng, '10-duty-english');
  await licheng.click('#lang');

  step('xindu does not see it');
  const xinduContext = await newUser();
  const xindu = await login(xinduContext, 'xindu-duty');
  await xindu.waitForTimeout(1500);
  if (await xindu.locator(`tr[data-uscc="${HONGFU}"]`).count() !== 0) fail('xindu sees the Huangshi warning');
  await shot(xindu, '11-xindu-duty');
  await xindu.goto(`${GW}/#/warnings/${encodeURIComponent(warningId)}`);
  await xindu.locator('main .error').waitFor();
  if (!(await xindu.locator('main .error').textContent()).includes('404')) fail('xindu opening the warning is not a 404');

  step('session ends');
  await hongfuContext.clearCookies();
  await hongfu.goto(`${GW}/#/duty`);
  await hongfu.evaluate(() => { location.hash = '#/enterprises/x'; });
  await hongfu.locator('[data-page="session-ended"]').waitFor();
  await shot(hongfu, '12-session-ended');

  step('licheng logs out');
  await licheng.click('#logout');
  await licheng.locator('#login').waitFor({ timeout: 30000 });
  if (!licheng.url().includes('logged-out')) fail(`after logout at ${licheng.url()}`);
  const again = await licheng.request.get(`${GW}/console/session`);
  if (again.status() !== 401) fail(`session after logout: ${again.status()}`);
  await shot(licheng, '13-logged-out');

  if (external.length) fail(`requests left localhost: ${external.join(', ')}`);
  console.log(`OK ${requests.length} requests, all to localhost`);
  await browser.close();
  process.exit(0);
} catch (e) {
  console.log(`FAILED: ${e.stack || e}`);
  for (const [i, context] of browser.contexts().entries()) {
    for (const [j, open] of context.pages().entries()) {
      await open.screenshot({ path: join(SHOTS, `failed-${i}-${j}.png`), fullPage: true }).catch(() => {});
      const result = await open.locator('#action-result').textContent().catch(() => null);
      if (result) console.log(`action result on page ${i}-${j}: ${result}`);
    }
  }
  await browser.close().catch(() => {});
  process.exit(1);
}
