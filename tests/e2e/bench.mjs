// Navigation → first widget rendered, in headless Chromium against the real
// server on localhost. Cold: a new browser context (empty cache) per run.
// Warm: the same context again (bundle from the HTTP cache). Reported, not
// asserted: the budget is in the issue, the numbers go in the closing note.

import { launchBrowser, startServer } from './harness.mjs';

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
    .map((e) => [e.name.replace(/^.*\/(v1\/)?/, ''), e.responseEnd])));
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
} finally {
  await browser.close();
  await server.stop();
}
