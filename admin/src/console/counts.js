// Who came, per café and over time (signed up, came, did not come, walk-ins),
// and the organisation's history: who changed what, by their own sign-in.

import { attendance, adminLog } from '../api.js';
import { h, fill, day, when } from './dom.js';

export async function renderCounts(view, ctx) {
  const { t } = ctx;
  const lang = ctx.lang();
  const rows = await attendance(ctx.session);
  const sum = (key) => rows.reduce((n, r) => n + (r[key] ?? 0), 0);
  // One card per café, by date: four figures that fit a phone side by side.
  const figures = (r) => h('dl', { class: 'figures' },
    [['col_signed', r.signed_up], ['col_came', r.came], ['col_missed', r.did_not_come], ['col_walkins', r.walk_ins]]
      .map(([key, n]) => h('div', {}, h('dt', {}, t(key)), h('dd', {}, n === null || n === undefined
        ? [h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'visually-hidden' }, t('not_yet'))]
        : String(n)))));
  fill(view, 
    h('h2', { id: 'view-title', tabindex: '-1' }, t('counts_title')),
    h('ol', { id: 'attendance', class: 'plain' },
      rows.map((r) => h('li', { class: 'count-card', dataset: { cafe: r.cafe_id } },
        h('h3', {}, r.title, h('span', { class: 'when' }, day(r.date, lang))),
        figures(r)))),
    h('section', { class: 'count-card', 'aria-labelledby': 'total-title' },
      h('h3', { id: 'total-title' }, t('total')),
      figures({ signed_up: sum('signed_up'), came: sum('came'), did_not_come: sum('did_not_come'), walk_ins: sum('walk_ins') })));
}

export async function renderLog(view, ctx) {
  const { t } = ctx;
  const lang = ctx.lang();
  const entries = await adminLog(ctx.session);
  fill(view, 
    h('h2', { id: 'view-title', tabindex: '-1' }, t('admin_log_title')),
    h('ol', { class: 'log-list' }, entries.map((e) => h('li', {},
      t('log_line', { when: when(e.at, lang, ctx.zone), who: e.who === 'organisation token' ? t('shared_token') : e.who || t('server_or_cli'), action: e.action, detail: e.detail })))));
}
