/**
 * Publishing is all or nothing. A run of the real command is killed (SIGKILL, the signal nothing can catch) at
 * several points: at every failpoint of the publish step, and when its output shows it is reading plans or
 * importing metrics. After every kill the published folder must hold the old set or the new set, never a mix, and
 * every hash in its datapackage.json must match its file. The next run then publishes the new set and removes what
 * the killed runs left behind; two runs on the same folder at once both finish, one after the other.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILPOINTS } from '../pipelines/publish/release.ts';
import { RAW, ROOT } from './helpers.ts';

const NODE = join(ROOT, 'node_modules/.bin/node');
const CLI = join(ROOT, 'pipelines/cli.ts');

let work: string;
/** the inputs of the old and the new set: the new one has a plan fewer and a metric file more */
let oldIn: { plans: string; metrics: string };
let newIn: { plans: string; metrics: string };
/** datapackage.json of each set, as a clean run publishes it */
let oldPackage: string;
let newPackage: string;

const args = (input: { plans: string; metrics: string }, out: string) => [
  CLI,
  '--plans',
  input.plans,
  '--metrics',
  input.metrics,
  '--out',
  out,
];
const runSync = (input: { plans: string; metrics: string }, out: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(NODE, args(input, out), { encoding: 'utf8', env: { ...process.env, ...env } });

/** datapackage.json without the set's own identity, for comparing sets */
const packageOf = (out: string) => readFileSync(join(out, 'datapackage.json'), 'utf8');

/** Every resource of the folder's datapackage.json has its file, with that size and hash. */
function expectWhole(out: string) {
  const pkg = JSON.parse(packageOf(out)) as {
    resources: { path: string; bytes: number; hash: string }[];
  };
  expect(pkg.resources.length).toBeGreaterThan(0);
  for (const r of pkg.resources) {
    const bytes = readFileSync(join(out, r.path));
    expect(bytes.length, r.path).toBe(r.bytes);
    expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`, r.path).toBe(r.hash);
  }
  // nothing in the folder that the package does not describe
  const files = readdirSync(out).filter((f) => f !== 'datapackage.json');
  expect(files.sort()).toEqual(pkg.resources.map((r) => r.path).sort());
}

/** Starts the command and kills it with SIGKILL when its output first contains `line`. */
function killWhen(
  input: { plans: string; metrics: string },
  out: string,
  line: string,
): Promise<number | null> {
  return new Promise((done) => {
    const child: ChildProcess = spawn(NODE, args(input, out), { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(line)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => done(signal === 'SIGKILL' ? null : code));
  });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'plan-atlas-kill-'));
  const make = (name: string, plans: string[], extraMetrics: boolean) => {
    const dir = join(work, name);
    mkdirSync(join(dir, 'plans'), { recursive: true });
    mkdirSync(join(dir, 'metrics'), { recursive: true });
    for (const p of plans) copyFileSync(join(RAW, `${p}.txt`), join(dir, 'plans', `${p}.txt`));
    copyFileSync(
      join(ROOT, 'data/metrics/synthetic-sample.csv'),
      join(dir, 'metrics', 'synthetic-sample.csv'),
    );
    if (extraMetrics)
      writeFileSync(
        join(dir, 'metrics', 'report.csv'),
        'county_code,month,metric,value,unit\n469001,2019-01,express_parcels,12,parcels\n',
      );
    return { plans: join(dir, 'plans'), metrics: join(dir, 'metrics') };
  };
  oldIn = make('old', ['donggang-2019', 'ruyuan-2021', 'wuzhishan-2019'], false);
  newIn = make('new', ['donggang-2019', 'ruyuan-2021'], true);
  const a = runSync(oldIn, join(work, 'reference-old'));
  expect(a.status, a.stderr).toBe(0);
  oldPackage = packageOf(join(work, 'reference-old'));
  const b = runSync(newIn, join(work, 'reference-new'));
  // the new metrics file gives a value the sample also gives: the run reports it and still publishes
  expect([0, 1], b.stderr).toContain(b.status);
  newPackage = packageOf(join(work, 'reference-new'));
  expect(newPackage).not.toBe(oldPackage);
});
afterAll(() => {
  // leave nothing in the temporary folder
  spawnSync('rm', ['-rf', work]);
});

describe('npm run data, killed part-way, leaves the old set or the new set', () => {
  const fresh = (name: string) => {
    const out = join(work, name, 'out');
    mkdirSync(dirname(out), { recursive: true });
    const r = runSync(oldIn, out);
    expect(r.status, r.stderr).toBe(0);
    expect(packageOf(out)).toBe(oldPackage);
    return out;
  };

  it.each(FAILPOINTS)('killed at failpoint %s: the folder is one whole set', (point) => {
    const out = fresh(`at-${point}`);
    const r = runSync(newIn, out, { PLAN_ATLAS_FAILPOINT: point });
    expect(r.signal).toBe('SIGKILL');
    expectWhole(out);
    expect([oldPackage, newPackage]).toContain(packageOf(out));
    // nothing left beside the folder, where a build would copy it
    expect(readdirSync(dirname(out)).sort()).toEqual(['.out.sets', 'out']);
  });

  it.each(['[1/2]', 'Metrics:'])('killed when it prints “%s”: the folder is the old set', async (line) => {
    const out = fresh(`on-${line.replace(/\W/g, '')}`);
    expect(await killWhen(newIn, out, line)).toBeNull();
    expectWhole(out);
    expect(packageOf(out)).toBe(oldPackage);
  });

  it('the next run publishes the new set and removes what killed runs left', () => {
    const out = fresh('after');
    for (const point of FAILPOINTS.slice(0, 3)) runSync(newIn, out, { PLAN_ATLAS_FAILPOINT: point });
    const r = runSync(newIn, out);
    expect([0, 1]).toContain(r.status);
    expectWhole(out);
    expect(packageOf(out)).toBe(newPackage);
    const sets = readdirSync(join(dirname(out), '.out.sets'));
    // the set published and the one before it; no staging folder, no lock
    expect(sets.filter((s) => !s.startsWith('set-'))).toEqual([]);
    expect(sets.length).toBeLessThanOrEqual(2);
  });

  it('publishes by switching a link: the folder is a symbolic link to one complete set', () => {
    const out = fresh('link');
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
  });

  it('two runs on the same folder at once both finish, one after the other, and the folder is whole', async () => {
    const out = fresh('together');
    const both = await Promise.all(
      [oldIn, newIn].map(
        (input) =>
          new Promise<number | null>((done) => {
            const child = spawn(NODE, args(input, out), { stdio: 'ignore' });
            child.on('exit', (code) => done(code));
          }),
      ),
    );
    for (const code of both) expect([0, 1]).toContain(code);
    expectWhole(out);
    expect([oldPackage, newPackage]).toContain(packageOf(out));
  });

  it('refuses to publish into a folder that is not a published set, and leaves its files alone', () => {
    const out = join(work, 'foreign', 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'thesis.docx'), 'mine');
    for (let i = 0; i < 2; i++) {
      const r = runSync(newIn, out);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('not a published data set');
    }
    expect(readFileSync(join(out, 'thesis.docx'), 'utf8')).toBe('mine');
  });

  it('takes over a lock whose process id now belongs to another process (a killed run’s id reused)', () => {
    const out = fresh('reused');
    // this test's own process is alive, but it did not start when the lock says
    writeFileSync(join(dirname(out), '.out.sets', '.lock'), `${process.pid} 1\n`);
    const r = spawnSync(NODE, args(newIn, out), { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect([0, 1]).toContain(r.status);
    expect(packageOf(out)).toBe(newPackage);
  });

  it('a published folder from before this change (a plain directory) is taken over as the old set', () => {
    const out = join(work, 'legacy', 'out');
    mkdirSync(dirname(out), { recursive: true });
    cpSync(join(work, 'reference-old'), out, { recursive: true, dereference: true });
    expect(lstatSync(out).isDirectory()).toBe(true);
    const r = runSync(newIn, out);
    expect([0, 1]).toContain(r.status);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expectWhole(out);
    expect(packageOf(out)).toBe(newPackage);
    expect(existsSync(join(dirname(out), '.out.sets'))).toBe(true);
  });
});
