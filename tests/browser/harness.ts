/** What the browser tests share: where the site and data are, Chromium and its flags, a static server, a local-only context. */
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { serve as serveDir } from '../../pipelines/tools/serve.ts';
import { ROOT } from '../helpers.ts';

export const DIST = join(ROOT, 'dist');
export const DATA = join(ROOT, 'public/data');
export { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../../pipelines/tools/chromium.ts';

/** The project's static server (pipelines/tools/serve.ts) for dir on a random loopback port. */
export const serve = (dir: string) => serveDir({ root: dir });

/** A browser context that may ask the local server only: every request to another host is aborted. */
export async function localContext(
  browser: Browser,
  origin: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route('**/*', (route) =>
    route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort(),
  );
  return context;
}
