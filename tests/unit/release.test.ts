/** The publish step's small parts (pipelines/publish/release.ts): where sets live, writes that name their file. */
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRelease, setsFolder, writeNamed } from '../../pipelines/publish/release.ts';
import { ROOT } from '../helpers.ts';

describe('setsFolder(out)', () => {
  it('setsFolder(out) keeps the sets beside the folder, in .<name>.sets', () => {
    expect(setsFolder('/tmp/x/out')).toBe('/tmp/x/.out.sets');
  });

  it('setsFolder(out) keeps the sets of a folder inside public/ out of it (the build copies public/ into dist/)', () => {
    expect(setsFolder(join(ROOT, 'public/data'))).toBe(join(ROOT, '.published/data'));
  });
});

describe('writeNamed(file, data)', () => {
  it.skipIf(!existsSync('/dev/full'))(
    'writeNamed(file, data) names the file when the disk is full (ENOSPC)',
    async () => {
      await expect(writeNamed('/dev/full', 'x'.repeat(65536))).rejects.toThrow(
        /could not write \/dev\/full: ENOSPC/,
      );
    },
  );
});

describe('openRelease(out)', () => {
  it('openRelease(out) publishes into a folder whose parent does not exist yet (public/ on a fresh clone)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'plan-atlas-release-'));
    try {
      // as public/data on a fresh clone: its sets are kept elsewhere (.published/), and public/ does not exist
      const out = join(tmp, 'public', 'data');
      const release = await openRelease(out, () => {}, join(tmp, '.published', 'data'));
      try {
        writeFileSync(join(release.dir, 'datapackage.json'), '{"resources":[]}\n');
        await release.commit();
      } finally {
        await release.close();
      }
      expect(lstatSync(out).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(out, 'datapackage.json'), 'utf8')).toBe('{"resources":[]}\n');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
