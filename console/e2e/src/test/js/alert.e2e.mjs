// alert-service's console pages in a real browser (Debian's chromium via playwright-core) against the running stack:
// the routing table with its preview (licheng-duty), the duty roster of the user's unit, the delivery log of a warning.
// Env: GATEWAY_URL, WARNING_ID (a 鸿福 warning, or empty), SCREENSHOTS, CHROMIUM. Prints "STEP <name>"; exits non-zero
// on the first failed expectation or when any request left localhost.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const GW = process.env.GATEWAY_URL;
const WARNING = process.env.WARNING_ID || '';
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
    '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
});

async function login(user) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 860 } });
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
  step('district sees the routing table');
  const district = await login('licheng-duty');
  await district.locator('a[data-nav="routing"]').click();
  await district.locator('#routing-rules tbody tr').first().waitFor({ timeout: 30000 });
  const orange = await district.locator('#routing-rules tr[data-kind="WARNING"][data-colour="ORANGE"] td.units').first().textContent();
  if (!orange.includes('区县') || !orange.includes('企业')) fail(`orange row lists ${orange}`);
  await shot(district, 'alert-routing');

  if (WARNING) {
    step('preview and delivery log of the warning');
    await district.fill('#preview-warning', WARNING);
    await district.click('#preview-form button');
    await district.locator('#preview-recipients tr').first().waitFor({ timeout: 30000 });
    await shot(district, 'alert-routing-preview');
    await district.goto(`${GW}/#/deliveries/${encodeURIComponent(WARNING)}`);
    await district.locator('#deliveries-page').waitFor({ timeout: 30000 });
    await district.locator('#delivery-log tbody tr').first().waitFor({ timeout: 30000 });
    await shot(district, 'alert-deliveries');
  }

  step('the town sees its roster, not the routing table');
  const town = await login('huangshi-duty');
  if (await town.locator('a[data-nav="routing"]').count() !== 0) fail('a town sees the routing link');
  await town.locator('a[data-nav="rosters"]').click();
  await town.locator('#rosters-page').waitFor({ timeout: 30000 });
  const duty = await town.locator('#on-duty').textContent();
  if (!duty.includes('镇应急办值班员')) fail(`on duty shows ${duty}`);
  await shot(town, 'alert-roster');

  if (external.length) fail(`requests left localhost: ${external.join(', ')}`);
  console.log('OK alert pages, all to localhost');
} finally {
  await browser.close();
}
