/** The plan comparison on /compare/: funds, the aligned table of targets and stations, and the phases. */
import type { PlanSummary } from '../../lib/compare.ts';
import { chartWidth } from '../figure.ts';
import type { Context, Selection } from './context.ts';
import { fundsSection } from './funds.ts';
import { phasesSection } from './phases.ts';
import { targetsSection } from './table.ts';

/** Draws the selected plans into `out`, replacing what was there. */
export function drawPlans(ctx: Context, plans: PlanSummary[], sel: Selection, out: HTMLElement) {
  out.replaceChildren();
  const width = () => chartWidth(out);
  out.append(fundsSection(ctx, plans, sel, width));
  out.append(targetsSection(ctx, plans));
  out.append(phasesSection(ctx, plans, sel, width));
}
