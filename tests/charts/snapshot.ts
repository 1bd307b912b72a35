/**
 * Golden snapshots of charts, as Observable Plot's own tests keep them: a chart's markup, normalised (numbers
 * rounded to 2 decimals, generated ids and class hashes renumbered in order of appearance) and indented, against
 * tests/charts/snapshots/<name>.svg (or .html for a chart that Plot wraps in a figure with its legend).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../helpers.ts';

/** Where the snapshots are kept. */
export const SNAPSHOTS = join(ROOT, 'tests/charts/snapshots');

/** Numbers with a fraction rounded to 2 decimals (26.500001 → 26.5, -0.001 → 0). */
const roundNumbers = (s: string) =>
  s.replace(/-?\d+\.\d+(?:e[-+]?\d+)?/gi, (n) => String(Math.round(Number(n) * 100) / 100));

/** Each distinct match of `pattern` replaced by `name(n)`, n counted in order of first appearance. */
function renumber(s: string, pattern: RegExp, name: (n: number) => string) {
  const seen = new Map<string, string>();
  return s.replace(pattern, (m) => {
    if (!seen.has(m)) seen.set(m, name(seen.size + 1));
    return seen.get(m)!;
  });
}

/** Plot's generated ids (clip paths, markers, patterns) and the references to them, renumbered. */
const renumberIds = (s: string) => renumber(s, /(?<=\bid="|url\(#|href="#)[^")]+/g, (n) => `id-${n}`);

/** Plot's class hashes (plot-d6a7b5, in class names and in its style sheets), renumbered. */
const renumberClasses = (s: string) => renumber(s, /\bplot-[0-9a-f]{6}\b/g, (n) => `plot-${n}`);

/** A chart's markup with what varies between equal drawings (float noise, generated names) made equal. */
export const normalise = (markup: string) => renumberClasses(renumberIds(roundNumbers(markup)));

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'wbr',
]);
/** Elements whose content is printed as it is: text (where white space shows) and style sheets. */
const VERBATIM = new Set(['text', 'style', 'title']);

/**
 * Markup indented one element a line, for diffs a person can read: a line break is added only between two tags
 * (never next to text) and never inside text or a style sheet, so the markup draws the same.
 */
export function indent(markup: string): string {
  let out = '';
  let depth = 0;
  let verbatim = 0;
  let afterTag = false;
  for (const token of markup.match(/<!--[\s\S]*?-->|<[^>]+>|[^<]+/g) ?? []) {
    const tag = /^<(\/?)([a-zA-Z][\w:-]*)/.exec(token);
    if (!tag) {
      out += token;
      afterTag = false;
      continue;
    }
    const [, closing, name] = tag;
    const opens = !closing && !token.endsWith('/>') && !VOID.has(name!.toLowerCase());
    if (closing) depth--;
    if (afterTag && verbatim === 0 && out) out += `\n${'  '.repeat(depth)}`;
    out += token;
    if (VERBATIM.has(name!)) verbatim += closing ? -1 : opens ? 1 : 0;
    if (opens) depth++;
    afterTag = true;
  }
  return `${out}\n`;
}

/** A chart's snapshot file: a standalone SVG document, or an HTML page for a figure with its legend. */
export function snapshotFile(markup: string): { ext: 'svg' | 'html'; text: string } {
  const text = indent(normalise(markup));
  if (text.startsWith('<svg'))
    return {
      ext: 'svg',
      text: text.includes('xmlns=') ? text : text.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"'),
    };
  return { ext: 'html', text: `<!doctype html>\n<meta charset="utf-8">\n${text}` };
}

/**
 * Compares a chart with its snapshot. A missing snapshot is written and the test fails saying so (a new
 * snapshot is committed deliberately); a different one is written beside it as <name>-changed.<ext>, for a
 * person to look at, and the test fails with the difference.
 */
export function expectSnapshot(name: string, markup: string) {
  const { ext, text } = snapshotFile(markup);
  mkdirSync(SNAPSHOTS, { recursive: true });
  const file = join(SNAPSHOTS, `${name}.${ext}`);
  const changed = join(SNAPSHOTS, `${name}-changed.${ext}`);
  if (!existsSync(file)) {
    writeFileSync(file, text);
    throw new Error(
      `snapshot ${relative(ROOT, file)} was missing and has been written: look at it, then commit it`,
    );
  }
  const expected = readFileSync(file, 'utf8');
  if (text === expected) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, text);
  expect(text, `${name} differs from its snapshot: see ${relative(ROOT, changed)}`).toBe(expected);
}
