/**
 * The county page's interactive monthly series: opened on request (the DuckDB engine is downloaded only when the
 * reader asks), a metric picker, the monthly values, and year-on-year growth against the plan's growth target.
 * The static charts above stay for readers without JavaScript. The county code and metric are checked against
 * the page's own closed lists.
 */

const root = document.getElementById('monthly-interactive') as HTMLElement | null;
if (root) {
  const L = JSON.parse(root.dataset.strings!) as Record<string, string>;
  const select = root.querySelector('select') as HTMLSelectElement;
  const out = root.querySelector('.out') as HTMLElement;
  const start = root.querySelector('button.open') as HTMLButtonElement;
  // the drawing code (DuckDB, Plot, papaparse) is fetched only when the reader asks for it
  const draw = async () => {
    // loading from the moment the reader asks, so that a test (or a screen reader) never sees a stale 'ready'
    root.dataset.state = 'loading';
    return (await import('./county-monthly-draw.ts')).draw(root, select.value);
  };
  root.hidden = false;
  start.addEventListener('click', () => {
    start.hidden = true;
    select.hidden = false;
    (root.querySelector('label') as HTMLElement).hidden = false;
    draw().catch((e) => {
      root.dataset.state = 'error';
      out.textContent = typeof WebAssembly === 'object' ? String((e as Error).message) : L.no_wasm!;
    });
  });
  select.addEventListener('change', () =>
    draw().catch((e) => {
      root.dataset.state = 'error';
      out.textContent = String((e as Error).message);
    }),
  );
}
