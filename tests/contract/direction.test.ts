/**
 * Data goes one way: the pipeline never imports the site, the site imports only the contract
 * (pipelines/contract/), and the contract imports nothing outside itself and no node: module. `npm run lint`
 * enforces it (Biome's noRestrictedImports, in biome.json); this test runs the project's own lint configuration on
 * fixture files that break each rule, and on files that keep them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

let dir: string;
const FIXTURES: Record<string, string> = {
  // breaks the rules
  'src/lib/reads-a-stage.ts':
    "import { extract } from '../../pipelines/extract/extract.ts';\nexport const x = extract;\n",
  'pipelines/check/imports-the-site.ts':
    "import { t } from '../../src/i18n/index.ts';\nexport const x = t;\n",
  'pipelines/contract/uses-node.ts':
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
  'pipelines/contract/reaches-out.ts':
    "import { extract } from '../extract/extract.ts';\nexport const x = extract;\n",
  // keeps them
  'src/lib/reads-the-contract.ts':
    "import { money } from '../../pipelines/contract/format.ts';\nexport const x = money;\n",
  'pipelines/check/reads-the-contract.ts':
    "import { money } from '../contract/format.ts';\nexport const x = money;\n",
  'pipelines/contract/reads-itself.ts': "import { money } from './format.ts';\nexport const x = money;\n",
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-atlas-lint-'));
  const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8'));
  config.vcs = { enabled: false };
  config.$schema = undefined;
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
  for (const [path, text] of Object.entries(FIXTURES)) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The files `biome lint` reports noRestrictedImports in. */
function restricted(): string[] {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/biome'), ['lint', '--reporter=json', '.'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const report = JSON.parse(r.stdout) as {
    diagnostics: { category: string; location: { path: string } }[];
  };
  return report.diagnostics
    .filter((d) => d.category === 'lint/style/noRestrictedImports')
    .map((d) => d.location.path)
    .sort();
}

describe('npm run lint', () => {
  it('fails on an import from the site into a pipeline stage, from the pipeline into the site, and out of the contract', () => {
    expect(restricted()).toEqual([
      'pipelines/check/imports-the-site.ts',
      'pipelines/contract/reaches-out.ts',
      'pipelines/contract/uses-node.ts',
      'src/lib/reads-a-stage.ts',
    ]);
  });
});
