/**
 * What the benchmarks and the browser tests share: Debian's Chromium and the flags it needs here (without the
 * last four it floods refused connections), and the content types a static host sends for the site's files.
 */
import { extname } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** The content type of a file of the site, by its extension. */
export const contentType = (file: string) => TYPES[extname(file)] ?? 'application/octet-stream';
