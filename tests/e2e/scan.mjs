// Filling in the Netwerkscan as a job seeker would, for the end-to-end tests.
// `w` is a locator of the widget's host element (Playwright pierces its shadow root).

export async function ready(w) {
  await w.locator('.bg-netwerkscan').waitFor({ timeout: 15000 });
}

/** Leaves the intro. */
export async function start(w) {
  await w.locator('.bg-nav .bg-primary').click();
  await w.locator('#bg-person-name').waitFor();
}

/** Adds a person with the mouse. */
export async function addPerson(w, { name, relation = '', close = false, knows = false, gives = [], circles = false, links = false }) {
  await w.locator('#bg-person-name').click();
  await w.locator('#bg-person-name').fill(name);
  if (relation) await w.locator('#bg-person-relation').selectOption(relation);
  await w.locator(`#bg-close-${close}`).check();
  await w.locator(`#bg-knows-${knows}`).check();
  for (const g of gives) await w.locator(`#bg-gives-${g}`).check();
  await w.locator(`#bg-circles-${circles}`).check();
  await w.locator(`#bg-links-${links}`).check();
  await w.locator('.bg-form button[type=submit]').click();
}

/** From the people stage to the result, answering questions on the way. */
export async function toResult(w, answers) {
  await w.locator('.bg-nav .bg-primary').click();
  for (const [q, option] of Object.entries(answers)) await w.locator(`#bg-q-${q}-${option}`).check();
  await w.locator('.bg-nav .bg-primary').click();
  await w.locator('.bg-result').waitFor();
}

/** With one person and no answers, on to the result, where an organisation's
 * failing `score` shows its kind message instead. */
export async function toFailedScore(w) {
  await ready(w);
  await start(w);
  await addPerson(w, { name: 'Aunt', relation: 'family', close: true });
  await w.locator('.bg-nav .bg-primary').click();
  await w.locator('.bg-nav .bg-primary').click();
  await w.locator('.bg-error[role=alert]').waitFor();
}

export async function scores(w) {
  const items = await w.locator('.bg-score').evaluateAll((els) =>
    els.map((el) => [el.dataset.id, Number(el.querySelector('.bg-score-value').dataset.value)]));
  return Object.fromEntries(items);
}

export const stepIds = (w) => w.locator('.bg-step').evaluateAll((els) => els.map((el) => el.dataset.id));

export const COLLEAGUE = { name: 'Old colleague', relation: 'work', knows: true, gives: ['tips'], links: true };
export const NEIGHBOUR = { name: 'Neighbour', relation: 'neighbourhood', knows: true, gives: ['listening'], circles: true };
// The default script for these two plus trust and meetings: nobody close +
// trust → 20; one bridge (20) + meetings (20) → 40; one work contact → 30;
// both know → 100; 2 of 4 kinds of help → 50; 2 kinds of relation → 40.
export const STANDARD_SCORES = { bonding: 20, bridging: 40, linking: 30, awareness: 100, support: 50, diversity: 40 };

/** The same answers, so the default and the demo rules can be compared. */
export async function fillStandardScan(w) {
  await start(w);
  await addPerson(w, COLLEAGUE);
  await addPerson(w, NEIGHBOUR);
  await toResult(w, { trust: 'yes', meetings: 'yes' });
}

