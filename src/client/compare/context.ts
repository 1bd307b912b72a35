/**
 * The compare page's settings, read once from its root element (#compare): its strings, the closed lists of
 * metrics, categories and targets with their names, the language, and on /embed/compare/ the one chart asked for.
 */
import { askedChart } from '../embed.ts';

/** The most counties compared at once. */
export const MAX = 6;
/** The charts an embed URL can ask for alone (?chart=…). */
const CHARTS = ['funds', 'central', 'phases', 'monthly'] as const;
/** One of the charts an embed URL can ask for. */
export type ChartId = (typeof CHARTS)[number];

/** The counties and metric being drawn (checked against the closed lists). */
export interface Selection {
  codes: string[];
  metric: string;
}

/** What the page's parts need to draw: strings, names, units and the root element. */
export interface Context {
  root: HTMLElement;
  /** UI strings, already in the page's language */
  L: Record<string, string>;
  lang: 'zh' | 'en';
  /** monthly metric → name */
  metrics: Record<string, string>;
  /** monthly metric → the unit its chart and CSV are in (万元, 件 / ¥ million, parcels) */
  units: Record<string, string>;
  /** fund category → name */
  categories: Record<string, string>;
  /** target metric → name, in the vocabulary's order */
  targets: Record<string, string>;
  /** on /embed/compare/, the one chart asked for (null: the whole comparison) */
  solo: ChartId | null;
  /** yuan per unit of money in charts: 万元 in Chinese, ¥ million in English */
  scale: number;
  unit: string;
  /** the documents' base path, for links to a span */
  docs: string;
}

/** The page's context from its root element's data attributes. */
export function readContext(root: HTMLElement): Context {
  const zh = root.dataset.lang === 'zh';
  return {
    root,
    L: JSON.parse(root.dataset.strings!) as Record<string, string>,
    lang: zh ? 'zh' : 'en',
    metrics: JSON.parse(root.dataset.metrics!) as Record<string, string>,
    units: JSON.parse(root.dataset.units!) as Record<string, string>,
    categories: JSON.parse(root.dataset.categories!) as Record<string, string>,
    targets: JSON.parse(root.dataset.targets!) as Record<string, string>,
    solo: root.dataset.embed === 'true' ? askedChart(CHARTS) : null,
    scale: zh ? 1e4 : 1e6,
    unit: zh ? '万元' : '¥ million',
    docs: root.dataset.docs ?? '',
  };
}

/** Marks a part of the page (or the whole page, its root) as idle, loading, ready or in error. */
export function setState(part: HTMLElement, s: 'idle' | 'loading' | 'ready' | 'error') {
  part.dataset.state = s;
}
