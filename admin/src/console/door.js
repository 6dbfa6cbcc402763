// Check-in at the door, on a phone: the people with a place (and those
// waiting, who may come anyway), search by name, one tap for "present",
// walk-ins added on the spot, and the counts. Changes go through the
// DoorQueue: made offline, they are sent when the connection is back.
//
// `#door/CAFE/KEY` (the QR code on a person's confirmation, KEY its random
// door key) opens the café with that person found and their button focused.

import { cafes as loadCafes, signups as loadSignups, walkIns as loadWalkIns } from '../api.js';
import { h, fill, day, when, randomKey } from './dom.js';
import { DoorQueue } from './queue.js';

let queue = null;

/** Leaves the door (another view, or signing out): no more retries from here. */
export function leaveDoor() {
  if (queue) queue.stop();
  queue = null;
}

/** `#door`: which café. Today's and the coming ones first. */
export async function renderPick(view, ctx) {
  const { t } = ctx;
  const all = await loadCafes(ctx.session);
  const coming = all.filter((c) => c.date >= ctx.today);
  const recent = all.filter((c) => c.date < ctx.today).reverse().slice(0, 5);
  const item = (c) => h('li', {}, h('a', { class: 'button wide', href: `#door/${c.id}` },
    `${day(c.date, ctx.lang())} · ${c.start} · ${c.title}`));
  fill(view, 
    h('h2', { id: 'view-title', tabindex: '-1' }, t('door_title')),
    h('h3', {}, t('door_pick')),
    h('ul', { class: 'plain' }, coming.map(item)),
    recent.length ? [h('h3', {}, t('past')), h('ul', { class: 'plain' }, recent.map(item))] : null);
}

/**
 * `#door/CAFE[/SIGNUP]`; returns what to focus once shown (the scanned
 * person's button). `current()` is false once the organiser has moved on.
 */
export async function renderDoor(view, ctx, cafeId, scanned, current = () => true) {
  const { t } = ctx;
  const lang = ctx.lang();
  fill(view, h('p', { role: 'status' }, t('loading')));
  const [all, rows, walkIns] = await Promise.all([
    loadCafes(ctx.session), loadSignups(ctx.session, cafeId), loadWalkIns(ctx.session, cafeId)]);
  const cafe = all.find((c) => String(c.id) === String(cafeId));
  if (!current()) return null;
  if (!cafe) { ctx.go('#door'); return null; }
  const people = rows.filter((r) => r.status === 'confirmed' || r.status === 'waitlist');

  const counts = h('p', { class: 'counts', id: 'door-counts' });
  const network = h('p', { class: 'status', role: 'status', id: 'door-network' });
  const scanNote = h('p', { class: 'status', role: 'status', id: 'door-scan' });
  const search = h('input', { id: 'door-search', type: 'search', autocomplete: 'off' });
  const noMatch = h('p', { class: 'muted', hidden: true }, t('no_match_search'));
  const walkInList = h('ul', { class: 'plain walk-ins' });

  leaveDoor();
  // What the server answered replaces what was shown before the change.
  const sent = (item, answer) => {
    if (item.kind === 'tick') {
      const row = people.find((r) => r.id === answer.id);
      if (row) row.present_at = answer.present_at;
    } else if (String(answer.cafe_id) === String(cafeId) && !walkIns.some((w) => w.id === answer.id)) {
      walkIns.push(answer);
    }
  };
  queue = new DoorQueue(ctx.session, () => refresh(), sent);
  queue.onUnauthorized = () => ctx.unauthorized();

  /** The server's rows with the changes still on this phone laid over them. */
  const pending = () => queue ? queue.items() : [];
  const presentAt = (row) => {
    const tick = pending().find((i) => i.kind === 'tick' && i.signup === row.id);
    return tick ? (tick.present ? tick.at : null) : row.present_at;
  };

  const buttons = new Map();
  const personItem = (row) => {
    const button = h('button', { type: 'button', class: 'tick', 'aria-pressed': 'false',
      'aria-label': t('present_label', { name: row.name }),
      onclick: () => {
        const present = button.getAttribute('aria-pressed') !== 'true';
        queue.add({ id: randomKey(), kind: 'tick', signup: row.id, present, at: new Date().toISOString() });
      } }, h('span', { 'aria-hidden': 'true' }, '✓ '), t('present'));
    const note = h('span', { class: 'muted note' });
    buttons.set(row.id, { button, note, row });
    return h('li', { class: 'person', id: `person-${row.id}`, dataset: { name: row.name.toLowerCase() } },
      h('span', { class: 'name' }, row.name,
        row.status === 'waitlist' ? h('span', { class: 'muted' }, ` (${t('waiting_short', { n: row.position })})`) : null),
      note, button);
  };

  function refresh() {
    let came = 0;
    let missing = 0;
    for (const { button, note, row } of buttons.values()) {
      const at = presentAt(row);
      button.setAttribute('aria-pressed', at ? 'true' : 'false');
      note.textContent = at ? ` ${t('present_at', { when: when(at, lang, ctx.zone) })}` : '';
      if (at) came += 1;
      else if (row.status === 'confirmed') missing += 1;
    }
    const waitingWalkIns = pending().filter((i) => i.kind === 'walkin' && String(i.cafe) === String(cafeId));
    const shown = [...walkIns.map((w) => w.name), ...waitingWalkIns.map((w) => `${w.name} …`)];
    walkInList.replaceChildren(...shown.map((name) => h('li', {}, name)));
    counts.textContent = t('door_counts', {
      signed: people.filter((r) => r.status === 'confirmed').length, came, missing, walkins: shown.length });
    if (!queue) return;
    const n = pending().length;
    const refused = queue.refused.splice(0).map((why) => t('change_refused', { why })).join(' ');
    const line = queue.offline && n ? t('offline', { n }) : n ? t('sending', { n }) : refused || (network.textContent ? t('all_sent') : '');
    if (network.textContent !== line) network.textContent = line;
  }

  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    let any = false;
    for (const li of view.querySelectorAll('li.person')) {
      li.hidden = Boolean(q) && !li.dataset.name.includes(q);
      any = any || !li.hidden;
    }
    noMatch.hidden = any || !q;
  });

  const walkInName = h('input', { id: 'walk-in-name', autocomplete: 'off', maxlength: 100 });
  const walkInForm = h('form', { class: 'walk-in', novalidate: true },
    h('label', { for: 'walk-in-name' }, t('walk_in_name')),
    h('div', { class: 'inline' }, walkInName, h('button', { type: 'submit' }, t('add_walk_in'))));
  walkInForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = walkInName.value.trim();
    if (!name) { walkInName.focus(); return; }
    walkInName.value = '';
    queue.add({ id: randomKey(), kind: 'walkin', cafe: Number(cafeId), name, key: randomKey() });
    walkInName.focus();
  });

  const confirmed = people.filter((r) => r.status === 'confirmed').sort((a, b) => a.name.localeCompare(b.name));
  const waiting = people.filter((r) => r.status === 'waitlist');
  fill(view, 
    h('p', {}, h('a', { href: '#door' }, `← ${t('door_pick')}`)),
    h('h2', { id: 'view-title', tabindex: '-1' }, t('door_cafe', { title: cafe.title })),
    h('p', {}, t('cafe_when', { date: day(cafe.date, lang), start: cafe.start, end: cafe.end })),
    counts,
    scanNote,
    network,
    h('div', { class: 'field' }, h('label', { for: 'door-search' }, t('search')), search),
    noMatch,
    h('h3', {}, t('with_place', { n: confirmed.length })),
    h('ul', { class: 'plain people' }, confirmed.map(personItem)),
    waiting.length ? [h('h3', {}, t('waiting', { n: waiting.length })), h('ul', { class: 'plain people' }, waiting.map(personItem))] : null,
    h('section', { 'aria-labelledby': 'walk-ins-title' },
      h('h3', { id: 'walk-ins-title' }, t('walk_ins')),
      walkInForm,
      walkInList));
  refresh();
  queue.flush();

  if (scanned) {
    // The code carries the signup's door key (random); codes made before
    // door keys existed carry its number.
    const found = [...buttons.values()].find((b) => (b.row.door_key && b.row.door_key === scanned)
      || (/^\d+$/.test(scanned) && String(b.row.id) === scanned));
    if (found) {
      scanNote.textContent = t('scanned', { name: found.row.name });
      return `#person-${found.row.id} button.tick`;
    }
    scanNote.textContent = t('scanned_unknown');
  }
  return null;
}
