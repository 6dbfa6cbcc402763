// The rule-script playground: sign in with the organisation's admin token,
// edit the organisation's script for one widget, see the real widget run it,
// run its tests, publish, and roll back. Bundled with CodeMirror by
// `cargo xtask bundle` into target/bundle/admin/playground.js.
//
// The review (compile, run every hook, tests) is the same Rust code the
// server runs before it publishes: `reviewScript` from the engine module.

import { scriptEditor, testsEditor, showDiagnostics, setText, diffView } from './editor.js';
import { signIn, loadScript, publish, makeLive, ApiError } from './api.js';
import { renderReference } from './reference.js';
import { initialLang, setLang, t } from './texts.js';
import { startConsole, stopConsole, redrawConsole } from './console/shell.js';

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

/** Today where the organisation is (as the server reviews scripts), else in UTC. */
function today() {
  return state.overview?.today || new Date().toISOString().slice(0, 10);
}

// --- the widget bundle: reviewScript and mount --------------------------------

async function loadBundle() {
  if (!state.wasm) {
    // The UI module mounts the preview; the engine module runs the scripts
    // (the preview's hooks, and the review as the admin types). Each glue is
    // a factory of instances (see xtask's bundle.rs): one of each here. A
    // browser may keep the unversioned glue of the build before the
    // factories for five minutes after an update: that one is the instance.
    const [mod, engine] = (await Promise.all([
      import(/* webpackIgnore: true */ `${location.origin}/v1/bondgenoot.js`),
      import(/* webpackIgnore: true */ `${location.origin}/v1/bondgenoot_engine.js`),
    ])).map((glue) => (glue.mount || glue.compile ? glue : glue.default()));
    await Promise.all([
      mod.default({ module_or_path: `${location.origin}/v1/bondgenoot_bg.wasm` }),
      engine.default({ module_or_path: `${location.origin}/v1/bondgenoot_engine_bg.wasm` }),
    ]);
    const css = await fetch('/v1/widget.css').then((r) => r.text());
    state.css = new CSSStyleSheet();
    state.css.replaceSync(css);
    state.engine = engine;
    state.wasm = mod;
  }
  return state.wasm;
}

function review() {
  const page = state.page;
  const json = state.engine.reviewScript(state.widget, page.default.source, page.layer,
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
  try {
    state.preview = mountWidget(host, root, body);
  } catch (e) {
    box.textContent = t('preview_fails', { error: e });
  }
}

function mountWidget(host, root, body) {
  return state.wasm.mount(host, root, {
    widget: state.widget,
    org: state.session.org,
    lang: $('preview-lang').value,
    baseUrl: `${location.origin}/v1/`,
    // The organisation's day, as the review runs the scripts on.
    today: today(),
    rules: Promise.resolve({ status: 200, body }),
    engine: () => Promise.resolve({ compile: state.engine.compile, call: state.engine.call }),
    // A signup in the preview is decided by the edited script, not sent.
    preview: true,
  });
}

// --- what the review found -------------------------------------------------

/** "line 3, column 9 in `score`: …" — where and what, in plain words. */
function describe(error) {
  const where = [];
  if (error.layer && error.layer !== state.page.layer) where.push(t('in_default'));
  if (error.line) where.push(error.column ? t('line_col', { line: error.line, column: error.column }) : t('line', { line: error.line }));
  if (error.hook) where.push(t('while_running', { hook: error.hook }));
  return `${where.length ? where.join(', ') + ': ' : ''}${error.message}`;
}

function showReview(result) {
  const ours = (e) => e && e.layer === state.page.layer && e.line;
  const problems = [];
  if (result.compile) problems.push({ error: result.compile, text: t('cannot_read', { where: describe(result.compile) }) });
  if (result.smoke) problems.push({ error: result.smoke.error, text: t('hook_fails', { lang: result.smoke.lang, where: describe(result.smoke.error) }) });
  showDiagnostics(script, problems.filter((p) => ours(p.error)).map((p) => ({
    line: p.error.line, column: p.error.column, message: p.text,
  })));
  const status = $('status');
  delete status.dataset.checking;
  status.className = `status ${problems.length ? 'bad' : 'ok'}`;
  status.textContent = problems.length ? problems.map((p) => p.text).join(' ') : t('status_ok');
  $('log').textContent = result.log.map((l) => `${l.kind}${l.line ? ` (line ${l.line})` : ''}: ${l.text}`).join('\n');
  return problems.length === 0 || !result.compile;
}

function showTests(result) {
  const list = $('test-list');
  list.replaceChildren();
  $('test-results').hidden = false;
  if (result.compile) {
    $('tests-summary').textContent = t('tests_no_compile');
    return;
  }
  if (result.tests_unreadable) {
    $('tests-summary').textContent = t('tests_unreadable', { error: result.tests_unreadable });
    return;
  }
  const failed = result.tests.filter((c) => c.error || c.differences.length);
  $('tests-summary').textContent = result.tests.length === 0
    ? t('no_tests')
    : t('tests_summary', { passed: result.tests.length - failed.length, failed: failed.length });
  for (const c of result.tests) {
    const li = document.createElement('li');
    const ok = !c.error && c.differences.length === 0;
    li.className = ok ? 'pass' : 'fail';
    li.dataset.result = ok ? 'pass' : 'fail';
    li.append(t(ok ? 'passed' : 'failed', { name: c.name }));
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
  pre.append(line('path', m[1]), '\n', line('want', t('expected', { value: m[2] })), '\n', line('got', t('actual', { value: m[3] })));
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

/** Saves an edit still waiting for its review as the draft of the widget it was made in. */
function keepPendingEdit() {
  if (!state.timer || !state.page) return;
  clearTimeout(state.timer);
  state.timer = null;
  keepDraft();
}

function draft() {
  try { return JSON.parse(sessionStorage.getItem(draftKey()) || 'null'); } catch (e) { return null; }
}

const emptyScript = (widget) => `// Changes to the default ${widget} script go here.\n`;

function onEdit() {
  clearTimeout(state.timer);
  // Until the review runs, the status must not keep saying the last result.
  const status = $('status');
  if (status.dataset.checking !== 'yes') {
    status.className = 'status';
    status.dataset.checking = 'yes';
    status.textContent = t('status_checking');
  }
  state.timer = setTimeout(() => {
    state.timer = null;
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
  $('live-version').textContent = live ? t('live_version', { n: live.number }) : t('live_default');
  if (versions.length === 0) {
    const li = document.createElement('li');
    li.textContent = t('nothing_published');
    list.appendChild(li);
  }
  for (const v of versions) {
    const li = document.createElement('li');
    li.dataset.version = v.number;
    const when = new Date(v.created_at).toLocaleString();
    const title = document.createElement('span');
    title.textContent = `${t('version_line', { n: v.number, when })}${v.author ? ` · ${v.author}` : ''}${v.note ? ` · “${v.note}”` : ''}`;
    li.appendChild(title);
    if (v.live) {
      const badge = document.createElement('span');
      badge.className = 'live';
      badge.textContent = t('live_badge');
      li.appendChild(badge);
    }
    const compare = document.createElement('button');
    compare.type = 'button';
    compare.textContent = t('compare');
    compare.setAttribute('aria-label', t('compare_label', { n: v.number }));
    compare.addEventListener('click', () => showDiff(v));
    li.appendChild(compare);
    if (!v.live) {
      const back = document.createElement('button');
      back.type = 'button';
      back.textContent = t('make_live');
      back.setAttribute('aria-label', t('make_live_label', { n: v.number }));
      back.addEventListener('click', () => rollBack(v.number));
      li.appendChild(back);
    }
    list.appendChild(li);
  }
}

function showDiff(version) {
  const live = state.page.live;
  $('diff-box').hidden = false;
  $('diff-title').textContent = t('diff_title', { n: version.number, live: live ? live.number : '' });
  diffView($('diff'), version.source, live ? live.source : '');
}

async function guard(run, output) {
  try {
    await run();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { signOut(t('token_refused')); return; }
    output.textContent = e instanceof ApiError ? e.message : t('unreachable', { error: e.message });
  }
}

async function onPublish() {
  const out = $('publish-result');
  out.textContent = t('publishing');
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
      out.textContent = t('published', { n: done.version.number });
    } catch (e) {
      if (e instanceof ApiError && e.body?.error?.review) {
        const r = e.body.error.review;
        showReview(r);
        showTests(r);
        out.textContent = t('not_published', { why: e.body.error.message.replace(/^[^:]*: /, '') });
        return;
      }
      throw e;
    }
  }, out);
}

async function rollBack(number) {
  const out = $('publish-result');
  await guard(async () => {
    try {
      await makeLive(state.session, state.widget, number);
    } catch (e) {
      // It no longer works (e.g. with a newer default script): the server keeps the live one.
      if (e instanceof ApiError && e.body?.error?.review) {
        out.textContent = t('not_live', { n: number, why: e.body.error.message.replace(/^[^:]*: /, '') });
        return;
      }
      throw e;
    }
    keepPendingEdit();
    const kept = await openWidget(state.widget);
    out.textContent = `${t('rolled_back', { n: number })}${kept ? t('kept_changes') : ''}`;
  }, out);
}

// --- signing in and opening a widget ---------------------------------------

/** Loads a widget's script page; the editor gets this tab's unpublished
 * changes if there are any (returns true then), else the live version. */
async function openWidget(widget) {
  // Reopening the same widget after publish or discard drops an edit still waiting for
  // its review; other callers keep it first (keepPendingEdit).
  clearTimeout(state.timer);
  state.timer = null;
  // Widget and page change together, after the load: a handler running meanwhile
  // (the preview language, a language switch) must not pair one widget with another's page.
  const page = await loadScript(state.session, widget);
  state.widget = widget;
  state.page = page;
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
  try { localStorage.removeItem(SESSION); } catch (e) { /* not kept there */ }
  state.session = null;
  state.overview = null;
  state.page = null;
  stopConsole();
  if (state.preview) { try { state.preview.destroy(); } catch (e) { /* already gone */ } state.preview = null; }
  $('workspace').hidden = true;
  $('sign-out').hidden = true;
  $('who').hidden = true;
  $('sign-in').hidden = false;
  $('token').value = '';
  $('sign-in-error').textContent = message;
}

/** Who is signed in, in the header: their own name, or the shared token's typed one. */
function showWho() {
  const { session, overview } = state;
  if (!session || !overview) return;
  const name = overview.me.name || session.author || t('shared_token');
  $('who').textContent = t('who_line', { org: session.org, name, role: t(`role_${overview.me.role}`) });
}

/** The playground, opened the first time its part of the console is shown. */
async function openScripts() {
  $('workspace').hidden = false;
  if (state.page) return;
  await guard(() => openWidget($('widget').value), $('status'));
}

function closeScripts() {
  keepPendingEdit();
  $('workspace').hidden = true;
}

async function enter(session, overview = null) {
  if (!overview) {
    try {
      overview = await signIn(session);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) { signOut(t('token_refused')); return; }
      // Not reachable now (a door with bad wifi): keep the saved sign-in and
      // the changes waiting on this device; try again in a moment.
      $('sign-in').hidden = true;
      $('sign-out').hidden = false;
      $('who').hidden = false;
      $('who').textContent = e instanceof ApiError ? e.message : t('unreachable', { error: e.message });
      setTimeout(() => enter(session), 5000);
      return;
    }
  }
  state.session = session;
  state.overview = overview;
  $('sign-in').hidden = true;
  $('sign-out').hidden = false;
  $('who').hidden = false;
  showWho();
  startConsole({
    session,
    overview,
    lang: () => $('ui-lang').value,
    openScripts,
    closeScripts,
    unauthorized: () => signOut(t('token_refused')),
  });
}

async function onSignIn(event) {
  event.preventDefault();
  const session = { org: $('org').value.trim(), token: $('token').value.trim(), author: $('author').value.trim() };
  const error = $('sign-in-error');
  if (!session.org || !session.token) {
    error.textContent = t('fill_in');
    return;
  }
  error.textContent = t('signing_in');
  let overview;
  try {
    overview = await signIn(session);
  } catch (e) {
    error.textContent = e instanceof ApiError && e.status === 401
      ? t('no_match')
      : e instanceof ApiError ? e.message : t('unreachable', { error: e.message });
    return;
  }
  error.textContent = '';
  // This tab only, or (for the phone at the door) this device until signing out.
  const store = $('remember').checked ? localStorage : sessionStorage;
  try { store.setItem(SESSION, JSON.stringify(session)); } catch (e) { sessionStorage.setItem(SESSION, JSON.stringify(session)); }
  await enter(session, overview);
}

/** Shows the page in `lang`, including what was drawn from data. */
function changeLang(lang) {
  setLang(lang);
  showWho();
  redrawConsole();
  // History and reference only need the page; the review also needs the wasm, which may
  // still be loading (it then renders in the new language when it arrives).
  if (!state.page) return;
  showHistory();
  renderReference($('reference'), state.page.reference);
  if (!state.wasm) return;
  const result = review();
  showReview(result);
  if (!$('test-results').hidden) showTests(result);
}

function start() {
  const lang = initialLang();
  $('ui-lang').value = lang;
  setLang(lang);
  $('ui-lang').addEventListener('change', () => changeLang($('ui-lang').value));
  script = scriptEditor($('script-editor'), onEdit);
  tests = testsEditor($('tests-editor'), onEdit);
  $('sign-in-form').addEventListener('submit', onSignIn);
  $('sign-out').addEventListener('click', () => signOut());
  $('widget').addEventListener('change', () => {
    keepPendingEdit();
    guard(() => openWidget($('widget').value), $('status'));
  });
  $('preview-lang').addEventListener('change', () => { if (state.page && state.wasm) mountPreview(); });
  $('run-tests').addEventListener('click', () => { if (state.page && state.wasm) showTests(review()); });
  $('publish').addEventListener('click', onPublish);
  $('discard').addEventListener('click', () => {
    sessionStorage.removeItem(draftKey());
    guard(() => openWidget(state.widget), $('status'));
  });
  if (signInFromLink()) return;
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(SESSION) || localStorage.getItem(SESSION) || 'null');
  } catch (e) { saved = null; }
  if (saved && saved.org && saved.token) enter(saved);
  else signOut();
}

/**
 * `/admin/#org=NAME&token=TOKEN` (the link `bondgenoot serve --demo` prints) fills in
 * the sign-in form, signs in and opens the rule scripts. The fragment is removed from the address bar at once,
 * so the token is not left in the history or in a screenshot of the page.
 */
function signInFromLink() {
  const params = new URLSearchParams(location.hash.slice(1));
  const org = params.get('org');
  const token = params.get('token');
  if (!org || !token) return false;
  // The link is for editing rule scripts: it opens them.
  history.replaceState(null, '', `${location.pathname}${location.search}#scripts`);
  signOut();
  $('org').value = org;
  $('token').value = token;
  $('sign-in-form').requestSubmit();
  return true;
}

start();
