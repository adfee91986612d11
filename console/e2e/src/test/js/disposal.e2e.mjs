// The disposal pages (issue 7) in a real browser (Debian's chromium via playwright-core) against the running stack.
// Env: GATEWAY_URL, HONGFU_USCC, SCREENSHOTS, CHROMIUM. The Java side (DisposalPagesIT) has pushed 鸿福's hopper
// excursion, so 鸿福 has an alarm case. hongfu-safety signs it in and closes it with a cause and measures on
// #/alarms; licheng-duty opens #/supervision, sees a ranking row and downloads the xlsx (checked by its bytes).
// Prints "STEP <name>" lines; exits non-zero on the first failed expectation or when any request left localhost.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const GW = process.env.GATEWAY_URL;
const HONGFU = process.env.HONGFU_USCC;
const SHOTS = process.env.SCREENSHOTS;
mkdirSync(SHOTS, { recursive: true });

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);
const external = [];
const step = (name) => console.log(`STEP ${name}`);
const fail = (message) => { throw new Error(message); };
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
});

async function login(user) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 860 },
    acceptDownloads: true });
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!LOCAL.has(new URL(url).hostname)) external.push(url);
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`pageerror(${user}): ${e.message}`));
  await page.goto(`${GW}/`);
  await page.locator('#login').click();
  await page.locator('#username').waitFor({ timeout: 30000 });
  await page.fill('#username', user);
  await page.fill('#password', 'dustwatch');
  await page.click('#kc-login');
  await page.locator('#user').waitFor({ timeout: 30000 });
  return page;
}

try {
  step('hongfu opens its alarms');
  const hongfu = await login('hongfu-safety');
  await hongfu.click('[data-nav="alarms"]');
  // the alarm case arrives from dust.alarm: reload the page until it is there
  let open = hongfu.locator('#alarms tr[data-state="OPEN"]').first();
  for (let i = 0; i < 60 && await open.count() === 0; i++) {
    await hongfu.waitForTimeout(2000);
    await hongfu.evaluate(() => { location.hash = location.hash.endsWith('/') ? '#/alarms' : '#/alarms/'; });
    await hongfu.locator('section.alarms').waitFor();
  }
  if (await open.count() === 0) fail('no open alarm case for 鸿福 within 120 s');
  const alarmId = await open.getAttribute('data-alarm');
  await shot(hongfu, 'disposal-01-alarms-open');

  step('hongfu signs in the alarm');
  await open.locator('[data-action="alarm-sign-in"]').click();
  const row = hongfu.locator(`#alarms tr[data-alarm="${alarmId}"]`);
  await row.locator('form.alarm-feedback').waitFor({ timeout: 20000 });
  const state = await row.getAttribute('data-state');
  if (!['SIGNED_IN', 'AUTO_RECOVERED'].includes(state)) fail(`after sign-in the case is ${state}`);

  step('hongfu closes it with a cause and measures');
  await row.locator('select[data-field="cause"]').selectOption('REAL_HAZARD');
  await row.locator('textarea[data-field="measures"]').fill('停机清灰，检查灰斗卸灰阀，温度回落至 35 ℃');
  await row.locator('input[data-field="evidence"]').fill('hopper-1.jpg');
  await row.locator('[data-action="alarm-feedback"]').click();
  await hongfu.locator(`#alarms tr[data-alarm="${alarmId}"][data-state="CLOSED"]`).waitFor({ timeout: 20000 });
  await shot(hongfu, 'disposal-02-alarm-closed');
  const detail = await hongfu.request.get(`${GW}/api/v1/alarms/${encodeURIComponent(alarmId)}`);
  const body = await detail.json();
  if (body.alarm.feedback?.cause !== 'REAL_HAZARD') fail(`stored cause ${JSON.stringify(body.alarm.feedback)}`);
  if (!JSON.stringify(body.steps).includes('FEEDBACK')) fail('no FEEDBACK step');
  console.log(`ALARM_CLOSED ${alarmId}`);

  step('licheng opens supervision');
  const licheng = await login('licheng-duty');
  await licheng.click('[data-nav="supervision"]');
  await licheng.locator('#ranking tr[data-unit]').first().waitFor({ timeout: 30000 });
  const units = await licheng.locator('#ranking tr[data-unit]').evaluateAll((rows) => rows.map((r) => r.dataset.unit));
  if (!units.includes('350304101')) fail(`Huangshi (350304101) not in the town ranking: ${units}`);
  await shot(licheng, 'disposal-03-supervision');

  step('licheng downloads the ranking as xlsx');
  const [download] = await Promise.all([licheng.waitForEvent('download'), licheng.click('#sup-xlsx')]);
  const file = await download.path();
  const bytes = readFileSync(file);
  // an xlsx is a zip (PK\3\4) holding xl/workbook.xml
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) fail(`not a zip: ${bytes.subarray(0, 8).toString('hex')}`);
  if (!bytes.includes(Buffer.from('xl/workbook.xml'))) fail('no xl/workbook.xml in the download');
  console.log(`XLSX ${bytes.length} bytes`);

  step('the enterprise does not see supervision');
  if (await hongfu.locator('[data-nav="supervision"]').count() !== 0) fail('the enterprise has a supervision link');

  if (external.length) fail(`requests left localhost: ${external.join(', ')}`);
  console.log('OK disposal pages, all to localhost');
  await browser.close();
  process.exit(0);
} catch (e) {
  console.log(`FAILED: ${e.stack || e}`);
  await browser.close().catch(() => {});
  process.exit(1);
}
