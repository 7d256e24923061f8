// Browser test of `whosaid serve`, run by tests/browser/run.sh (which
// builds the fixture quote bank and starts the server):
//   WS_BASE        the server, e.g. http://127.0.0.1:41234
//   WS_QUOTES_QB1  how many quotations the database holds for article qb-1
//   WS_QUOTES_HOSTILE  ... and for the hostile article
//   WS_SCREENSHOT  where to write the screenshot (PNG)
// playwright-core drives Debian's chromium; nothing is downloaded.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.WS_BASE;
const want = { qb1: Number(process.env.WS_QUOTES_QB1), hostile: Number(process.env.WS_QUOTES_HOSTILE) };
const shot = process.env.WS_SCREENSHOT;
if (!base || !want.qb1 || !want.hostile || !shot) {
  console.error('usage: WS_BASE=... WS_QUOTES_QB1=N WS_QUOTES_HOSTILE=N WS_SCREENSHOT=file node quotebank.test.mjs');
  process.exit(2);
}

let passed = 0, failed = 0;
function check(ok, what, detail) {
  if (ok) { passed++; console.log(`ok   ${what}`); }
  else { failed++; console.log(`FAIL ${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`); }
}

// The quotations highlighted on the current page: distinct data-q values of
// elements with a speaker colour class.
async function highlights(page) {
  return page.$$eval('mark.q', (ms) => {
    const colour = /^sp([0-9]+|x)$/;
    const withColour = ms.filter((m) => [...m.classList].some((c) => colour.test(c)));
    return { elements: withColour.length, quotes: new Set(withColour.map((m) => m.dataset.q)).size };
  });
}

const profile = mkdtempSync(join(tmpdir(), 'whosaid-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 900 },
  });
  context.setDefaultTimeout(20000);
  const page = context.pages()[0] || await context.newPage();
  const dialogs = [], errors = [], outside = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // no external assets: every request goes to the server under test
  page.on('request', (r) => { if (!r.url().startsWith(base)) outside.push(r.url()); });

  // search, then click through to the article
  await page.goto(`${base}/`);
  await page.fill('input[name=q]', 'report');
  await Promise.all([page.waitForURL(/[?&]q=report/), page.click('form.search button')]);
  const hitCount = await page.locator('li.hit').count();
  check(hitCount === 2, 'searching "report" lists the two hits', hitCount);
  await Promise.all([page.waitForURL(/\/article\?id=qb-1/), page.locator('li.hit a.article').first().click()]);
  check(/Bridge vote delayed/.test(await page.textContent('h1')), 'clicking a hit opens its article');

  let h = await highlights(page);
  check(h.quotes === want.qb1, `the article shows ${want.qb1} highlighted quotations`, h);
  const legend = await page.$$eval('ul.legend li[data-sp]', (ls) => ls.map((l) => l.textContent.trim()));
  check(legend.length === 2 && legend.some((t) => t.startsWith('Ana Duarte')) && legend.some((t) => t.startsWith('Piet Vos')),
    'the legend lists the two speakers', legend);
  const colours = await page.$$eval('mark.q', (ms) => [...new Set(ms.map((m) => getComputedStyle(m).backgroundColor))]);
  check(colours.length === 2 && !colours.includes('rgba(0, 0, 0, 0)'), 'the speakers have two different colours', colours);
  const target = await page.locator('mark.q.target').count();
  check(target >= 1, 'the quotation clicked in the results is marked as the target', target);

  // the legend script runs (allowed by the page's CSP nonce): another speaker dims
  await page.locator('ul.legend li[data-sp] .sw').first().click();
  const dimmed = await page.locator('mark.q.dim').count();
  check(dimmed >= 1, 'clicking a legend entry dims the other speakers', dimmed);

  // the speaker page, from the legend
  await Promise.all([page.waitForURL(/\/speaker\?id=/), page.locator('ul.legend li a', { hasText: 'Ana Duarte' }).click()]);
  const bars = await page.locator('svg.chart rect.bar').count();
  const hits = await page.locator('li.hit').count();
  check(bars >= 1 && hits === 3, 'the speaker page shows a chart and her 3 quotations', { bars, hits });

  // hostile text: shown as text, never run
  await page.goto(`${base}/`);
  await page.fill('input[name=q]', 'alert');
  await Promise.all([page.waitForURL(/[?&]q=alert/), page.click('form.search button')]);
  const hitText = await page.locator('li.hit blockquote').first().textContent();
  check(hitText.includes('<script>alert(1)</script>') && hitText.includes("'; DROP TABLE quotes; --"),
    'the hostile quotation is shown verbatim in the results', hitText);
  await Promise.all([page.waitForURL(/\/article\?id=qb-hostile/), page.locator('li.hit a.article').first().click()]);
  const body = await page.textContent('#article-text');
  check(body.includes('<script>alert(1)</script>') && body.includes('<img src=x onerror="window.__pwned=1">'),
    'the article shows the markup as text');
  check(await page.textContent('h1') === '<script>window.__pwned=1;alert(2)</script>', 'the title is shown as text');
  const injected = await page.$$eval('main script, main img, main b, main i', (es) => es.length);
  check(injected === 0, 'no element was made from article text', injected);
  h = await highlights(page);
  check(h.quotes === want.hostile, `the hostile article shows ${want.hostile} highlighted quotations`, h);
  const pwned = await page.evaluate(() => window.__pwned);
  check(pwned === undefined, 'window.__pwned stays unset', pwned);
  check(dialogs.length === 0, 'no alert() ran', dialogs);
  check(errors.length === 0, 'no script errors', errors);
  check(outside.length === 0, 'no request left the server (no external assets)', outside);

  // the screenshot for the README: the demo article, four speakers
  await page.goto(`${base}/article?id=${encodeURIComponent('examples/summit.txt')}`);
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);
} catch (e) {
  failed++;
  console.log(`FAIL browser test: ${e && e.stack ? e.stack : e}`);
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
