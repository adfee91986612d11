// Filings (报备) and cleaning check-ins (清扫打卡) in a real browser (Debian's chromium via playwright-core)
// against the running stack. Env: GATEWAY_URL, HONGFU_USCC, SCREENSHOTS, CHROMIUM (default /usr/bin/chromium).
// hongfu-safety files a stop-production filing (an invalid window first: the API's reasons are shown),
// huangshi-duty approves it, hongfu sees it APPROVED; hongfu checks in with a photo, the same photo again is
// refused on the page; huangshi-duty sees 鸿福's compliance. Prints "STEP <name>"; exits non-zero on the first
// failed expectation or when any request left localhost.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const GW = process.env.GATEWAY_URL;
const HONGFU = process.env.HONGFU_USCC;
const SHOTS = process.env.SCREENSHOTS;
mkdirSync(SHOTS, { recursive: true });

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);
const external = [];
let requestCount = 0;
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
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
  context.on('request', (request) => {
    const url = request.url();
    requestCount++;
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!LOCAL.has(new URL(url).hostname)) external.push(url);
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`pageerror(${user}): ${e.message}`));
  await page.goto(`${GW}/`);
  await page.locator('#login').waitFor();
  await page.click('#login');
  await page.locator('#username').waitFor({ timeout: 30000 });
  await page.fill('#username', user);
  await page.fill('#password', 'dustwatch');
  await page.click('#kc-login');
  await page.locator('#user').waitFor({ timeout: 30000 });
  return page;
}

/** A datetime-local value in China time, `hours` from now. */
const chinaLocal = (hours) => new Date(Date.now() + (8 + hours) * 3600_000).toISOString().slice(0, 16);

try {
  step('hongfu files a stop-production filing');
  const hongfu = await login('hongfu-safety');
  await hongfu.click('[data-nav="filings"]');
  await hongfu.locator('#filing-form').waitFor();
  await hongfu.selectOption('#filing-kind', 'STOP_PRODUCTION');
  await hongfu.fill('#filing-start', chinaLocal(1));
  await hongfu.fill('#filing-end', chinaLocal(0));
  await hongfu.fill('#filing-reason', '');
  await hongfu.click('#filing-submit');
  await hongfu.locator('#filing-result.error').waitFor();
  const refused = await hongfu.locator('#filing-result').textContent();
  if (!refused.includes('400') || !refused.includes('plannedEnd') || !refused.includes('reason')) fail(`validation shown: ${refused}`);
  await shot(hongfu, 'filings-01-validation');
  const reason = `设备检修停产 ${randomBytes(3).toString('hex')}`;
  await hongfu.fill('#filing-start', chinaLocal(0));
  await hongfu.fill('#filing-end', chinaLocal(8));
  await hongfu.fill('#filing-reason', reason);
  await hongfu.click('#filing-submit');
  const mine = hongfu.locator('tr[data-status="SUBMITTED"]', { hasText: reason });
  await mine.waitFor();
  const filingId = await mine.getAttribute('data-filing');
  await shot(hongfu, 'filings-02-submitted');

  step('huangshi approves it');
  const huangshi = await login('huangshi-duty');
  await huangshi.click('[data-nav="filings"]');
  const pending = huangshi.locator(`tr[data-filing="${filingId}"]`);
  await pending.waitFor();
  await shot(huangshi, 'filings-03-town-pending');
  await pending.locator('button[data-action="approve"]').click();
  await huangshi.locator(`tr[data-filing="${filingId}"][data-status="APPROVED"]`).waitFor();
  if (!(await huangshi.locator(`tr[data-filing="${filingId}"]`).textContent()).includes('huangshi-duty')) fail('approver not shown');

  step('hongfu sees it approved');
  await hongfu.reload();
  await hongfu.locator(`tr[data-filing="${filingId}"][data-status="APPROVED"]`).waitFor();
  await hongfu.locator(`tr[data-filing="${filingId}"] button[data-action="end"]`).waitFor();
  await shot(hongfu, 'filings-04-approved');

  step('hongfu checks in with a photo');
  await hongfu.click('[data-nav="cleaning"]');
  await hongfu.locator('#checkin-form').waitFor();
  if (await hongfu.locator('#no-plan').count()) {
    await hongfu.fill('#plan-areas', 'FLOOR|砂光车间地面|PER_SHIFT\nHOPPER|灰斗卸灰口|DAILY');
    await hongfu.fill('#plan-shifts', '白班|08:00|17:00\n夜班|20:00|04:00');
    await hongfu.click('#plan-save');
    await hongfu.locator('#plan-list').waitFor();
  }
  const photo = { name: 'hopper.png', mimeType: 'image/png', buffer: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(2048)]) };
  const before = await hongfu.locator('#cleaning-checkins tbody tr').count();
  await hongfu.selectOption('#checkin-area', 'HOPPER');
  await hongfu.selectOption('#checkin-method', 'VACUUM');
  await hongfu.fill('#checkin-person', '王师傅');
  await hongfu.setInputFiles('#checkin-photo', photo);
  await hongfu.click('#checkin-submit');
  await hongfu.locator('#cleaning-result.ok').waitFor({ timeout: 20000 });
  const after = await hongfu.locator('#cleaning-checkins tbody tr').count();
  if (after !== before + 1) fail(`check-ins ${before} → ${after}`);
  await shot(hongfu, 'cleaning-01-checked-in');

  step('the same photo again is refused');
  await hongfu.fill('#checkin-person', '王师傅');
  await hongfu.setInputFiles('#checkin-photo', photo);
  await hongfu.click('#checkin-submit');
  await hongfu.locator('#cleaning-result.error').waitFor({ timeout: 20000 });
  const duplicate = await hongfu.locator('#cleaning-result').textContent();
  if (!duplicate.includes('409')) fail(`the same photo: ${duplicate}`);
  if (await hongfu.locator('#cleaning-checkins tbody tr').count() !== after) fail('a second check-in was recorded');
  await shot(hongfu, 'cleaning-02-same-photo-refused');

  step('huangshi sees the compliance');
  await huangshi.click('[data-nav="cleaning"]');
  const compliance = huangshi.locator(`#cleaning-region tr[data-uscc="${HONGFU}"]`);
  await compliance.waitFor();
  if (Number(await compliance.getAttribute('data-done')) < 1) fail('the check-in does not count');
  await shot(huangshi, 'cleaning-03-region');

  if (external.length) fail(`requests left localhost: ${external.join(', ')}`);
  console.log(`OK ${requestCount} requests, all to localhost`);
  await browser.close();
  process.exit(0);
} catch (e) {
  console.log(`FAILED: ${e.stack || e}`);
  await browser.close().catch(() => {});
  process.exit(1);
}
