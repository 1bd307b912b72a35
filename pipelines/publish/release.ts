/**
 * Publishing all or nothing. The published folder (public/data, or any --out DIR) is a symbolic link to one
 * complete set of files: every table and the datapackage.json that describes them. A run writes its set into a
 * staging folder of its own, checks every file against the package, then switches the link in one step (a rename,
 * which the system does at once). A reader of the folder sees the old set or the new set, never a mix; a run killed
 * at any point leaves the old set published, and the next run removes what it left.
 *
 * The sets live beside the folder, in `.<name>.sets/` (the set published and the one before it, so that a reader
 * still holding the old files can finish), except that a folder inside the site's `public/` keeps its sets in
 * `.published/<name>/` at the project's top: the build copies every file of `public/` into `dist/`.
 * One run at a time publishes into a folder: a lock file in the sets folder makes a second run wait, and a lock
 * left by a killed run is taken over.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  copyFile,
  link,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const PUBLIC = join(ROOT, 'public');

/**
 * Points of a run where a test may kill it (PLAN_ATLAS_FAILPOINT=<name>): after the staged tables are written,
 * after the package is written, after the set is complete, after the new link is made but before it replaces the
 * folder, after the switch.
 */
export const FAILPOINTS = [
  'tables-staged',
  'package-staged',
  'set-complete',
  'link-made',
  'switched',
] as const;
export type Failpoint = (typeof FAILPOINTS)[number];

/** Kills the run at a failpoint when the environment names it: SIGKILL, which nothing can catch or clean up. */
export function failpoint(name: Failpoint | `${Failpoint}:${string}`): void {
  const wanted = process.env.PLAN_ATLAS_FAILPOINT;
  if (wanted && (wanted === name || name.startsWith(`${wanted}:`))) process.kill(process.pid, 'SIGKILL');
}

/** Where the sets of a published folder are kept. */
export function setsFolder(out: string): string {
  const abs = resolve(out);
  if (abs.startsWith(PUBLIC + sep)) return join(ROOT, '.published', relative(PUBLIC, abs));
  return join(dirname(abs), `.${basename(abs)}.sets`);
}

/** A file of a data package: its path in the set, its size and hash. */
interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
}

/** A run's set being built: write into `dir`, then commit() to publish it, or close() to drop it. */
export interface Release {
  /** the staging folder the run writes its files into */
  dir: string;
  /** the folder of the set published now, or null when nothing is published yet */
  current: string | null;
  /** publishes the staged set: checks it against its datapackage.json, then switches the folder to it */
  commit(): Promise<void>;
  /** drops the staged set if it was not committed, and lets other runs publish */
  close(): Promise<void>;
}

/**
 * Opens a release of `out`: takes the lock (waiting for a run that holds it), removes staging folders and old sets
 * that earlier runs left, and makes an empty staging folder.
 */
export async function openRelease(
  out: string,
  notice: (line: string) => void = () => {},
  sets = setsFolder(out),
): Promise<Release> {
  const abs = resolve(out);
  // the folder's parent too: on a fresh clone public/ does not exist until the first run publishes into it
  await mkdir(dirname(abs), { recursive: true });
  await mkdir(sets, { recursive: true });
  const unlock = await lock(join(sets, '.lock'), notice);
  try {
    await adoptPlainFolder(abs, sets);
    const current = await currentSet(abs);
    // what earlier runs left: their staging folders (only one run at a time holds the lock, so none is in use),
    // and the lock files that runs which have died were about to link into place
    for (const name of await readdir(sets)) {
      const pidOf = /^(?:\.lock\.(?:stale-)?|link-)(\d+)$/.exec(name);
      const leftover = name.startsWith('staging-') || (pidOf !== null && !alive(Number(pidOf[1])));
      if (leftover) await rm(join(sets, name), { recursive: true, force: true });
    }
    const dir = join(sets, `staging-${process.pid}-${Date.now().toString(36)}`);
    await mkdir(dir);
    let done = false;
    return {
      dir,
      current,
      async commit() {
        await checkSet(dir);
        const name = `set-${new Date().toISOString().replace(/[-:.]/g, '')}-${process.pid}`;
        await rename(dir, join(sets, name));
        failpoint('set-complete');
        // the switch: a new link, made in the sets folder (so that a run killed here leaves nothing beside the
        // folder, where the build would copy it), then renamed over the folder in one step
        const next = join(sets, `link-${process.pid}`);
        await rm(next, { force: true });
        await symlink(relative(dirname(abs), join(sets, name)), next);
        failpoint('link-made');
        await rename(next, abs);
        done = true;
        failpoint('switched');
        await prune(sets, [name, current ? basename(current) : '']);
      },
      async close() {
        try {
          if (!done) await rm(dir, { recursive: true, force: true });
        } finally {
          await unlock();
        }
      },
    };
  } catch (e) {
    await unlock();
    throw e;
  }
}

/** The set a published folder links to, or null when it does not exist yet. */
async function currentSet(abs: string): Promise<string | null> {
  try {
    return resolve(dirname(abs), await readlink(abs));
  } catch {
    return null;
  }
}

/**
 * A folder published before sets existed (a plain directory whose datapackage.json describes its files) becomes
 * the current set: moved into the sets folder and linked. The one moment without a folder at `out` happens once,
 * on the first run after the change. An empty folder is replaced; any other folder is refused, never moved: its
 * files are not a published set, and pruning old sets would delete them.
 */
async function adoptPlainFolder(abs: string, sets: string): Promise<void> {
  const info = await lstat(abs).catch(() => null);
  if (!info || info.isSymbolicLink()) return;
  if (!info.isDirectory()) throw new Error(`${abs} is not a folder: it cannot be published into`);
  // an interrupted run of the old publisher left .tmp-* folders beside the tables: they are part of no set
  const names = (await readdir(abs)).filter((n) => !n.startsWith('.tmp-'));
  if (names.length === 0) {
    await rm(abs, { recursive: true, force: true });
    return;
  }
  const pkg = await readFile(join(abs, 'datapackage.json'), 'utf8')
    .then((t) => JSON.parse(t) as { resources?: { path?: unknown }[] })
    .catch(() => null);
  const described = new Set((pkg?.resources ?? []).map((r) => String(r.path)));
  const foreign = names.filter((n) => n !== 'datapackage.json' && !described.has(n));
  if (!pkg || foreign.length > 0)
    throw new Error(
      `${abs} is a folder that is not a published data set (${foreign.length ? `${foreign.slice(0, 3).join(', ')} ${foreign.length > 1 ? 'are' : 'is'} not described by a datapackage.json` : 'it has no datapackage.json'}); nothing was published. Publish into another folder, or move its files away. / 该文件夹不是已发布的数据集，未发布`,
    );
  for (const n of await readdir(abs))
    if (n.startsWith('.tmp-')) await rm(join(abs, n), { recursive: true, force: true });
  const name = `set-adopted-${Date.now().toString(36)}`;
  await rename(abs, join(sets, name));
  await symlink(relative(dirname(abs), join(sets, name)), abs);
}

/** Removes every set but those named to keep. */
async function prune(sets: string, keep: string[]): Promise<void> {
  for (const name of await readdir(sets))
    if (name.startsWith('set-') && !keep.includes(name))
      await rm(join(sets, name), { recursive: true, force: true });
}

/** Checks a staged set: its datapackage.json describes every file in it, each with its size and hash. */
async function checkSet(dir: string): Promise<void> {
  const pkg = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8')) as { resources: Resource[] };
  const described = new Set(pkg.resources.map((r) => r.path));
  for (const name of await readdir(dir)) {
    if (name !== 'datapackage.json' && !described.has(name))
      throw new Error(`${join(dir, name)} is not described by the data package; nothing was published`);
  }
  for (const r of pkg.resources) {
    const file = join(dir, r.path);
    const { size } = await stat(file);
    const hash = `sha256:${await sha256(file)}`;
    if (size !== r.bytes || hash !== r.hash)
      throw new Error(
        `${file} does not match its datapackage.json entry (${r.bytes} bytes, ${r.hash}); nothing was published`,
      );
  }
}

/** The SHA-256 of a file, read as a stream. */
async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Copies the files of resources the run does not write from the current set into the staged one (hard links where
 * the system allows), so that the new set is complete; returns the resources carried.
 */
export async function carryOver<R extends Resource>(release: Release, resources: readonly R[]): Promise<R[]> {
  if (!release.current) return [];
  const carried: R[] = [];
  for (const r of resources) {
    const from = join(release.current, r.path);
    const to = join(release.dir, r.path);
    if (!(await stat(from).catch(() => null))) continue;
    await link(from, to).catch(() => copyFile(from, to));
    carried.push(r);
  }
  return carried;
}

/** Writes a file, naming it in the error when the write fails (a full disk says ENOSPC but not where). */
export async function writeNamed(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (e) {
    throw new Error(`could not write ${file}: ${(e as Error).message}`);
  }
}

/**
 * Takes the lock file, waiting while a live run holds it; a lock whose run has died is taken over. A lock names its
 * run by process id and start time (from /proc, where there is one), so that a process that reuses the id of a
 * killed run is not taken for it; our own process id in a lock left on disk is always a dead run's.
 */
async function lock(file: string, notice: (line: string) => void): Promise<() => Promise<void>> {
  let told = false;
  // the lock is written whole under another name, then linked into place (which fails if a lock is there), so that
  // a lock file always names the run that holds it
  const mine = `${file}.${process.pid}`;
  await writeFile(mine, `${process.pid} ${(await startTime(process.pid)) ?? ''}\n`);
  try {
    for (;;) {
      try {
        await link(mine, file);
        return async () => {
          await rm(file, { force: true });
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const held = await readFile(file, 'utf8').catch(() => null);
      if (held === null) continue;
      const [pid, started] = held.trim().split(' ');
      const holder = Number(pid);
      if (!(await holds(holder, started ?? ''))) {
        await takeOver(file, held);
        continue;
      }
      if (!told) notice(`waiting for run ${holder}, which is publishing into ${dirname(file)}`);
      told = true;
      await new Promise((done) => setTimeout(done, 200));
    }
  } finally {
    await rm(mine, { force: true });
  }
}

/**
 * Removes a lock judged stale, unless another run replaced it in the meantime: the lock is renamed away first (one
 * step), and put back if what was renamed is not the lock that was judged.
 */
async function takeOver(file: string, judged: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}`;
  try {
    await rename(file, aside);
  } catch {
    return;
  }
  if ((await readFile(aside, 'utf8').catch(() => null)) === judged) await rm(aside, { force: true });
  else
    await link(aside, file).then(
      () => rm(aside, { force: true }),
      () => rm(aside, { force: true }),
    );
}

/** Whether the run a lock names still holds it: that process exists and started when the lock says. */
async function holds(pid: number, started: string): Promise<boolean> {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return false;
  const now = await startTime(pid);
  return now === null || started === '' || now === started;
}

/** When a process started, in clock ticks since boot (Linux /proc/<pid>/stat, field 22); null where unknown. */
async function startTime(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  // the command name (field 2) is in parentheses and may hold spaces; field 22 is the 20th after it
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};
