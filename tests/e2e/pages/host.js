// The host site's own script: proves the page keeps working next to the widgets
// and that widget events reach the page.
let clicks = 0;
document.getElementById('site-button')?.addEventListener('click', () => {
  clicks += 1;
  document.getElementById('site-output').textContent = `The site's own button was clicked ${clicks} time(s).`;
});
document.addEventListener('bondgenoot:signup', (event) => {
  const out = document.getElementById('site-events');
  if (out) out.textContent += JSON.stringify(event.detail);
});
document.addEventListener('bondgenoot:complete', (event) => {
  const out = document.getElementById('site-events');
  if (out) out.textContent += JSON.stringify(event.detail);
});
