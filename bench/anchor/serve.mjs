// The benchmarks' server: the release build with a rewrite rule (as
// tests/e2e/lib/server.mjs), and the plain HTML/JS anchor pages under
// /__anchor/ with the app's CSS links and the anchor data in place of their
// tokens. With `brotli`, files go out as the build's .br siblings where the
// client takes them, as a good host serves them.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { TYPES } from '../../tests/e2e/lib/server.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const anchorDir = import.meta.dirname;
const SEED = 42; // src/pages/find_partner/directory.rs DIRECTORY_SEED
const DEFAULT_PARTNERS = 5_000; // domain::directory::DEFAULT_PARTNER_COUNT

/** The app's stylesheet links, as its index.html has them. */
async function appCssLinks(dist) {
  const html = await fs.readFile(path.join(dist, 'index.html'), 'utf8');
  const links = html.match(/<link[^>]*rel="stylesheet"[^>]*>/g) ?? [];
  if (links.length === 0) throw new Error(`no stylesheet link in ${dist}/index.html`);
  return links.join('\n    ');
}

/** What the anchor pages show, from the domain's anchor_data example: the
 *  first `rows` results of a directory of `partners`. */
export function anchorData(rows, partners = DEFAULT_PARTNERS) {
  const json = execFileSync(
    'cargo',
    ['run', '--release', '-q', '-p', 'domain', '--example', 'anchor_data', '--',
      String(SEED), String(partners), String(rows), String(Math.floor(Date.now() / 1000))],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(json);
}

/** @param {{dist: string, data: object, brotli?: boolean}} options */
export async function serveWithAnchors({ dist, data, brotli = false }) {
  const css = await appCssLinks(dist);
  const json = JSON.stringify(data).replaceAll('<', '\\u003c');
  const server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const takesBr = brotli && /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
    const send = async (file, body) => {
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
      if (body === undefined && takesBr) {
        try {
          body = await fs.readFile(file + '.br');
          headers['content-encoding'] = 'br';
        } catch {
          /* no .br beside it: sent as it is */
        }
      }
      if (brotli) headers.vary = 'Accept-Encoding';
      res.writeHead(200, headers);
      res.end(body ?? (await fs.readFile(file)));
    };
    try {
      if (rel.startsWith('/__anchor/')) {
        const file = path.join(anchorDir, path.normalize('/' + rel.slice('/__anchor/'.length)));
        let body = await fs.readFile(file);
        if (file.endsWith('.html')) {
          body = body.toString('utf8').replace('<!--APP_CSS-->', css).replace('__ANCHOR_DATA__', json);
        }
        return await send(file, body);
      }
      const file = path.join(dist, path.normalize('/' + rel));
      try {
        if ((await fs.stat(file)).isFile()) return await send(file);
      } catch {
        /* not a file: the SPA fallback */
      }
      return await send(path.join(dist, 'index.html'));
    } catch (e) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(String(e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
