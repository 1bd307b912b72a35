/**
 * Embeds: the iframe snippet offered under a chart, and on an embed page (/embed/…, no site header) the one
 * chart asked for with ?chart=…. Kept apart from figure.ts (which brings papaparse) so that a page can read
 * ?chart= without downloading the drawing code.
 */

/**
 * The address to cite for what the page shows: the page itself, or for an embed page the full page it was cut
 * from (/embed/compare/?c=…&chart=funds → /compare/?c=…), which a reader can open and check.
 */
export function citable(): string {
  const { origin, pathname, search, href } = location;
  if (!pathname.includes('/embed/')) return href;
  // the query is kept as written (URLSearchParams would rewrite every comma as %2C)
  const kept = search
    .slice(1)
    .split('&')
    .filter((p) => p && !p.startsWith('chart='))
    .join('&');
  return `${origin}${pathname.replace('/embed/', '/')}${kept ? `?${kept}` : ''}`;
}

/**
 * The embed snippet for a chart on a page whose root element carries data-embed-path; none on an embed page
 * itself (data-embed="true"). `query` is built from closed-list values only.
 */
export function embedFor(root: HTMLElement, query: string, label: string) {
  if (root.dataset.embed === 'true') return undefined;
  return { src: new URL(`${root.dataset.embedPath}?${query}`, location.href).href, label };
}

/**
 * The height an embed page of one chart needs at 720 px: the chart's own height (the charts are drawn with
 * fixed heights, whatever their width) plus the page around it (heading, legend, notes, citation, downloads,
 * footer), measured at about 560 px and rounded up.
 */
export const embedHeight = (chartHeight: number) => Math.ceil((chartHeight + 640) / 10) * 10;

/**
 * The HTML to paste into another page: an iframe of one of our embed pages, `height` tall (enough at 720 px),
 * and a few lines that set the iframe to the height its page reports (embed-height.ts), so that on a phone it is
 * neither cut nor followed by blank space. The lines accept heights only from this site's origin and only for
 * iframes of it; a host that allows no inline script keeps the fixed height.
 */
export function iframe(src: string, height: number, title: string): string {
  const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const origin = new URL(src).origin;
  const resize =
    `<script>addEventListener("message",function(e){if(e.origin!==${JSON.stringify(origin)}||!e.data||typeof e.data.planAtlasHeight!=="number")return;` +
    `document.querySelectorAll("iframe[data-plan-atlas]").forEach(function(f){if(f.contentWindow===e.source){f.style.height=e.data.planAtlasHeight+"px";f.setAttribute("data-sized","true")}})})</script>`;
  // as wide as the host page allows, up to 720 px
  return `<iframe src="${attr(src)}" height="${height}" style="border:0;width:100%;max-width:720px" title="${attr(title)}" data-plan-atlas></iframe>\n${resize}`;
}

/** The ?chart=… of an embed page, if it is one of the page's chart ids; anything else is ignored. */
export function askedChart<T extends string>(ids: readonly T[]): T | null {
  const c = new URL(location.href).searchParams.get('chart');
  return ids.find((id) => id === c) ?? null;
}

/**
 * An embed page asked for one chart: hide everything in `container` except that figure (and the elements that
 * hold it). Returns false when the figure is not on the page (e.g. no plan states the figures it needs).
 */
export function showOnly(container: HTMLElement, chart: string): boolean {
  const fig = [...container.querySelectorAll<HTMLElement>('figure.chart')].find(
    (f) => f.dataset.chart === chart,
  );
  if (!fig) return false;
  for (let el: HTMLElement = fig; el !== container && el.parentElement; el = el.parentElement)
    for (const sibling of el.parentElement.children)
      if (sibling !== el) (sibling as HTMLElement).hidden = true;
  return true;
}
