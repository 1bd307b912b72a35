/**
 * A county's interactive monthly series: a metric picker, the monthly values, and year-on-year growth against
 * the plan's growth target. On the county page it opens on request (the DuckDB engine is downloaded only when the
 * reader asks) and the static charts above stay for readers without JavaScript; the metric is kept in the URL
 * (?m=…), so a cited link opens the same series. On /embed/counties/<code>/ it opens at once and, with
 * ?chart=series|growth, shows that chart alone. The metric is checked against the page's own closed list.
 */
import { askedChart } from './embed.ts';

const root = document.getElementById('monthly-interactive') as HTMLElement | null;
if (root) {
  const L = JSON.parse(root.dataset.strings!) as Record<string, string>;
  const METRICS = JSON.parse(root.dataset.metrics!) as Record<string, string>;
  const select = root.querySelector('select') as HTMLSelectElement;
  const out = root.querySelector('.out') as HTMLElement;
  const start = root.querySelector('button.open') as HTMLButtonElement;
  const embed = root.dataset.embed === 'true';
  // the drawing code (DuckDB, Plot, papaparse) is fetched only when the reader asks for it
  let generation = 0;
  const draw = async () => {
    // loading from the moment the reader asks, so that a test (or a screen reader) never sees a stale 'ready'
    root.dataset.state = 'loading';
    const solo = embed ? askedChart(['series', 'growth']) : null;
    const mine = ++generation;
    return (await import('./county-monthly-draw.ts')).draw(
      root,
      select.value,
      solo,
      () => mine === generation,
    );
  };
  const fail = (e: unknown) => {
    root.dataset.state = 'error';
    out.textContent = typeof WebAssembly === 'object' ? String((e as Error).message) : L.no_wasm!;
  };
  const open = () => {
    start.hidden = true;
    select.hidden = false;
    (root.querySelector('label') as HTMLElement).hidden = false;
    draw().catch(fail);
  };
  root.hidden = false;
  if (typeof WebAssembly !== 'object') {
    // say so at once rather than offer a button that cannot work; the static charts above are unaffected
    start.hidden = true;
    fail(null);
  }
  start.addEventListener('click', open);
  select.addEventListener('change', () => {
    // the chosen metric in the URL, so that the page's address (and its citation line) reproduces the chart
    const url = new URL(location.href);
    url.searchParams.set('m', select.value);
    history.replaceState(null, '', url);
    draw().catch(fail);
  });
  // ?m=… (a cited link, or an embed page) opens the series of that metric at once
  const m = new URL(location.href).searchParams.get('m');
  const asked = m !== null && Object.hasOwn(METRICS, m);
  if (asked) select.value = m;
  if ((embed || asked) && typeof WebAssembly === 'object') open();
}
