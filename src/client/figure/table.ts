/** A figure's data as a collapsed table: a disclosure named with the chart, the columns and the rows. */

/** The data table under a chart, collapsed, its summary named with the chart's title. */
export function dataTable(
  label: string,
  title: string,
  columns: string[],
  rows: (string | number)[][],
): HTMLDetailsElement {
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = label;
  summary.setAttribute('aria-label', `${label} · ${title}`);
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const v of r) tr.insertCell().textContent = String(v);
  }
  // a wide table scrolls inside its own region on a phone instead of widening the page
  const scroll = document.createElement('div');
  scroll.className = 'scroll';
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', `${label} · ${title}`);
  scroll.tabIndex = 0;
  scroll.append(table);
  details.append(summary, scroll);
  return details;
}
