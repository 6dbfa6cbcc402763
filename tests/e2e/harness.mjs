// Starts what the end-to-end tests and the bench run against: the real
// `bondgenoot` server on a free port with a fresh data folder, a second HTTP
// server on another port that plays an organisation's own website (with a
// strict CSP), and Debian's headless Chromium.

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Organisations the tests use besides `demo` (which `serve --demo` sets up). */
export const ORGS = {
  // No override: the default script alone.
  plain: null,
  // An org script that never ends.
  hostile: 'fn score(answers, ctx) {\n    let n = 0;\n    loop { n += 1; }\n}\n',
  // An org script that does not compile: the widget cannot even start.
  broken: 'fn questions(ctx) {\n    #{ relations: [ }\n',
  // Data nested 2,000 deep and printed: overflowed the wasm stack and stopped
  // every widget on the page before the sandbox bounded it (issue 24).
  deep: 'fn questions(ctx) {\n    let v = [];\n    for i in 0..2000 { v = if i % 2 == 0 { [v] } else { #{ a: v } }; }\n' +
    '    print(v);\n    v\n}\n',
  // sleep() blocked for ever, and in the browser it panicked.
  sleeper: 'fn score(answers, ctx) {\n    sleep(9223372036854775807)\n}\n',
  // Offers no sharing of the scores at the end of the scan.
  quiet: 'fn figures() { #{ offer: false, keep_months: 24 } }\n',
};

/** Starts the server with the demo; resolves to { origin, signInLink, stop, dataDir }. */
/**
 * Starts the server binary on a fresh data folder. With `mail`, it sends
 * messages to an SMTP address where nothing listens: every message waits in
 * the outbox, and the widget says one is on its way.
 */
export async function startServer({ mail = false } = {}) {
  const bin = process.env.BONDGENOOT_BIN || join(ROOT, 'target/debug/bondgenoot');
  const dataDir = mkdtempSync(join(tmpdir(), 'bondgenoot-e2e-'));
  for (const [org, script] of Object.entries(ORGS)) {
    mkdirSync(join(dataDir, 'orgs', org), { recursive: true });
    if (script) writeFileSync(join(dataDir, 'orgs', org, 'netwerkscan.rhai'), script);
  }
  const child = spawn(bin, [
    'serve', '--demo', '--port', '0', '--data-dir', dataDir,
    '--www-dir', join(ROOT, 'www'), '--bundle-dir', join(ROOT, 'target/bundle'),
    '--scripts-dir', join(ROOT, 'scripts'),
    ...(mail ? ['--smtp-url', 'smtp://127.0.0.1:9', '--mail-from', 'Vacaturecafé <cafe@example.nl>'] : []),
  ], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: 'warn' } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  // `serve --demo` prints its address, then where everything is, ending with
  // the playground's sign-in link (or how to sign in with an admin's token).
  const [origin, signInLink] = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`server did not start in 20 s:\n${out}\n${stderr}`)), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving (http:\/\/[^\s/]+)/);
      const link = out.match(/(http:\/\/\S+\/admin\/#\S+)/);
      if (m && (link || /org add/.test(out))) { clearTimeout(timer); ok([m[1], link && link[1]]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`server exited (${code}):\n${stderr}`)); });
  });
  return {
    origin,
    signInLink,
    dataDir,
    stderr: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((ok) => { child.once('exit', ok); setTimeout(ok, 3000); });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Serves tests/e2e/pages/* on another port, as an organisation's own site:
 * `{{WIDGET_ORIGIN}}` in a page becomes the widget server's origin, query
 * parameters fill `{{org}}`-style placeholders, and every page is sent with
 * the strict CSP the embed contract promises to work under.
 */
export async function startHostSite(widgetOrigin) {
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${widgetOrigin} 'wasm-unsafe-eval'`,
    `style-src 'self' ${widgetOrigin}`,
    `connect-src ${widgetOrigin}`,
    "img-src 'self'",
    "frame-src 'self'",
  ].join('; ');
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://host');
    if (url.pathname === '/embed.js') {
      // The loader copied onto the org's own server, without the bundle beside
      // it: the wasm cannot load, as when our server is down.
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(join(ROOT, 'www/embed.js')));
      return;
    }
    const name = url.pathname === '/' ? 'host.html' : url.pathname.slice(1);
    if (!/^[a-z0-9-]+\.(html|js|css)$/.test(name)) { res.writeHead(404).end(); return; }
    let body;
    try { body = readFileSync(join(import.meta.dirname, 'pages', name), 'utf8'); }
    catch { res.writeHead(404).end(); return; }
    body = body.replaceAll('{{WIDGET_ORIGIN}}', widgetOrigin)
      .replace(/\{\{(\w+)(?:\|([^}]*))?\}\}/g, (_, key, dflt) => escapeAttr(url.searchParams.get(key) ?? dflt ?? ''));
    const type = { html: 'text/html', js: 'text/javascript', css: 'text/css' }[name.split('.').pop()];
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'content-security-policy': csp });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, csp, stop: () => new Promise((ok) => server.close(ok)) };
}

function escapeAttr(s) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Adds (or updates) an organisation with the real CLI, as an admin would:
 * `origins` may call its signup API; resolves to its admin token.
 */
export function orgAdd(dataDir, name, origins = []) {
  const bin = process.env.BONDGENOOT_BIN || join(ROOT, 'target/debug/bondgenoot');
  const args = ['org', 'add', name, '--data-dir', dataDir, '--scripts-dir', join(ROOT, 'scripts')];
  for (const o of origins) args.push('--origin', o);
  return new Promise((ok, fail) => {
    const child = spawn(bin, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => (code === 0 ? ok(out.trim()) : fail(new Error(`org add ${name} failed: ${err}`))));
  });
}

/**
 * Gives organisation `org` an admin called `name` with `role` (scripts,
 * cafes or all) with the real CLI; resolves to their own token.
 */
export function adminAdd(dataDir, org, name, role) {
  const bin = process.env.BONDGENOOT_BIN || join(ROOT, 'target/debug/bondgenoot');
  const args = ['org', 'add-admin', org, '--name', name, '--role', role, '--data-dir', dataDir];
  return new Promise((ok, fail) => {
    const child = spawn(bin, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => (code === 0 ? ok(out.trim()) : fail(new Error(`org add-admin ${org} failed: ${err}`))));
  });
}

/**
 * The server, an organisation's site in front of it and Chromium, for a test
 * file's `before`; `stop()` for its `after`.
 */
export async function startAll() {
  const server = await startServer();
  const site = await startHostSite(server.origin);
  const browser = await launchBrowser();
  return {
    server,
    site,
    browser,
    async stop() {
      await browser.close();
      await site.stop();
      await server.stop();
    },
  };
}

/** A fresh page that records console errors, page errors and CSP violations. */
export async function openPage(browser, url, viewport = { width: 1000, height: 900 }, { init, beforeGoto } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  // A script run in the page before its own (e.g. a recording stand-in for an API).
  if (init) await context.addInitScript(init.script, init.arg);
  const page = await context.newPage();
  page.problems = { errors: [], csp: [], pageErrors: [] };
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    page.problems.errors.push(m.text());
    if (/Content Security Policy/i.test(m.text())) page.problems.csp.push(m.text());
  });
  page.on('pageerror', (e) => page.problems.pageErrors.push(String(e)));
  // E.g. listeners that must see every request of the first load (a late
  // request of a page opened earlier and then reloaded would count twice).
  if (beforeGoto) await beforeGoto(page);
  await page.goto(url);
  return page;
}

/** Polls `read` until `ok(value)`, or fails after `ms` with the last value (or error). */
export async function until(read, ok, what, ms = 15000) {
  let last;
  for (const deadline = Date.now() + ms; Date.now() < deadline;) {
    last = await Promise.resolve().then(read).catch((e) => e);
    if (ok(last)) return last;
    await new Promise((done) => setTimeout(done, 150));
  }
  throw new Error(`${what}: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
}

/** Debian's Chromium, headless, with the flags this machine needs. */
export async function launchBrowser() {
  // Playwright gives every launch a fresh, empty profile of its own.
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The browser's speech synthesis, recorded instead of heard: the voices
 * (by language tag) arrive late, as in Chromium; `window.spoken` keeps what
 * was handed to `speak` and every `cancel`.
 */
export function fakeSpeech(voices) {
  window.spoken = [];
  let current = null;
  let listed = [];
  const listeners = new Set();
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; this.voice = null; } };
  const synth = {
    getVoices: () => listed,
    speak(u) { window.spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.lang }); current = u; },
    cancel() { window.spoken.push('cancel'); const u = current; current = null; if (u && u.onend) u.onend(); },
    addEventListener(type, f) { if (type === 'voiceschanged') listeners.add(f); },
    removeEventListener(type, f) { listeners.delete(f); },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  setTimeout(() => {
    listed = voices.map((lang) => ({ lang, name: `Voice ${lang}`, voiceURI: lang, localService: true, default: false }));
    for (const f of listeners) f();
  }, 300);
}
