/**
 * The project's static server (pipelines/tools/serve.ts): what `npm run preview`, the browser tests and the benchmarks
 * use. It answers as a static host does, and a hostile or malformed path gets a short plain answer, never a stack
 * trace or a path of this machine.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../pipelines/tools/serve.ts';

let root: string;
let server: Server;
let origin: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'plan-atlas-serve-'));
  mkdirSync(join(root, 'site', 'counties'), { recursive: true });
  writeFileSync(join(root, 'site', 'index.html'), '<p>home</p>');
  writeFileSync(join(root, 'site', 'counties', 'index.html'), '<p>counties</p>');
  writeFileSync(join(root, 'site', 'data.parquet'), '0123456789');
  writeFileSync(join(root, 'secret.txt'), 'outside');
  ({ server, origin } = await serve({ root: join(root, 'site') }));
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(root, { recursive: true, force: true });
});

/** A raw request (fetch would normalise the path): status, headers and body. */
async function get(path: string, headers: Record<string, string> = {}) {
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((done, fail) => {
    const req = request(`${origin}${path}`, { headers }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serve({ root })', () => {
  it('serves /path/ as /path/index.html and redirects /path to /path/', async () => {
    expect((await get('/counties/')).body).toBe('<p>counties</p>');
    const r = await get('/counties');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/counties/');
  });

  it('answers a byte range with 206 and that range, and an impossible one with 416', async () => {
    const r = await get('/data.parquet', { range: 'bytes=2-4' });
    expect(r.status).toBe(206);
    expect(r.body).toBe('234');
    expect(r.headers['content-range']).toBe('bytes 2-4/10');
    expect((await get('/data.parquet', { range: 'bytes=-3' })).body).toBe('789');
    expect((await get('/data.parquet', { range: 'bytes=20-' })).status).toBe(416);
  });

  it('answers an encoded slash, a bad escape, a NUL and a path leaving the folder plainly (no 500, no paths)', async () => {
    for (const [path, status] of [
      ['/%2F', 404],
      ['/counties%2Findex.html', 404],
      ['/%E0%A4%A', 400],
      ['/%00', 400],
      ['/..%2Fsecret.txt', 404],
      ['/../secret.txt', 404],
      ['/%2e%2e/secret.txt', 404],
      ['/nothing/', 404],
    ] as const) {
      const r = await get(path);
      expect(r.status, path).toBe(status);
      expect(r.body, path).not.toContain(root);
      expect(r.body, path).not.toBe('outside');
      expect(r.body, path).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });
});
