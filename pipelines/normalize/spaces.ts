import { type BreakAt, keepBreak, type LineSoFar } from './breaks.ts';

/** A run of whitespace and markup between two visible characters, read but not yet written. */
export interface SpaceRun {
  /** whether the run holds anything */
  any: boolean;
  /** whether it holds a line break (a newline or a block tag) */
  newline: boolean;
  /** whether it holds a block tag */
  hard: boolean;
  /** whether it holds a tab */
  tab: boolean;
  /** where it begins in the original */
  start: number;
}

/** What a run of whitespace adds: a block tag, a newline, a tab or a space of any kind. */
export type SpaceKind = 'hard' | 'newline' | 'tab' | 'space';

/** An empty run. */
export function noSpace(): SpaceRun {
  return { any: false, newline: false, hard: false, tab: false, start: -1 };
}

/** The kind of a whitespace character: \n and \r are newlines, \t a tab, any other a space. */
export function spaceKind(cp: number): SpaceKind {
  return cp === 0x0a || cp === 0x0d ? 'newline' : cp === 0x09 ? 'tab' : 'space';
}

/** Adds whitespace or markup at `at` to a run (the run begins at the first). */
export function addSpace(run: SpaceRun, at: number, kind: SpaceKind): void {
  if (!run.any) run.start = at;
  run.any = true;
  if (kind === 'newline' || kind === 'hard') run.newline = true;
  if (kind === 'hard') run.hard = true;
  else if (kind === 'tab') run.tab = true;
}

/** The character before and after a run, and the line it ends or continues. */
export interface Around {
  readonly original: string;
  /** where the next visible character is */
  readonly to: number;
  readonly prevChar: string;
  readonly prevWide: boolean;
  readonly nextWide: boolean;
  readonly line: LineSoFar;
}

/**
 * What a run is written as: a line break kept as \n or joined, a tab as \t, other space as one space between Latin
 * words or numbers and nothing next to a CJK character.
 */
export function separator(run: SpaceRun, around: Around): '\n' | '\t' | ' ' | '' {
  const space = around.prevWide || around.nextWide ? '' : ' ';
  if (run.newline) {
    const at: BreakAt = { ...around, from: run.start, hard: run.hard };
    return keepBreak(at) ? '\n' : space;
  }
  return run.tab ? '\t' : space;
}
