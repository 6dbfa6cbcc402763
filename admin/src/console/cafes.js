// Cafés: the list (coming up, past, closed), and the form to create, edit,
// copy ("same café next month"), close and open again, with the café's
// words in Dutch, English, Arabic, Ukrainian and Turkish. Every change goes through the admin
// API; its error is shown next to the field it names.

import { cafes as loadCafes, createCafe, updateCafe, ApiError } from '../api.js';
import { h, fill, day } from './dom.js';

const OTHER_LANGS = [['en', 'ltr'], ['ar', 'rtl'], ['uk', 'ltr'], ['tr', 'ltr']];

/** The café's fields as the API takes them (no id, no counts). */
function details(listing) {
  const { id, counts, ...rest } = listing;
  return rest;
}

/** The list of cafés, in three parts. */
export async function renderList(view, ctx) {
  const { t } = ctx;
  fill(view, h('p', { role: 'status' }, t('loading')));
  const all = await loadCafes(ctx.session);
  const upcoming = all.filter((c) => !c.closed && c.date >= ctx.today);
  const past = all.filter((c) => !c.closed && c.date < ctx.today).reverse();
  const closed = all.filter((c) => c.closed);
  const status = h('p', { role: 'status', class: 'status' });
  const part = (key, list) => h('section', { 'aria-labelledby': `part-${key}` },
    h('h3', { id: `part-${key}` }, t(key)),
    list.length ? h('ul', { class: 'cafes' }, list.map((c) => cafeItem(c, ctx, status))) : h('p', { class: 'muted' }, t('none_here')));
  fill(view, 
    h('h2', { id: 'view-title', tabindex: '-1' }, t('cafes_title')),
    h('p', { class: 'hint' }, t('times_in', { zone: ctx.zone })),
    h('p', {}, h('a', { class: 'button primary', href: '#cafes/new' }, t('new_cafe'))),
    status,
    part('upcoming', upcoming),
    part('past', past),
    part('closed', closed),
  );
}

function cafeItem(c, ctx, status) {
  const { t } = ctx;
  const toggle = async () => {
    await ctx.guard(async () => {
      // The café as it is now (another admin may have changed it since the
      // list was drawn): only `closed` changes.
      const now = (await loadCafes(ctx.session)).find((x) => x.id === c.id);
      if (!now) { await renderList(ctx.view, ctx); return; }
      await updateCafe(ctx.session, c.id, { ...details(now), closed: !c.closed });
      await renderList(ctx.view, ctx);
      ctx.view.querySelector(`#cafe-${c.id} .toggle`)?.focus();
    }, status);
  };
  return h('li', { class: 'cafe', id: `cafe-${c.id}` },
    h('h4', {}, c.title, c.closed ? h('span', { class: 'badge' }, ` · ${t('closed_badge')}`) : null),
    h('p', {}, t('cafe_when', { date: day(c.date, ctx.lang()), start: c.start, end: c.end }), ' · ', c.place),
    h('p', { class: 'muted' }, t('cafe_counts', { confirmed: c.counts.confirmed, capacity: c.capacity, waitlist: c.counts.waitlist })),
    h('p', { class: 'actions' },
      h('a', { class: 'button', href: `#cafe/${c.id}/signups` }, t('signups')),
      h('a', { class: 'button', href: `#door/${c.id}` }, t('to_door')),
      h('a', { class: 'button', href: `#cafe/${c.id}/edit` }, t('edit')),
      h('a', { class: 'button', href: `#cafe/${c.id}/copy` }, t('copy_next_month')),
      h('button', { type: 'button', class: 'toggle', onclick: toggle }, c.closed ? t('reopen') : t('close'))));
}

/** The same day of the month, a month later (the 31st becomes the last day). */
export function nextMonth(date) {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const next = new Date(Date.UTC(y, m, Math.min(d, last)));
  return next.toISOString().slice(0, 10);
}

const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** The form: `mode` is `new`, `edit` or `copy` (of café `id`). */
export async function renderForm(view, ctx, mode, id) {
  const { t } = ctx;
  let cafe = { title: '', description: '', date: ctx.today, start: '14:00', end: '16:00', place: '', address: '',
    sectors: [], employers: [], languages: ['nl'], capacity: 20, closed: false, texts: {} };
  if (mode !== 'new') {
    const found = (await loadCafes(ctx.session)).find((c) => String(c.id) === String(id));
    if (!found) { ctx.go('#cafes'); return; }
    cafe = { texts: {}, ...details(found) };
    if (mode === 'copy') cafe = { ...cafe, date: nextMonth(cafe.date), closed: false };
  }
  const title = mode === 'new' ? t('form_new') : mode === 'edit' ? t('form_edit') : t('form_copy', { title: cafe.title });
  const field = (name, label, input, hint) => h('div', { class: 'field' },
    h('label', { for: `f-${name}` }, label, hint ? h('span', { class: 'hint' }, ` ${hint}`) : null),
    input,
    h('p', { class: 'error', id: `f-${name}-error` }));
  const text = (name, value, extra = {}) => h('input', { id: `f-${name}`, name, value: value ?? '', 'aria-describedby': `f-${name}-error`, ...extra });
  const area = (name, value, extra = {}) => {
    const el = h('textarea', { id: `f-${name}`, name, rows: 3, 'aria-describedby': `f-${name}-error`, ...extra });
    el.value = value ?? '';
    return el;
  };
  const words = (lang, dir) => {
    const own = cafe.texts?.[lang] || {};
    const p = `texts.${lang}.`;
    return h('fieldset', { lang, dir },
      h('legend', { lang: ctx.lang(), dir: 'ltr' }, t('other_lang', { lang: t(`lang_${lang}`) })),
      field(`${p}title`, t('f_title'), text(`${p}title`, own.title, { maxlength: 120 })),
      field(`${p}description`, t('f_description'), area(`${p}description`, own.description)),
      field(`${p}sectors`, t('f_sectors'), text(`${p}sectors`, (own.sectors || []).join(', ')), t('list_hint')),
      field(`${p}employers`, t('f_employers'), text(`${p}employers`, (own.employers || []).join(', ')), t('list_hint')));
  };
  const status = h('p', { class: 'status', role: 'status' });
  const form = h('form', { novalidate: true, class: 'cafe-form' },
    h('fieldset', {},
      h('legend', {}, t('first_lang')),
      field('title', t('f_title'), text('title', cafe.title, { required: true, maxlength: 120 })),
      field('description', t('f_description'), area('description', cafe.description)),
      field('sectors', t('f_sectors'), text('sectors', cafe.sectors.join(', ')), t('list_hint')),
      field('employers', t('f_employers'), text('employers', cafe.employers.join(', ')), t('list_hint'))),
    h('div', { class: 'row' },
      field('date', t('f_date'), text('date', cafe.date, { type: 'date', required: true })),
      field('start', t('f_start'), text('start', cafe.start, { type: 'time', required: true })),
      field('end', t('f_end'), text('end', cafe.end, { type: 'time', required: true }))),
    h('p', { class: 'hint' }, t('times_in', { zone: ctx.zone })),
    field('place', t('f_place'), text('place', cafe.place, { required: true, maxlength: 200 })),
    field('address', t('f_address'), text('address', cafe.address, { required: true, maxlength: 200 })),
    field('languages', t('f_languages'), text('languages', cafe.languages.join(', ')), t('list_hint')),
    field('capacity', t('f_capacity'), text('capacity', cafe.capacity, { type: 'number', min: 1, max: 10000, required: true, inputmode: 'numeric' })),
    h('div', { class: 'check' },
      h('input', { id: 'f-closed', name: 'closed', type: 'checkbox', checked: cafe.closed }),
      h('label', { for: 'f-closed' }, t('f_closed'))),
    OTHER_LANGS.map(([lang, dir]) => words(lang, dir)),
    h('p', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, t('save')),
      h('a', { class: 'button', href: '#cafes' }, t('cancel'))),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (name) => form.elements.namedItem(name).value;
    const body = {
      title: value('title').trim(),
      description: value('description').trim(),
      date: value('date'),
      start: value('start'),
      end: value('end'),
      place: value('place').trim(),
      address: value('address').trim(),
      sectors: list(value('sectors')),
      employers: list(value('employers')),
      languages: list(value('languages')),
      capacity: Number(value('capacity')),
      closed: form.elements.namedItem('closed').checked,
      texts: {},
    };
    for (const [lang] of OTHER_LANGS) {
      const p = `texts.${lang}.`;
      const own = { title: value(`${p}title`).trim(), description: value(`${p}description`).trim(),
        sectors: list(value(`${p}sectors`)), employers: list(value(`${p}employers`)) };
      if (own.title || own.description || own.sectors.length || own.employers.length) body.texts[lang] = own;
    }
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const el of form.querySelectorAll('.error')) el.textContent = '';
    status.textContent = t('saving');
    try {
      const saved = mode === 'edit' ? await updateCafe(ctx.session, id, body) : await createCafe(ctx.session, body);
      status.textContent = t('saved');
      ctx.go('#cafes', `#cafe-${saved.id} h4`);
    } catch (e) {
      const name = e instanceof ApiError ? e.body?.error?.field : null;
      const input = name ? form.elements.namedItem(name) : null;
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        form.querySelector(`[id="f-${name}-error"]`).textContent = e.message;
        status.textContent = t('check_fields');
        input.focus();
      } else if (e instanceof ApiError && e.status === 401) {
        ctx.unauthorized();
      } else {
        status.textContent = e instanceof ApiError ? e.message : t('unreachable', { error: e.message });
      }
    }
  });
  fill(view, 
    h('p', {}, h('a', { href: '#cafes' }, `← ${t('back_to_cafes')}`)),
    h('h2', { id: 'view-title', tabindex: '-1' }, title),
    form);
}
