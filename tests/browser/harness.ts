/** What the browser tests share: where the site and data are, Chromium and its flags, a static server. */
import { join } from 'node:path';
import { serve as serveDir } from '../../pipelines/tools/serve.ts';
import { ROOT } from '../helpers.ts';

export const DIST = join(ROOT, 'dist');
export const DATA = join(ROOT, 'public/data');
export { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../../pipelines/tools/chromium.ts';

/** The project's static server (pipelines/tools/serve.ts) for dir on a random loopback port. */
export const serve = (dir: string) => serveDir({ root: dir });
