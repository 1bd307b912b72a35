/**
 * The phases of the selected plans on one timeline. A phase's table row and CSV give its first and last month as
 * published (phases.csv); only the bar is drawn to the end of its last month. A phase whose plan states only its
 * end is a dot at the end, its start left empty (never guessed from the phase before); a plan with no dated phase
 * is named inside the figure.
 */
import { timeline } from '../../lib/charts.ts';
import type { PlanSummary } from '../../lib/compare.ts';
import type { Context, Selection } from './context.ts';
import { compareFigure, section } from './figures.ts';

/** A dated phase: "county · phase", its first month (null when not stated) and last month (YYYY-MM). */
export interface PhaseRow {
  county: string;
  label: string;
  start: string | null;
  end: string;
}

/** The first day of a month (YYYY-MM), UTC. */
export const monthStart = (ym: string) => new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7) - 1, 1));
/** The first day after a month (YYYY-MM), UTC: where a bar that covers the month ends. */
export const monthAfter = (ym: string) => new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7), 1));

/** The phases with their last month, in the plans' order, labelled with their county. */
export const phaseRows = (plans: PlanSummary[]): PhaseRow[] =>
  plans.flatMap((p) =>
    p.phases
      .filter((x) => x.end)
      .map((x) => ({ county: p.name, label: `${p.name} · ${x.name}`, start: x.start, end: x.end! })),
  );

/** The bars of the timeline: each phase from the start of its first month to the end of its last. */
export const phaseBars = (rows: PhaseRow[]) =>
  rows.map((r) => ({ label: r.label, start: r.start ? monthStart(r.start) : null, end: monthAfter(r.end) }));

/** The sentences naming the counties drawn as end dots only, and those not drawn at all. */
function phaseNotes(ctx: Context, plans: PlanSummary[], rows: PhaseRow[]): string | undefined {
  const sep = ctx.lang === 'zh' ? '、' : ', ';
  const endsOnly = plans.filter(
    (p) => rows.some((r) => r.county === p.name) && !rows.some((r) => r.county === p.name && r.start),
  );
  const none = plans.filter((p) => !rows.some((r) => r.county === p.name));
  const notes = [
    ...(endsOnly.length ? [ctx.L.phase_ends!.replace('{names}', endsOnly.map((p) => p.name).join(sep))] : []),
    ...(none.length ? [ctx.L.no_phases!.replace('{names}', none.map((p) => p.name).join(sep))] : []),
  ];
  return notes.length ? notes.join(' ') : undefined;
}

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
        rows: rows.map((r) => [r.label, r.start ?? '', r.end]),
        absent: phaseNotes(ctx, plans, rows),
      }),
    );
  return out;
}
