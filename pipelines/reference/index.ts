import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Row } from '../contract/schema.ts';
import { type CountyDivision, type Divisions, loadDivisions } from './divisions.ts';
import { type Alias, makeResolver, type Resolver, readAliases } from './resolve.ts';
import { type Rule, readRules } from './rules.ts';

/** What the plan pipeline checks documents against: the division table, former names and the programme's rules. */
export interface Reference {
  divisions: Divisions;
  county: Map<string, CountyDivision>;
  aliases: Alias[];
  resolve: Resolver;
  rules: Rule[];
  /** full names of every county-level division and former name, for documents that do not open with one */
  knownNames: string[];
}

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Loads the reference data from a data folder laid out like this repository's `data/` (reference/aliases.yaml,
 * rules/*.yaml, plans/raw/ for the rules' quotes). Memoised per folder.
 */
const loaded = new Map<string, Reference>();
export function loadReference(dataDir = join(ROOT, 'data')): Reference {
  const known = loaded.get(dataDir);
  if (known) return known;
  const divisions = loadDivisions();
  const aliases = readAliases(join(dataDir, 'reference/aliases.yaml'), divisions);
  const rulesDir = join(dataDir, 'rules');
  const ruleFiles = readdirSync(rulesDir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => join(rulesDir, n));
  const ref: Reference = {
    divisions,
    county: new Map(divisions.counties.map((c) => [c.code, c])),
    aliases,
    resolve: makeResolver(divisions, aliases),
    rules: readRules(ruleFiles, join(dataDir, 'plans/raw')),
    // names generic enough to be ordinary words (城区, 市中区) would be found in any text
    knownNames: [...divisions.counties.map((c) => c.name), ...aliases.map((a) => a.name)].filter(
      (n) => n.length >= 3 && !/^(?:市中区|郊区|矿区|城区|新区)$/.test(n),
    ),
  };
  loaded.set(dataDir, ref);
  return ref;
}

/** Rows of the reference tables (counties, rules), in schema column order. */
export function referenceRows(ref: Reference): { counties: Row[]; rules: Row[] } {
  const vintage = '2023';
  return {
    counties: ref.divisions.counties.map((c) => ({
      county_code: c.code,
      name: c.name,
      short_name: c.short,
      kind: c.kind,
      prefecture_code: c.prefecture_code,
      prefecture: c.prefecture,
      province: c.province,
      townships: c.townships,
      villages: c.villages,
      village_committees: c.village_committees,
      residents_committees: c.residents_committees,
      other_village_units: c.other_village_units,
      vintage,
    })),
    rules: ref.rules.map((r) => ({
      rule_id: r.id,
      check: r.check,
      program_years: r.program_years.join(','),
      program_levels: r.program_levels.join(','),
      provinces: r.provinces?.join(',') || null,
      comparator: r.comparator ?? null,
      threshold: r.threshold ?? null,
      counts: r.categories
        ? `categories: ${r.categories.join(', ')}`
        : r.label_pattern
          ? `label: ${r.label_pattern}${r.label_exclude ? ` (not ${r.label_exclude})` : ''}`
          : r.terms
            ? `terms: ${r.terms.join(', ')}`
            : 'documents.funds_local_yuan ÷ documents.funds_central_yuan',
      rule_zh: r.rule_zh,
      rule_en: r.rule_en,
      quote: r.quote,
      read_in: r.read_in,
      quote_span_start: r.quote_span?.start ?? null,
      quote_span_end: r.quote_span?.end ?? null,
      notice_number: r.notice_number,
      notice_title: r.notice_title,
      source_status: r.source_status,
      source_note: r.source_note,
    })),
  };
}
