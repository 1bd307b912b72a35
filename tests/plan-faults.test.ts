/**
 * One bad document never stops the others. A folder of plans where one amount is absurd, two files give the same
 * document id, a FIFO, a directory and a link to a file outside the folder pose as documents, a curated correction
 * sets an impossible value, and hidden files sit beside them: the run ends (it does not hang on the FIFO), each bad
 * entry is named with its file, the good documents are published, and the exit code says that some failed.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAW, ROOT } from './helpers.ts';

const NODE = join(ROOT, 'node_modules/.bin/node');
const HEAD = '某某县电子商务进农村综合示范项目实施方案\n\n';

let tmp: string;
let plans: string;
let out: string;
let run: { status: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null };
const csv = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(out, `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'plan-atlas-faults-'));
  plans = join(tmp, 'plans');
  const meta = join(tmp, 'meta');
  out = join(tmp, 'out');
  mkdirSync(plans);
  mkdirSync(meta);
  copyFileSync(join(RAW, 'wutai-2019.txt'), join(plans, 'wutai-2019.txt'));
  writeFileSync(
    join(plans, 'huge.txt'),
    `${HEAD}项目总投资99999999999999999999万元，其中中央财政资金1500万元。\n`,
  );
  writeFileSync(join(plans, 'zeros.txt'), `${HEAD}项目总投资1${'0'.repeat(400)}万元。\n`);
  writeFileSync(join(plans, 'x.txt'), `${HEAD}项目总投资2000万元。\n`);
  writeFileSync(join(plans, 'x.TXT'), `${HEAD}项目总投资3000万元。\n`);
  spawnSync('mkfifo', [join(plans, 'pipe.txt')]);
  mkdirSync(join(plans, 'folder.txt'));
  const elsewhere = join(tmp, 'elsewhere.txt');
  writeFileSync(elsewhere, `${HEAD}项目总投资500万元。\n`);
  symlinkSync(elsewhere, join(plans, 'outside.txt'));
  symlinkSync('wutai-2019.txt', join(plans, 'alias.txt'));
  writeFileSync(join(plans, '.hidden.txt'), `${HEAD}项目总投资100万元。\n`);
  writeFileSync(join(plans, '..txt'), `${HEAD}项目总投资100万元。\n`);
  // a sidecar that is a FIFO would block the run if it were opened
  copyFileSync(join(RAW, 'ruyuan-2021.txt'), join(plans, 'ruyuan-2021.txt'));
  spawnSync('mkfifo', [join(meta, 'ruyuan-2021.yaml')]);
  // a name that is not UTF-8 (GBK 东, as a zip made on a Chinese Windows gives it)
  writeFileSync(
    Buffer.concat([Buffer.from(`${plans}/`), Buffer.from([0xb6, 0xab]), Buffer.from('.txt')]),
    `${HEAD}项目总投资100万元。\n`,
  );
  // a saved web page is read for its article; a kind of file not read is named, not skipped silently
  writeFileSync(
    join(plans, 'web.HTML'),
    `<html><body><div class="nav"><a href="/">首页</a></div><div class="content"><h1>五台县电子商务进农村综合示范项目实施方案</h1><p>项目总投资500万元。</p></div><div class="footer">网站标识码 1409220001</div></body></html>`,
  );
  writeFileSync(join(plans, 'scan.tif'), 'II*\0');
  // a PDF cut short (as a failed download leaves it) is refused by name
  writeFileSync(join(plans, 'cut.pdf'), '%PDF-1.4\n');
  // a correction that sets a value no table can hold
  writeFileSync(join(plans, 'corrected.txt'), `${HEAD}项目总投资2000万元。\n`);
  writeFileSync(
    join(meta, 'corrected.yaml'),
    'corrections:\n  - field: funds_total_yuan\n    value: 1e30\n    quote: 项目总投资2000万元\n    reason: a test of an impossible value\n',
  );
  const r = spawnSync(NODE, ['pipelines/cli.ts', '--plans', plans, '--meta', meta, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    // a run that hangs on the FIFO is killed, and the test fails on its signal
    timeout: 60_000,
  });
  run = { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm run data -- --plans DIR, with one bad document among good ones', () => {
  it('ends, publishes, and exits with 1 (some documents failed)', () => {
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(1);
    expect(csv('documents').find((d) => d.doc_id === 'wutai-2019')).toMatchObject({ status: 'ok' });
  });

  it('publishes an absurd amount as a document with a finding, not as money', () => {
    const docs = csv('documents');
    for (const id of ['huge', 'zeros']) {
      expect(
        docs.find((d) => d.doc_id === id),
        id,
      ).toMatchObject({ status: 'ok', funds_total_yuan: '' });
      expect(
        csv('findings').filter((f) => f.doc_id === id && f.check === 'amount_implausible').length,
        id,
      ).toBe(1);
    }
    // the plausible amount beside it stays in amounts, with its quote
    expect(
      csv('amounts')
        .filter((a) => a.doc_id === 'huge')
        .map((a) => a.quote),
    ).toContain('1500万元');
  });

  it('reads a saved web page (web.HTML) for its article and names a file of another kind (scan.tif) as skipped', () => {
    expect(csv('documents').find((d) => d.doc_id === 'web')).toMatchObject({
      status: 'ok',
      source_file: 'web.HTML',
      county_code: '140922',
      funds_total_yuan: '5000000',
    });
    expect(run.stderr).toMatch(/skipped .*scan\.tif: not a \.txt, \.pdf, \.html or \.docx document/);
    expect(csv('documents').some((d) => d.doc_id === 'scan')).toBe(false);
    expect(csv('documents').find((d) => d.doc_id === 'cut')).toMatchObject({ status: 'error' });
    expect(csv('documents').find((d) => d.doc_id === 'cut')!.error).toMatch(/not a readable PDF/);
  });

  it('the run summary gives each document its kind, place and how the place was resolved, facts and facts to review, and counts by kind', () => {
    // web.HTML is a plan of 五台县 (140922), named in full in its title
    expect(run.stdout).toMatch(/ web\s+plan\s+五台县 \(140922, name\)\s+\d+ facts \(\d+ to review\)/);
    const docs = csv('documents').filter((d) => d.status === 'ok');
    const plans = docs.filter((d) => d.doc_type === 'plan').length;
    expect(run.stdout).toMatch(new RegExp(`by kind\\s+plan ${plans}`));
    expect(run.stdout).toMatch(/facts to review\s+\d+/);
  });

  it('refuses two files that give one document id, naming both, and publishes neither', () => {
    const x = csv('documents').filter((d) => d.doc_id === 'x');
    expect(x).toHaveLength(1);
    expect(x[0]).toMatchObject({ status: 'error' });
    expect(x[0]!.error).toContain('x.txt');
    expect(x[0]!.error).toContain('x.TXT');
    expect(csv('allocations').filter((a) => a.doc_id === 'x')).toEqual([]);
  });

  it('refuses a FIFO, a folder and a link that leaves the plans folder, each as a documents row naming it', () => {
    const docs = csv('documents');
    for (const [id, why] of [
      ['pipe', /FIFO|not a regular file/],
      ['folder', /folder|directory|not a regular file/],
      ['outside', /outside the plans folder/],
    ] as const) {
      const row = docs.find((d) => d.doc_id === id);
      expect(row, id).toMatchObject({ status: 'error' });
      expect(row!.error, id).toMatch(why);
      expect(run.stderr, id).toContain(`${id}.txt`);
    }
    // a link to a file inside the folder is read like the file
    expect(docs.find((d) => d.doc_id === 'alias')).toMatchObject({ status: 'ok', doc_type: 'plan' });
  });

  it('fails a document whose curated value no table can hold, naming it and the field, and keeps the others', () => {
    const row = csv('documents').find((d) => d.doc_id === 'corrected');
    expect(row).toMatchObject({ status: 'error' });
    expect(row!.error).toContain('funds_total_yuan');
    expect(run.stderr).toContain('corrected');
    expect(run.stderr).not.toMatch(/\.tmp-|\.jsonl/);
  });

  it('names hidden files in the summary instead of skipping them silently', () => {
    expect(run.stderr).toContain('.hidden.txt');
    expect(run.stderr).toContain('..txt');
  });

  it('fails a document whose sidecar is a FIFO, naming the sidecar, without opening it', () => {
    const row = csv('documents').find((d) => d.doc_id === 'ruyuan-2021');
    expect(row).toMatchObject({ status: 'error' });
    expect(row!.error).toContain('ruyuan-2021.yaml');
    expect(row!.error).toMatch(/FIFO/);
  });

  it('names a file whose name is not UTF-8, with its bytes, and goes on', () => {
    expect(run.stderr).toContain('b6ab2e747874');
  });
});
