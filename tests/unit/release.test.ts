/** The publish step's small parts (pipelines/release.ts): where sets live, writes that name their file. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setsFolder, writeNamed } from '../../pipelines/release.ts';
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
