// Figures: the scores people chose to share at the end of a scan, per month,
// as the server gives them. The server counts only groups of at least
// `min_people` (a month with fewer shows no figures, a step suggested to
// fewer is not named): this view never works out anything about fewer.

import { figures as loadFigures } from '../api.js';
import { h, fill } from './dom.js';

/** The scans that offer sharing, by widget id; their names are the same in every language. */
const SCANS = [['netwerkscan', 'Netwerkscan'], ['alliantiescan', 'Alliantiescan']];

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element (createElementNS: `h` makes HTML ones), with attributes and children. */
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const child of children) el.append(child);
  return el;
}

/** `2026-12` written out ("December 2026", "december 2026"), as a calendar month: UTC, no zone shift. */
function monthName(month, lang) {
  const [y, m] = String(month).split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, 1)));
}

// The chart's own units: 320 wide, what a 360 px phone leaves for it, so its
// text is the size it says there and grows only a little on a wide screen
// (the CSS caps its width).
const WIDTH = 320;
const PAD = 12;
const ROW = 36;
const x = (value) => PAD + (Math.min(100, Math.max(0, value)) / 100) * (WIDTH - 2 * PAD);

/**
 * One row per score: its id, the 0–100 track, a bar over the middle half
 * (`low` to `high`) and a mark at the median. Hidden from screen readers:
 * the table under it has the same numbers, in a form they read well.
 */
function chart(scores) {
  const height = scores.length * ROW + 24;
  const svg = s('svg', { class: 'fig-chart', viewBox: `0 0 ${WIDTH} ${height}`, 'aria-hidden': 'true', focusable: 'false' });
  scores.forEach((score, i) => {
    const top = i * ROW;
    const bar = top + 20;
    svg.append(
      s('text', { class: 'fig-label', x: PAD, y: top + 14 }, score.id),
      s('rect', { class: 'fig-track', x: x(0), y: bar, width: x(100) - x(0), height: 10 }),
      // At least 2 wide: a middle half where everyone scored the same still shows.
      s('rect', { class: 'fig-spread', x: x(score.low), y: bar, width: Math.max(2, x(score.high) - x(score.low)), height: 10 }),
      s('rect', { class: 'fig-median', x: x(score.median) - 2, y: bar - 4, width: 4, height: 18 }));
  });
  const axis = scores.length * ROW + 4;
  svg.append(s('line', { class: 'fig-axis', x1: x(0), y1: axis, x2: x(100), y2: axis }));
  for (const tick of [0, 25, 50, 75, 100]) {
    svg.append(
      s('line', { class: 'fig-axis', x1: x(tick), y1: axis, x2: x(tick), y2: axis + 4 }),
      s('text', { class: 'fig-tick', x: x(tick), y: axis + 16 }, String(tick)));
  }
  return svg;
}

/** One month: the spread of each score (chart and table) and the steps suggested most. */
function monthView(month, report, ctx, key) {
  const { t } = ctx;
  const name = monthName(month.month, ctx.lang());
  const title = `fig-${key}`;
  if (month.shared === null || month.shared === undefined) {
    return h('section', { class: 'fig-month', 'aria-labelledby': title, dataset: { month: month.month } },
      h('h4', { id: title }, name),
      h('p', { class: 'fig-few' }, t('fig_few', { min: report.min_people })));
  }
  // Languages by their own names, in the console's language.
  const names = new Intl.DisplayNames([ctx.lang() === 'nl' ? 'nl' : 'en'], { type: 'language' });
  const langs = (month.langs || []).map((l) => `${names.of(l.lang) || l.lang} ${l.count}`).join(', ');
  return h('section', { class: 'fig-month', 'aria-labelledby': title, dataset: { month: month.month } },
    h('h4', { id: title }, name, ' ', h('span', { class: 'when' }, t('fig_shared', { n: month.shared }))),
    month.counted < month.shared ? h('p', { class: 'hint fig-counted' }, t('fig_counted', { counted: month.counted, min: report.min_people })) : null,
    langs ? h('p', { class: 'fig-langs' }, t('fig_langs', { langs })) : null,
    month.scores.length ? [
      h('p', { class: 'hint' }, t('fig_legend')),
      chart(month.scores),
      h('table', { class: 'fig-scores' },
        h('caption', {}, t('fig_table', { month: name })),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('col_score')),
          h('th', { scope: 'col', class: 'num' }, t('col_low')),
          h('th', { scope: 'col', class: 'num' }, t('col_median')),
          h('th', { scope: 'col', class: 'num' }, t('col_high')))),
        h('tbody', {}, month.scores.map((score) => h('tr', { dataset: { score: score.id } },
          h('th', { scope: 'row' }, score.id),
          h('td', { class: 'num' }, String(score.low)),
          h('td', { class: 'num' }, String(score.median)),
          h('td', { class: 'num' }, String(score.high)))))),
    ] : null,
    month.steps.length
      ? h('table', { class: 'fig-steps' },
        h('caption', {}, t('fig_steps', { min: report.min_people })),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('col_step')),
          h('th', { scope: 'col', class: 'num' }, t('col_people')))),
        h('tbody', {}, month.steps.map((step) => h('tr', { dataset: { step: step.id } },
          h('th', { scope: 'row' }, step.id),
          h('td', { class: 'num' }, String(step.count))))))
      : h('p', { class: 'muted' }, t('fig_no_steps', { min: report.min_people })));
}

/** One scan's figures, drawn into `body`. */
function scanView(body, report, ctx, widget) {
  const { t } = ctx;
  fill(body,
    report.offer ? null : h('p', { class: 'warn' }, t('fig_off')),
    h('p', { class: 'hint' }, t('fig_privacy', { keep: report.keep_months })),
    report.months.length === 0
      ? h('p', {}, t('fig_none'))
      : report.months.map((month, i) => monthView(month, report, ctx, `${widget}-${i}`)));
}

export async function renderFigures(view, ctx) {
  const { t } = ctx;
  const sections = SCANS.map(([widget, name]) => {
    const body = h('div');
    // Each scan's failure is shown in its own place: the other's figures still count.
    const output = h('p', { class: 'error' });
    const section = h('section', { class: 'fig-scan', id: `figures-${widget}`, 'aria-labelledby': `figures-${widget}-title` },
      h('h3', { id: `figures-${widget}-title` }, name), output, body);
    return { section, load: () => ctx.guard(async () => scanView(body, await loadFigures(ctx.session, widget), ctx, widget), output) };
  });
  await Promise.all(sections.map((one) => one.load()));
  fill(view,
    h('h2', { id: 'view-title', tabindex: '-1' }, t('figures_title')),
    sections.map((one) => one.section));
}
