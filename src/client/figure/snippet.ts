/** A figure's embed snippet: the iframe HTML for the chart alone, in a disclosure named with the chart. */
import { embedHeight, iframe } from '../embed.ts';

/** The disclosure with the iframe snippet of an embed page showing the chart alone, as tall as it needs. */
export function embedSnippet(embed: { src: string; label: string }, title: string, chartHeight: number) {
  const details = document.createElement('details');
  details.className = 'embed';
  const label = document.createElement('summary');
  label.textContent = embed.label;
  // several charts on a page: each disclosure is named with its chart
  label.setAttribute('aria-label', `${embed.label} · ${title}`);
  const pre = document.createElement('pre');
  pre.tabIndex = 0;
  pre.setAttribute('role', 'region');
  pre.setAttribute('aria-label', `${embed.label} · ${title}`);
  const code = document.createElement('code');
  code.className = 'embed-snippet';
  code.textContent = iframe(embed.src, embedHeight(chartHeight), `Plan Atlas · ${title}`);
  pre.append(code);
  details.append(label, pre);
  return details;
}
