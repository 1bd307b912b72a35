/**
 * The one static server of the project, as a static host serves the built site: `npm run preview` (and `npm start`),
 * the browser tests and the benchmarks all use it. /path/ is /path/index.html; byte ranges are answered (DuckDB-WASM
 * reads Parquet a range at a time); precompressed .br/.gz files are sent to a browser that accepts them. A request
 * that is malformed, leaves the folder or names nothing gets a short plain answer (400, 403, 404), never a stack
 * trace or a path of this machine.
 *
 *   node pipelines/tools/serve.ts DIR [--host 127.0.0.1] [--port 4321]
 */
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { contentType } from './chromium.ts';

export interface ServeOptions {
  /** the folder served at / */
  root: string;
  /** other folders served under a prefix, e.g. { '/data/': 'bench/out/scale' } */
  mounts?: Record<string, string>;
  /** send precompressed .br/.gz files ('precompressed', as the build makes them) or gzip on the fly ('gzip') */
  compression?: 'precompressed' | 'gzip' | 'none';
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|wasm)|image\/svg)/;

/** The file a request path names, or the status to answer when it names none. */
async function resolveFile(
  options: ServeOptions,
  pathname: string,
): Promise<{ file: string; info: Stats } | { status: 400 | 403 | 404 | 301; location?: string }> {
  // an encoded slash or backslash is part of a name, as on a static host, and no file's name holds one
  if (/%2f|%5c/i.test(pathname)) return { status: 404 };
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (path.includes('\0')) return { status: 400 };
  let base = resolve(options.root);
  let rest = path;
  for (const [prefix, dir] of Object.entries(options.mounts ?? {}))
    if (path.startsWith(prefix)) {
      base = resolve(dir);
      rest = path.slice(prefix.length - 1);
    }
  const file = resolve(base, `.${rest}`);
  if (file !== base && !file.startsWith(base + sep)) return { status: 403 };
  const info = await stat(file).catch(() => null);
  if (!info) return { status: 404 };
  if (info.isDirectory()) {
    if (!pathname.endsWith('/')) return { status: 301, location: `${pathname}/` };
    const index = join(file, 'index.html');
    const indexInfo = await stat(index).catch(() => null);
    return indexInfo?.isFile() ? { file: index, info: indexInfo } : { status: 404 };
  }
  return info.isFile() ? { file, info } : { status: 404 };
}

const TEXT: Record<number, string> = {
  301: 'moved',
  400: 'bad request',
  403: 'forbidden',
  404: 'not found',
  416: 'range not satisfiable',
  500: 'server error',
};

/** A request handler serving `options.root` (and its mounts) as a static host would. */
export function staticHandler(options: ServeOptions) {
  return (req: IncomingMessage, res: ServerResponse) => {
    answer(options, req, res).catch((e: Error) => {
      // the reason stays on this machine's console; the client learns only that it failed
      console.error(`serve: ${req.url}: ${e.message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(TEXT[500]);
    });
  };
}

async function answer(options: ServeOptions, req: IncomingMessage, res: ServerResponse) {
  let pathname: string;
  try {
    pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return void res.writeHead(400, { 'content-type': 'text/plain' }).end(TEXT[400]);
  }
  const found = await resolveFile(options, pathname);
  if ('status' in found) {
    const headers: Record<string, string> = { 'content-type': 'text/plain' };
    if (found.location) headers.location = found.location;
    return void res.writeHead(found.status, headers).end(TEXT[found.status]);
  }
  const { file, info } = found;
  const type = contentType(file);
  const size = info.size;
  const head = req.method === 'HEAD';
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || start > end)
      return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end(TEXT[416]);
    res.writeHead(206, {
      'content-type': type,
      'accept-ranges': 'bytes',
      'content-range': `bytes ${start}-${end}/${size}`,
      'content-length': end - start + 1,
    });
    return void (head ? res.end() : createReadStream(file, { start, end }).pipe(res));
  }
  const accepts = String(req.headers['accept-encoding'] ?? '');
  if (options.compression === 'precompressed')
    for (const [encoding, ext] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (!accepts.includes(encoding)) continue;
      const packed = await stat(`${file}${ext}`).catch(() => null);
      if (!packed?.isFile()) continue;
      res.writeHead(200, {
        'content-type': type,
        'content-encoding': encoding,
        'content-length': packed.size,
        vary: 'accept-encoding',
      });
      return void (head ? res.end() : createReadStream(`${file}${ext}`).pipe(res));
    }
  if (options.compression === 'gzip' && COMPRESSIBLE.test(type) && accepts.includes('gzip')) {
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
    return void (head ? res.end() : createReadStream(file).pipe(createGzip()).pipe(res));
  }
  res.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes', 'content-length': size });
  return void (head ? res.end() : createReadStream(file).pipe(res));
}

/** Serves a folder on a loopback port (0: any free one); resolves once it listens, with its origin. */
export async function serve(
  options: ServeOptions & { host?: string; port?: number },
): Promise<{ server: Server; origin: string }> {
  const server = createServer(staticHandler(options));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, done);
  });
  return { server, origin: `http://${host}:${(server.address() as AddressInfo).port}` };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '4321' } },
  });
  const root = resolve(positionals[0] ?? 'dist');
  serve({ root, host: values.host, port: Number(values.port), compression: 'precompressed' }).then(
    ({ origin }) => console.log(`serving ${root} at ${origin}/`),
    (e: Error) => {
      console.error(`✗ ${e.message}`);
      process.exitCode = 2;
    },
  );
}
