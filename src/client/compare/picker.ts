/**
 * The county picker: an input with a list of counties, matched on name, short name, pinyin and code; and the
 * list of counties chosen, each with a button that removes it.
 */
import type { PickerEntry } from '../../lib/compare.ts';

/** The one county a reader's text names (a six-digit code, or a name, short name or pinyin start), else null. */
export function findCounty(counties: readonly PickerEntry[], q: string): PickerEntry | null {
  const s = q.trim().toLowerCase().replace(/\s+/g, '');
  if (!s) return null;
  const code = /\d{6}/.exec(s)?.[0];
  if (code) return counties.find((c) => c.code === code) ?? null;
  const hits = counties.filter(
    (c) =>
      c.name.includes(s) ||
      c.short.includes(s) ||
      c.pinyin
        .replace(/\s/g, ' ')
        .split(' ')
        .some((p) => p.startsWith(s)),
  );
  return hits.length === 1 ? hits[0]! : null;
}

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
  remove: (code: string) => void,
): HTMLLIElement[] {
  return codes.map((c) => {
    const li = document.createElement('li');
    li.textContent = `${names.get(c)} (${c}) `;
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
