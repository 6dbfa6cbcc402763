// Navigation → first widget rendered, in headless Chromium against the real
// server on localhost. Cold: a new browser context (empty cache) per run.
// Warm: the same context again (bundle from the HTTP cache). Then the same
// cold on emulated Slow 4G (DevTools protocol throttling: 1.6 Mbit/s down,
// 750 kbit/s up, 150 ms latency), the bytes a first widget costs over the
// wire, and how long an answer takes to show in the browser (p50/p99).
// Reported, not asserted: the budgets are in the issues, the numbers go in
// the closing note.

import { launchBrowser, startServer } from './harness.mjs';
import { fillStandardScan } from './scan.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 15);

const server = await startServer();
const browser = await launchBrowser();
const rendered = () => {
  const root = document.querySelector('bondgenoot-widget')?.shadowRoot?.querySelector('.bg-netwerkscan');
  return root ? performance.now() : false;
};

const phases = {};
async function measure(page, label) {
  await page.goto(`${server.origin}/`);
  const handle = await page.waitForFunction(rendered, null, { polling: 'raf', timeout: 20000 });
  // Where the time went: when each resource finished arriving (ms after navigation).
  const ends = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
    .map((e) => [e.name.replace(/^.*\/(v1\/)?/, ''), e.responseEnd])
    // embed.js's marks: the first UI instance ready, the first widget mounted.
    .concat(['bondgenoot:instance', 'bondgenoot:mounted'].map((m) => [m, performance.getEntriesByName(m)[0]?.startTime ?? NaN]))));
  for (const [name, t] of Object.entries(ends)) (phases[`${label} ${name}`] ??= []).push(t);
  return handle.jsonValue();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)} (n=${xs.length})`;

try {
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    cold.push(await measure(page, 'cold'));
    warm.push(await measure(page, 'warm'));
    await context.close();
  }
  console.log(`cold cache: ${fmt(cold)}`);
  console.log(`warm cache: ${fmt(warm)}`);
  console.log('resource arrived (median ms after navigation):');
  for (const [name, xs] of Object.entries(phases).sort()) console.log(`  ${name.padEnd(36)} ${median(xs).toFixed(0)}`);

  // What the first widget costs over the wire, cold: every resource but the page itself.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(rendered, null, { polling: 'raf', timeout: 20000 });
    // The engine module loads after the first screen, in the background.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /bondgenoot_engine_bg/.test(e.name) && e.responseEnd > 0));
    const sizes = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => [e.name.replace(/^.*\/(v1\/)?/, ''), e.transferSize, e.encodedBodySize]));
    const engine = (name) => /^bondgenoot_engine/.test(name);
    const total = sizes.filter(([name]) => !engine(name)).reduce((n, [, t]) => n + t, 0);
    const background = sizes.filter(([name]) => engine(name)).reduce((n, [, t]) => n + t, 0);
    console.log(`first widget over the wire, to interactive: ${total} bytes (${(total / 1024).toFixed(0)} KB) in ${sizes.length} requests`);
    console.log(`the rules engine after it, in the background: ${background} bytes (${(background / 1024).toFixed(0)} KB)`);
    for (const [name, t, body] of sizes) console.log(`  ${name.padEnd(44)} ${String(t).padStart(8)} B (body ${body})`);
    // A repeat visit: what is fetched again.
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(rendered, null, { polling: 'raf', timeout: 20000 });
    const again = await page.evaluate(() => performance.getEntriesByType('resource').reduce((n, e) => n + e.transferSize, 0));
    console.log(`repeat visit over the wire: ${again} bytes`);
    await context.close();
  }

  // Cold on emulated Slow 4G.
  if (!process.env.BENCH_SKIP_SLOW) {
    const slow = [];
    for (let i = 0; i < Number(process.env.BENCH_SLOW_RUNS || 5); i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: 150, downloadThroughput: (1.6e6) / 8, uploadThroughput: (750e3) / 8,
      });
      await page.goto(`${server.origin}/`, { timeout: 60000 });
      slow.push(await (await page.waitForFunction(rendered, null, { polling: 'raf', timeout: 60000 })).jsonValue());
      await context.close();
    }
    console.log(`cold on Slow 4G: ${fmt(slow)}`);
  }

  // An answer changed → shown, measured in the page: a click, then the
  // first change of the widget's DOM after it (Yew renders on a microtask).
  const p = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
  const pct = (xs) => `p50 ${p(xs, 0.5).toFixed(2)} ms, p99 ${p(xs, 0.99).toFixed(2)} ms (n=${xs.length})`;
  const clickToChange = ({ selector, within }) => new Promise((done) => {
    const root = document.querySelector('bondgenoot-widget').shadowRoot;
    const target = root.querySelector(within);
    const observer = new MutationObserver(() => { observer.disconnect(); done(performance.now() - t0); });
    observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
    const t0 = performance.now();
    root.querySelector(selector).click();
  });
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/alliantie.html`);
    const w = page.locator('bondgenoot-widget');
    await w.locator('.bg-alliantiescan').waitFor({ timeout: 15000 });
    // Once the engine is in (the result needs it): what a person's clicks meet.
    await w.locator('.bg-views button').nth(1).click();
    await w.locator('.bg-result').waitFor();
    await w.locator('.bg-views button').first().click();
    const first = await w.locator('.bg-item').first().getAttribute('data-id');
    const levels = await w.locator(`.bg-item[data-id="${first}"] input[type=radio]`).evaluateAll((els) => els.map((e) => e.id));
    const clicks = Number(process.env.BENCH_CLICKS || 200);
    const tickAt = (i) => page.evaluate(clickToChange, { selector: `#${levels[i % levels.length]}`, within: '.bg-alliantiescan' });
    // Ticks one after another, as a person goes down the checklist.
    const tick = [];
    for (let i = 0; i < clicks; i++) tick.push(await tickAt(i));
    // To the result (assess with the script, render) and back, then a tick:
    // that first tick also meets the garbage the result view left.
    const result = [];
    const tickAfter = [];
    for (let i = 0; i < clicks; i++) {
      result.push(await page.evaluate(clickToChange, { selector: '.bg-views button:nth-child(2)', within: '.bg-alliantiescan' }));
      await page.evaluate(() => document.querySelector('bondgenoot-widget').shadowRoot.querySelector('.bg-views button').click());
      tickAfter.push(await tickAt(i));
    }
    console.log(`Alliantiescan tick → shown (ticks in a row): ${pct(tick)}`);
    console.log(`Alliantiescan tick → shown (the first after the result view): ${pct(tickAfter)}`);
    console.log(`Alliantiescan result (assess + render): ${pct(result)}`);
    await context.close();
  }
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const w = page.locator('bondgenoot-widget').first();
    await w.locator('.bg-netwerkscan').waitFor({ timeout: 15000 });
    await fillStandardScan(w);
    await w.locator('.bg-result').waitFor();
    // Back to the questions and forward again (the result as it was), and
    // back, another answer (a person's click, which takes the focus), and
    // forward: the result scored and shown anew.
    const again = [];
    const changed = [];
    for (let i = 0; i < Number(process.env.BENCH_CLICKS || 200) / 2; i++) {
      const back = () => page.evaluate(() => document.querySelector('bondgenoot-widget').shadowRoot.querySelector('.bg-nav button').click());
      const forward = () => page.evaluate(clickToChange, { selector: '.bg-nav button.bg-primary', within: '.bg-netwerkscan' });
      await back();
      await w.locator('.bg-result').waitFor({ state: 'hidden' });
      again.push(await forward());
      await w.locator('.bg-result').waitFor();
      await back();
      await w.locator('.bg-result').waitFor({ state: 'hidden' });
      await w.locator(`#bg-q-trust-${i % 2 ? 'yes' : 'no'}`).check();
      changed.push(await forward());
      await w.locator('.bg-result').waitFor();
    }
    console.log(`Netwerkscan back and forward to the result with the map: ${pct(again)}`);
    console.log(`Netwerkscan an answer changed → result with the map (score + render): ${pct(changed)}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
