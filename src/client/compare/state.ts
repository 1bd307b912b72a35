/**
 * The compare page's state in its address (?c=469001,440232&m=online_retail_sales_yuan): reloading or sharing the
 * URL restores it. County codes and the metric are checked against closed lists (the picker index, the metric
 * vocabulary) before they are used.
 */
import { MAX } from './context.ts';

/** The monthly metric shown when the address names none (or one not in the list). */
export const DEFAULT_METRIC = 'online_retail_sales_yuan';

/** The state an address asks for: known codes (at most MAX), what was unknown (for a message), the metric. */
export interface UrlState {
  codes: string[];
  unknown: string[];
  metric: string;
}

/** The state an address asks for, checked against the known county codes and metrics. */
export function parseState(href: string, valid: Set<string>, metrics: Set<string>, max = MAX): UrlState {
  const url = new URL(href);
  const asked = (url.searchParams.get('c') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const known = [...new Set(asked.filter((c) => valid.has(c)))];
  // shown as text only, and cut short: a URL can carry anything
  const unknown = asked.filter((c) => !valid.has(c)).map((c) => (c.length > 24 ? `${c.slice(0, 24)}…` : c));
  if (known.length > max) unknown.unshift(`(${known.length - max} > ${max})`);
  const m = url.searchParams.get('m') ?? DEFAULT_METRIC;
  return { codes: known.slice(0, max), unknown, metric: metrics.has(m) ? m : DEFAULT_METRIC };
}

/**
 * The query string of a state, written by hand so that the commas stay commas (URLSearchParams would write %2C);
 * every value is from a closed list.
 */
export const stateQuery = (codes: string[], metric: string, chart: string | null = null): string =>
  `?c=${codes.join(',')}&m=${metric}${chart ? `&chart=${chart}` : ''}`;

/** Writes the state into the URL: a new history entry for a reader's change (so back and forward work). */
export function writeUrl(codes: string[], metric: string, chart: string | null, push: boolean) {
  const url = new URL(location.href);
  url.search = stateQuery(codes, metric, chart);
  if (url.href === location.href) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
