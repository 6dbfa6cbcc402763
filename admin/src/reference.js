// The reference panel: the widget's hooks and helpers, from the same
// scripts/reference.json the README's hook sections are made from.

import { t, withCode } from './texts.js';

function entry(list, name, parts, example) {
  const dt = document.createElement('dt');
  const code = document.createElement('code');
  code.textContent = name;
  dt.appendChild(code);
  const dd = document.createElement('dd');
  for (const [label, text] of parts) {
    const p = document.createElement('p');
    p.append(`${label}: `, withCode(text));
    dd.appendChild(p);
  }
  if (example) {
    const pre = document.createElement('pre');
    pre.textContent = example;
    dd.appendChild(pre);
  }
  list.append(dt, dd);
}

export function renderReference(box, reference) {
  box.replaceChildren();
  if (!reference) {
    box.textContent = t('no_reference');
    return;
  }
  const heading = (text) => { const h = document.createElement('h3'); h.textContent = text; box.appendChild(h); };
  heading(t('hooks'));
  const hooks = document.createElement('dl');
  for (const h of reference.hooks) entry(hooks, h.hook, [[t('gets'), h.gets], [t('returns'), h.returns]], h.example);
  box.appendChild(hooks);
  const notes = document.createElement('ul');
  for (const n of reference.notes) { const li = document.createElement('li'); li.appendChild(withCode(n)); notes.appendChild(li); }
  box.appendChild(notes);
  heading(t('helpers'));
  const helpers = document.createElement('dl');
  for (const h of reference.helpers) entry(helpers, h.helper, [[t('changes'), h.changes]], h.example);
  box.appendChild(helpers);
}
