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

async function measure(page) {
  await page.goto(`${server.origin}/`);
  const handle = await page.waitForFunction(rendered, null, { polling: 'raf', timeout: 20000 });
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
    cold.push(await measure(page));
    warm.push(await measure(page));
    await context.close();
  }
  console.log(`cold cache: ${fmt(cold)}`);
  console.log(`warm cache: ${fmt(warm)}`);
} finally {
  await browser.close();
  await server.stop();
}
