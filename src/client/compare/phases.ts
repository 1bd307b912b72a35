/**
 * The phases of the selected plans on one timeline. A phase's table row and CSV give its first and last month as
 * published (phases.csv); only the bar is drawn to the end of its last month.
 */
import { timeline } from '../../lib/charts.ts';
import type { PlanSummary } from '../../lib/compare.ts';
import type { Context, Selection } from './context.ts';
import { compareFigure, section } from './figures.ts';

/** A dated phase: "county · phase", its first and last month (YYYY-MM). */
export interface PhaseRow {
  label: string;
  start: string;
  end: string;
}

/** The first day of a month (YYYY-MM), UTC. */
export const monthStart = (ym: string) => new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7) - 1, 1));
/** The first day after a month (YYYY-MM), UTC: where a bar that covers the month ends. */
export const monthAfter = (ym: string) => new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7), 1));

/** The phases with both months, in the plans' order, labelled with their county. */
export const phaseRows = (plans: PlanSummary[]): PhaseRow[] =>
  plans.flatMap((p) =>
    p.phases
      .filter((x) => x.start && x.end)
      .map((x) => ({ label: `${p.name} · ${x.name}`, start: x.start!, end: x.end! })),
  );

/** The bars of the timeline: each phase from the start of its first month to the end of its last. */
export const phaseBars = (rows: PhaseRow[]) =>
  rows.map((r) => ({ label: r.label, start: monthStart(r.start), end: monthAfter(r.end) }));

/** The phases section: the timeline, when some phase has both months. */
export function phasesSection(ctx: Context, plans: PlanSummary[], sel: Selection, width: () => number) {
  const { L } = ctx;
  const out = section('phases', L.phases!);
  const rows = phaseRows(plans);
  if (rows.length)
    out.append(
      compareFigure(ctx, sel, 'phases', {
        title: L.phases!,
        svg: timeline(phaseBars(rows), { alt: L.phases!, width: width(), document }),
        columns: [L.phase!, L.start!, L.end!],
        rows: rows.map((r) => [r.label, r.start, r.end]),
      }),
    );
  return out;
}
