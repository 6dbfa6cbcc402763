// The rule-script playground: sign in with the organisation's admin token,
// edit the organisation's script for one widget, see the real widget run it,
// run its tests, publish, and roll back. Bundled with CodeMirror by
// `cargo xtask bundle` into target/bundle/admin/playground.js.
//
// The review (compile, run every hook, tests) is the same Rust code the
// server runs before it publishes: `reviewScript` from the widget bundle.

import { scriptEditor, testsEditor, showDiagnostics, setText, diffView } from './editor.js';
import { signIn, loadScript, publish, makeLive, ApiError } from './api.js';
import { renderReference } from './reference.js';

const $ = (id) => document.getElementById(id);
const SESSION = 'bondgenoot-admin';
const WAIT_MS = 400;

const state = {
  session: null, // { org, token, author }
  widget: 'netwerkscan',
  page: null, // the server's answer for this widget
  wasm: null,
  css: null,
  preview: null, // the mounted widget's handle
  timer: 0,
};

let script;
let tests;

function today() {
  return new Date().toISOString().slice(0, 10);
}

// --- the widget bundle: reviewScript and mount --------------------------------

async function loadBundle() {
  if (!state.wasm) {
    const mod = await import(/* webpackIgnore: true */ `${location.origin}/v1/bondgenoot.js`);
    await mod.default({ module_or_path: `${location.origin}/v1/bondgenoot_bg.wasm` });
    const css = await fetch('/v1/widget.css').then((r) => r.text());
    state.css = new CSSStyleSheet();
    state.css.replaceSync(css);
    state.wasm = mod;
  }
  return state.wasm;
}

function review() {
  const page = state.page;
  const json = state.wasm.reviewScript(state.widget, page.default.source, page.layer,
    script.state.doc.toString(), tests.state.doc.toString(), state.session.org, today());
  return JSON.parse(json);
}

/** Mounts the real widget with the edited script, replacing the last one. */
function mountPreview() {
  const box = $('preview');
  if (state.preview) {
    try { state.preview.destroy(); } catch (e) { console.warn('preview', e); }
    state.preview = null;
  }
  box.replaceChildren();
  const host = document.createElement('bondgenoot-widget');
  host.setAttribute('data-widget', state.widget);
  box.appendChild(host);
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [state.css];
  const root = document.createElement('div');
  shadow.appendChild(root);
  const layers = [
    { name: 'default', source: state.page.default.source },
    { name: state.page.layer, source: script.state.doc.toString() },
  ];
  const body = JSON.stringify({ org: state.session.org, widget: state.widget, layers });
  state.preview = state.wasm.mount(host, root, {
    widget: state.widget,
    org: state.session.org,
    lang: $('preview-lang').value,
    baseUrl: `${location.origin}/v1/`,
    rules: Promise.resolve({ status: 200, body }),
  });
}

// --- what the review found -------------------------------------------------

/** "line 3, column 9 in `score`: …" — where and what, in plain words. */
function describe(error) {
  const where = [];
  if (error.layer && error.layer !== state.page.layer) where.push(`in the default script`);
  if (error.line) where.push(`line ${error.line}${error.column ? `, column ${error.column}` : ''}`);
  if (error.hook) where.push(`while running ${error.hook}`);
  return `${where.length ? where.join(', ') + ': ' : ''}${error.message}`;
}

function showReview(result) {
  const ours = (e) => e && e.layer === state.page.layer && e.line;
  const problems = [];
  if (result.compile) problems.push({ error: result.compile, text: `The script cannot be read — ${describe(result.compile)}` });
  if (result.smoke) problems.push({ error: result.smoke.error, text: `A hook fails (language ${result.smoke.lang}) — ${describe(result.smoke.error)}` });
  showDiagnostics(script, problems.filter((p) => ours(p.error)).map((p) => ({
    line: p.error.line, column: p.error.column, message: p.text,
  })));
  const status = $('status');
  status.className = `status ${problems.length ? 'bad' : 'ok'}`;
  status.textContent = problems.length ? problems.map((p) => p.text).join(' ') : '✓ The script works: every hook runs in nl, en and ar.';
  $('log').textContent = result.log.map((l) => `${l.kind}${l.line ? ` (line ${l.line})` : ''}: ${l.text}`).join('\n');
  return problems.length === 0 || !result.compile;
}

function showTests(result) {
  const list = $('test-list');
  list.replaceChildren();
  $('test-results').hidden = false;
  if (result.compile) {
    $('tests-summary').textContent = 'The tests cannot run: the script cannot be read (see above).';
    return;
  }
  if (result.tests_unreadable) {
    $('tests-summary').textContent = `The test cases cannot be read: ${result.tests_unreadable}`;
    return;
  }
  const failed = result.tests.filter((c) => c.error || c.differences.length);
  $('tests-summary').textContent = result.tests.length === 0
    ? 'This script has no test cases.'
    : `${result.tests.length - failed.length} passed, ${failed.length} failed.`;
  for (const c of result.tests) {
    const li = document.createElement('li');
    const ok = !c.error && c.differences.length === 0;
    li.className = ok ? 'pass' : 'fail';
    li.dataset.result = ok ? 'pass' : 'fail';
    li.append(`${ok ? 'Passed' : 'Failed'}: ${c.name}`);
    if (c.error) {
      const p = document.createElement('p');
      p.className = 'error';
      p.textContent = describe(c.error);
      li.appendChild(p);
    }
    for (const d of c.differences) li.appendChild(differenceView(d));
    list.appendChild(li);
  }
}

/** `$.a.b: expected 50, got 70` as a two-line diff: path, − expected, + actual. */
function differenceView(text) {
  const pre = document.createElement('pre');
  pre.className = 'diff';
  const m = /^(\S+): expected (.*?), (?:got|but it is) (.*)$/s.exec(text);
  if (!m) { pre.textContent = text; return pre; }
  const line = (cls, t) => { const s = document.createElement('span'); s.className = cls; s.textContent = t; return s; };
  pre.append(line('path', m[1]), '\n', line('want', `− expected ${m[2]}`), '\n', line('got', `+ actual   ${m[3]}`));
  return pre;
}

// --- unpublished changes: kept per widget in this tab until published ------

const draftKey = () => `bondgenoot-draft:${state.session.org}:${state.widget}`;

function keepDraft() {
  const live = state.page.live;
  const draft = { source: script.state.doc.toString(), tests: tests.state.doc.toString() };
  const same = live ? draft.source === live.source && draft.tests === live.tests
    : draft.source === emptyScript(state.widget) && draft.tests === state.page.default.tests;
  try {
    if (same) sessionStorage.removeItem(draftKey());
    else sessionStorage.setItem(draftKey(), JSON.stringify(draft));
  } catch (e) { /* storage full or off: the editor still has the text */ }
}

function draft() {
  try { return JSON.parse(sessionStorage.getItem(draftKey()) || 'null'); } catch (e) { return null; }
}

const emptyScript = (widget) => `// Changes to the default ${widget} script go here.\n`;

function onEdit() {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    keepDraft();
    const result = review();
    showReview(result);
    if (!result.compile) mountPreview();
    if (!$('test-results').hidden) showTests(result);
  }, WAIT_MS);
}

// --- history, publish, roll back ------------------------------------------

function showHistory() {
  const list = $('history');
  list.replaceChildren();
  const { versions, live } = state.page;
  $('live-version').textContent = live ? `Live: version ${live.number}` : 'Live: the default script only';
  if (versions.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'Nothing published yet.';
    list.appendChild(li);
  }
  for (const v of versions) {
    const li = document.createElement('li');
    li.dataset.version = v.number;
    const when = new Date(v.created_at).toLocaleString();
    const title = document.createElement('span');
    title.textContent = `Version ${v.number} · ${when}${v.author ? ` · ${v.author}` : ''}${v.note ? ` · “${v.note}”` : ''}`;
    li.appendChild(title);
    if (v.live) {
      const badge = document.createElement('span');
      badge.className = 'live';
      badge.textContent = ' · live';
      li.appendChild(badge);
    }
    const compare = document.createElement('button');
    compare.type = 'button';
    compare.textContent = 'Compare with live';
    compare.setAttribute('aria-label', `Compare with live: version ${v.number}`);
    compare.addEventListener('click', () => showDiff(v));
    li.appendChild(compare);
    if (!v.live) {
      const back = document.createElement('button');
      back.type = 'button';
      back.textContent = 'Make live';
      back.setAttribute('aria-label', `Make live: version ${v.number}`);
      back.addEventListener('click', () => rollBack(v.number));
      li.appendChild(back);
    }
    list.appendChild(li);
  }
}

function showDiff(version) {
  const live = state.page.live;
  $('diff-box').hidden = false;
  $('diff-title').textContent = `Version ${version.number} (−) against the live version ${live ? live.number : ''} (+)`;
  diffView($('diff'), version.source, live ? live.source : '');
}

async function guard(run, output) {
  try {
    await run();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { signOut('Your token is no longer accepted. Please sign in again.'); return; }
    output.textContent = e instanceof ApiError ? e.message : `The server cannot be reached (${e.message}). Nothing was changed; try again.`;
  }
}

async function onPublish() {
  const out = $('publish-result');
  out.textContent = 'Publishing…';
  await guard(async () => {
    try {
      const done = await publish(state.session, state.widget, {
        source: script.state.doc.toString(),
        tests: tests.state.doc.toString(),
        note: $('note').value,
        author: state.session.author,
      });
      $('note').value = '';
      sessionStorage.removeItem(draftKey());
      await openWidget(state.widget);
      out.textContent = `✓ Version ${done.version.number} is live. Widgets pick it up on their next load.`;
    } catch (e) {
      if (e instanceof ApiError && e.body?.error?.review) {
        const r = e.body.error.review;
        showReview(r);
        showTests(r);
        out.textContent = `✗ Not published: the live version stays as it was. ${e.body.error.message.replace(/^[^:]*: /, '')}`;
        return;
      }
      throw e;
    }
  }, out);
}

async function rollBack(number) {
  const out = $('publish-result');
  await guard(async () => {
    await makeLive(state.session, state.widget, number);
    const kept = await openWidget(state.widget);
    out.textContent = `✓ Version ${number} is live again.${kept ? ' Your unpublished changes are still in the editor.' : ''}`;
  }, out);
}

// --- signing in and opening a widget ---------------------------------------

/** Loads a widget's script page; the editor gets this tab's unpublished
 * changes if there are any (returns true then), else the live version. */
async function openWidget(widget) {
  state.widget = widget;
  state.page = await loadScript(state.session, widget);
  const page = state.page;
  const kept = draft();
  setText(script, kept ? kept.source : page.live ? page.live.source : emptyScript(widget));
  setText(tests, kept ? kept.tests : page.live ? page.live.tests : page.default.tests);
  $('drafted').hidden = !kept;
  $('test-results').hidden = true;
  $('diff-box').hidden = true;
  showHistory();
  renderReference($('reference'), page.reference);
  await loadBundle();
  const result = review();
  showReview(result);
  mountPreview();
  return Boolean(kept);
}

function signOut(message = '') {
  sessionStorage.removeItem(SESSION);
  state.session = null;
  if (state.preview) { try { state.preview.destroy(); } catch (e) { /* already gone */ } state.preview = null; }
  $('workspace').hidden = true;
  $('sign-out').hidden = true;
  $('who').hidden = true;
  $('sign-in').hidden = false;
  $('token').value = '';
  $('sign-in-error').textContent = message;
}

async function enter(session) {
  state.session = session;
  $('sign-in').hidden = true;
  $('workspace').hidden = false;
  $('sign-out').hidden = false;
  $('who').hidden = false;
  $('who').textContent = `${session.org}${session.author ? ` · ${session.author}` : ''}`;
  await guard(() => openWidget($('widget').value), $('status'));
}

async function onSignIn(event) {
  event.preventDefault();
  const session = { org: $('org').value.trim(), token: $('token').value.trim(), author: $('author').value.trim() };
  const error = $('sign-in-error');
  if (!session.org || !session.token) {
    error.textContent = 'Fill in the organisation and the admin token.';
    return;
  }
  error.textContent = 'Signing in…';
  try {
    await signIn(session);
  } catch (e) {
    error.textContent = e instanceof ApiError && e.status === 401
      ? 'This organisation and token do not match. Check both and try again.'
      : e instanceof ApiError ? e.message : `The server cannot be reached (${e.message}).`;
    return;
  }
  error.textContent = '';
  sessionStorage.setItem(SESSION, JSON.stringify(session));
  await enter(session);
}

function start() {
  script = scriptEditor($('script-editor'), onEdit);
  tests = testsEditor($('tests-editor'), onEdit);
  $('sign-in-form').addEventListener('submit', onSignIn);
  $('sign-out').addEventListener('click', () => signOut());
  $('widget').addEventListener('change', () => guard(() => openWidget($('widget').value), $('status')));
  $('preview-lang').addEventListener('change', () => { if (state.page && state.wasm) mountPreview(); });
  $('run-tests').addEventListener('click', () => { if (state.page && state.wasm) showTests(review()); });
  $('publish').addEventListener('click', onPublish);
  $('discard').addEventListener('click', () => {
    sessionStorage.removeItem(draftKey());
    guard(() => openWidget(state.widget), $('status'));
  });
  let saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(SESSION) || 'null'); } catch (e) { saved = null; }
  if (saved && saved.org && saved.token) enter(saved);
  else signOut();
}

start();
