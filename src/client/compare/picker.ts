/**
 * The county picker: an input with a list of counties (matched by the contract's oneCounty on every name form,
 * pinyin and code), and the list of counties chosen, each with a button that removes it.
 */
import type { PickerEntry, PlanSummary } from '../../lib/compare.ts';

/** Fills the picker's datalist with every county. */
export function fillOptions(list: HTMLDataListElement, counties: readonly PickerEntry[]) {
  for (const c of counties) {
    const o = document.createElement('option');
    o.value = `${c.name} ${c.code}`;
    o.label = `${c.short} · ${c.province} · ${c.pinyin}`;
    list.append(o);
  }
}

/** The chosen counties as list items, each with a remove button (disabled for the last one left). */
export function chosenItems(
  codes: string[],
  names: Map<string, string>,
  removeLabel: string,
  remove: ((code: string) => void) | null,
): HTMLLIElement[] {
  return codes.map((c) => {
    const li = document.createElement('li');
    li.textContent = `${names.get(c)} (${c}) `;
    if (!remove) return li;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = removeLabel;
    b.setAttribute('aria-label', `${removeLabel} ${names.get(c)}`);
    b.disabled = codes.length <= 1;
    b.addEventListener('click', () => remove(c));
    li.append(b);
    return li;
  });
}

/**
 * The counties /compare/ opens on when the address names none: the three plans that say the most to compare
 * (central funds by category, then targets, then phases), so that every chart has something to show.
 */
export function defaultCodes(plans: readonly PlanSummary[], n = 3): string[] {
  const said = (p: PlanSummary) => [
    p.categories.filter((k) => k.central !== null).length,
    p.targets.length,
    p.phases.length,
  ];
  return [...plans]
    .sort((a, b) => {
      const [x, y] = [said(a), said(b)];
      return y[0]! - x[0]! || y[1]! - x[1]! || y[2]! - x[2]! || a.code.localeCompare(b.code);
    })
    .slice(0, n)
    .map((p) => p.code)
    .sort();
}
