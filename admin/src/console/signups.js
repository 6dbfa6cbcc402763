// The signups of one café: who has a place, who waits and in which order,
// who moved up and when, who cancelled; search by name; the answers and
// the support each person asked for; the CSV export; deleting one person's
// data on request.

import { cafes as loadCafes, signups as loadSignups, forget, deleteSignup, exportCsv } from '../api.js';
import { h, fill, when, day } from './dom.js';

/** The form's answers other than the name, as "field: answer" lines. */
function answers(form, ctx) {
  return Object.entries(form || {})
    .filter(([key]) => key !== 'name')
    .map(([key, value]) => {
      const text = Array.isArray(value) ? value.join(', ') : value === true ? ctx.t('yes') : value === false ? ctx.t('no') : String(value);
      return h('div', {}, h('span', { class: 'muted' }, `${key}: `), text);
    });
}

export async function renderSignups(view, ctx, cafeId) {
  const { t } = ctx;
  fill(view, h('p', { role: 'status' }, t('loading')));
  const [all, rows] = await Promise.all([loadCafes(ctx.session), loadSignups(ctx.session, cafeId)]);
  const cafe = all.find((c) => String(c.id) === String(cafeId));
  if (!cafe) { ctx.go('#cafes'); return; }
  const status = h('p', { class: 'status', role: 'status' });
  const search = h('input', { id: 'search', type: 'search', autocomplete: 'off' });
  const tables = h('div');
  const lang = ctx.lang();

  const onDelete = async (row) => {
    const name = row.name || `#${row.id}`;
    if (!window.confirm(t('confirm_delete', { name }))) return;
    await ctx.guard(async () => {
      const email = row.form?.email;
      const phone = row.form?.phone || row.form?.tel;
      if (email || phone) await forget(ctx.session, { email: email || null, phone: phone || null });
      else await deleteSignup(ctx.session, row.id);
      await renderSignups(view, ctx, cafeId);
      const after = view.querySelector('.status');
      after.textContent = t('deleted', { name });
      view.querySelector('#view-title').focus();
    }, status);
  };

  const table = (key, list, extra) => h('div', {},
    h('h3', { id: `t-${key}` }, t(key, { n: list.length })),
    list.length === 0 ? h('p', { class: 'muted' }, t('none_here')) : h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-labelledby': `t-${key}` }, h('table', {},
      h('thead', {}, h('tr', {},
        extra ? h('th', { scope: 'col' }, t('col_position')) : null,
        h('th', { scope: 'col' }, t('col_name')),
        h('th', { scope: 'col' }, t('col_asked')),
        h('th', { scope: 'col' }, t('col_history')),
        h('th', { scope: 'col' }, t('col_actions')))),
      h('tbody', {}, list.map((row) => h('tr', { dataset: { name: (row.name || '').toLowerCase() } },
        extra ? h('td', {}, String(row.position ?? '')) : null,
        h('th', { scope: 'row' }, row.name || h('span', { class: 'muted' }, t('details_gone'))),
        h('td', {}, answers(row.form, ctx)),
        h('td', {},
          h('div', {}, `${t('col_when')}: ${when(row.created_at, lang, ctx.zone)}`),
          row.moved_up_at ? h('div', {}, t('moved_up', { when: when(row.moved_up_at, lang, ctx.zone) })) : null,
          row.cancelled_at ? h('div', {}, t('cancelled_on', { when: when(row.cancelled_at, lang, ctx.zone) })) : null,
          row.present_at ? h('div', {}, t('present_at', { when: when(row.present_at, lang, ctx.zone) })) : null,
          row.duplicate_of ? h('div', { class: 'warn' }, t('possible_duplicate', { id: row.duplicate_of })) : null),
        h('td', {}, row.name || Object.keys(row.form || {}).length
          ? h('button', { type: 'button', class: 'danger', 'aria-label': t('delete_person', { name: row.name || `#${row.id}` }), onclick: () => onDelete(row) }, '✕')
          : null)))))));

  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const waiting = rows.filter((r) => r.status === 'waitlist').sort((a, b) => a.position - b.position);
  const cancelled = rows.filter((r) => r.status === 'cancelled');
  tables.append(table('with_place', confirmed, false), table('waiting', waiting, true), table('cancelled', cancelled, false));

  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    for (const tr of tables.querySelectorAll('tbody tr')) tr.hidden = Boolean(q) && !tr.dataset.name.includes(q);
  });

  const download = async () => {
    status.textContent = t('exporting');
    await ctx.guard(async () => {
      const blob = await exportCsv(ctx.session, cafeId);
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: `aanmeldingen-${cafe.date}.csv`, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      status.textContent = '';
    }, status);
  };

  fill(view, 
    h('p', {}, h('a', { href: '#cafes' }, `← ${t('back_to_cafes')}`)),
    h('h2', { id: 'view-title', tabindex: '-1' }, t('signups_title', { title: cafe.title })),
    h('p', {}, t('cafe_when', { date: day(cafe.date, lang), start: cafe.start, end: cafe.end }), ' · ', cafe.place),
    h('p', { class: 'muted' }, t('cafe_counts', { confirmed: cafe.counts.confirmed, capacity: cafe.capacity, waitlist: cafe.counts.waitlist })),
    h('div', { class: 'toolbar' },
      h('div', {}, h('label', { for: 'search' }, t('search')), search),
      h('button', { type: 'button', id: 'export', onclick: download }, t('export_csv'))),
    status,
    tables);
}
