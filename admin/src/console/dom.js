// Building the console's DOM without HTML strings: every text is a text node,
// so nothing an organiser or a job seeker typed is ever parsed as markup.

/**
 * `h('button', { type: 'button', onclick }, 'Save')`: an element with
 * attributes (`on…` functions become listeners, `false`/`null` are left
 * out, `true` is an empty attribute) and children (strings, nodes, arrays,
 * `null`).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/**
 * A date-time (RFC 3339) as the organiser reads it, in the page's language
 * and the organisation's time zone `zone` (where its cafés are).
 */
export function when(rfc3339, lang, zone) {
  if (!rfc3339) return '';
  const date = new Date(rfc3339);
  if (Number.isNaN(date.getTime())) return rfc3339;
  const options = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return date.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { ...options, timeZone: zone || undefined });
  } catch (e) {
    return date.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', options);
  }
}

/** `YYYY-MM-DD` as a readable date (no time zone shift: it is a calendar day). */
export function day(date, lang) {
  const [y, m, d] = String(date).split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB',
    { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** 32 random hex characters: a key for a walk-in made offline. */
export function randomKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Replaces `el`'s children with `children` (flattened; `null` and `false` left out). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
}
