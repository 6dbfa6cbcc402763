// The console's frame: which parts a signed-in admin sees (by their role),
// and the address (`#cafes`, `#cafe/3/signups`, `#door/3`, `#counts`,
// `#figures`, `#log`, `#scripts`) that picks the view. After a view is drawn, focus goes
// to its heading unless something else was asked for (the café just saved,
// the scanned person's button, which the door view returns).

import { ApiError } from '../api.js';
import { t } from '../texts.js';
import { renderList, renderForm } from './cafes.js';
import { renderSignups } from './signups.js';
import { renderPick, renderDoor, leaveDoor } from './door.js';
import { renderCounts, renderLog } from './counts.js';
import { renderFigures } from './figures.js';

const $ = (id) => document.getElementById(id);

const AREAS = [
  ['cafes', '#cafes', ['all', 'cafes']],
  ['door', '#door', ['all', 'cafes']],
  ['counts', '#counts', ['all', 'cafes']],
  // Anonymous and only ever about groups: every admin may read them.
  ['figures', '#figures', ['all', 'cafes', 'scripts']],
  ['scripts', '#scripts', ['all', 'scripts']],
  ['log', '#log', ['all', 'cafes', 'scripts']],
];

let ctx = null;
/** Counts the views drawn: a slow draw that finishes after a newer one started is dropped. */
let drawing = 0;
/** The view element on screen (a draw makes a new one and swaps it in when done). */
let screen = null;

/**
 * Starts the console for a signed-in admin. `overview` is the server's
 * answer to signing in (who, role, time zone, today); `openScripts` shows
 * the playground; `unauthorized` signs out with a message.
 */
export function startConsole({ session, overview, lang, openScripts, closeScripts, unauthorized }) {
  const view = $('console');
  const role = overview.me.role;
  screen = view;
  ctx = {
    session,
    role,
    view,
    zone: overview.time_zone,
    today: overview.today,
    t,
    lang,
    unauthorized,
    openScripts,
    closeScripts,
    focus: null,
    /** Goes to `hash`; `focus` is a selector to focus once it is drawn. */
    go(hash, focus = null) {
      ctx.focus = focus;
      if (location.hash === hash) show();
      else location.hash = hash;
    },
    /** Runs `work`; a failure is shown in `output` (a 401 signs out). */
    async guard(work, output) {
      try {
        await work();
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) { unauthorized(); return; }
        output.textContent = e instanceof ApiError ? e.message : t('unreachable', { error: e.message });
      }
    },
  };
  drawNav();
  window.removeEventListener('hashchange', show);
  window.addEventListener('hashchange', show);
  $('areas').hidden = false;
  if (!location.hash || location.hash === '#') {
    history.replaceState(null, '', `#${role === 'scripts' ? 'scripts' : 'cafes'}`);
  }
  show();
}

/** Stops the console (signing out). */
export function stopConsole() {
  window.removeEventListener('hashchange', show);
  leaveDoor();
  ctx = null;
  $('areas').hidden = true;
  $('console').hidden = true;
  $('console').replaceChildren();
}

/** Redraws the navigation and the current view (the page's language changed). */
export function redrawConsole() {
  if (!ctx) return;
  drawNav();
  if (!location.hash.startsWith('#scripts')) show();
}

function drawNav() {
  const list = $('areas-list');
  list.replaceChildren();
  for (const [key, hash, roles] of AREAS) {
    if (!roles.includes(ctx.role)) continue;
    const a = document.createElement('a');
    a.href = hash;
    a.textContent = t(`area_${key}`);
    a.dataset.area = key;
    const li = document.createElement('li');
    li.append(a);
    list.append(li);
  }
  markCurrent();
}

function markCurrent() {
  const area = areaOf(location.hash);
  for (const a of $('areas-list').querySelectorAll('a')) {
    if (a.dataset.area === area) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function areaOf(hash) {
  const first = hash.replace(/^#/, '').split('/')[0];
  return first === 'cafe' ? 'cafes' : first;
}

async function show() {
  if (!ctx) return;
  const parts = location.hash.replace(/^#/, '').split('/');
  const area = areaOf(location.hash);
  const allowed = AREAS.find(([key]) => key === area)?.[2] || [];
  markCurrent();
  if (area !== 'door') leaveDoor();
  if (!allowed.includes(ctx.role)) {
    history.replaceState(null, '', `#${ctx.role === 'scripts' ? 'scripts' : 'cafes'}`);
    show();
    return;
  }
  if (area === 'scripts') {
    drawing += 1;
    screen.hidden = true;
    ctx.openScripts();
    return;
  }
  ctx.closeScripts();
  screen.hidden = false;
  const focus = ctx.focus;
  ctx.focus = null;
  const before = document.activeElement;
  // Each view draws into a fresh element, which takes the shown one's place
  // only if no newer draw started meanwhile (a slow answer must not cover
  // the view the organiser moved on to).
  const mine = ++drawing;
  const target0 = document.createElement('div');
  target0.id = 'console';
  // This draw's own context: its view is the new element (where its later
  // redraws go once it is on screen); the shared one keeps the shown view.
  const draw = { ...ctx, view: target0 };
  const swapIn = () => {
    screen.replaceWith(target0);
    screen = target0;
    ctx.view = target0;
  };
  let wants = null;
  try {
    if (parts[0] === 'cafes' && parts[1] === 'new') await renderForm(draw.view, draw, 'new');
    else if (parts[0] === 'cafe' && parts[2] === 'edit') await renderForm(draw.view, draw, 'edit', parts[1]);
    else if (parts[0] === 'cafe' && parts[2] === 'copy') await renderForm(draw.view, draw, 'copy', parts[1]);
    else if (parts[0] === 'cafe' && parts[2] === 'signups') await renderSignups(draw.view, draw, parts[1]);
    else if (parts[0] === 'door' && parts[1]) wants = await renderDoor(draw.view, draw, parts[1], parts[2], () => mine === drawing);
    else if (parts[0] === 'door') await renderPick(draw.view, draw);
    else if (parts[0] === 'counts') await renderCounts(draw.view, draw);
    else if (parts[0] === 'figures') await renderFigures(draw.view, draw);
    else if (parts[0] === 'log') await renderLog(draw.view, draw);
    else await renderList(draw.view, draw);
    if (mine !== drawing || !ctx) return;
    swapIn();
  } catch (e) {
    if (mine !== drawing || !ctx) return;
    swapIn();
    if (e instanceof ApiError && e.status === 401) { ctx.unauthorized(); return; }
    const p = document.createElement('p');
    p.className = 'error';
    p.setAttribute('role', 'alert');
    p.textContent = e instanceof ApiError ? e.message : t('unreachable', { error: e.message });
    ctx.view.replaceChildren(p);
    return;
  }
  const target = (focus && ctx.view.querySelector(focus)) || (wants && ctx.view.querySelector(wants)) || null;
  if (target) {
    if (!target.matches('button, a, input')) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'center' });
  } else if (document.activeElement === before || !ctx.view.contains(document.activeElement)) {
    ctx.view.querySelector('#view-title')?.focus();
  }
}
