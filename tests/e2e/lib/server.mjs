// A small static server for the release build, in the two ways hosts serve
// a single-page app: with a rewrite rule (unknown paths get index.html, 200)
// or without one (unknown paths get 404.html with status 404, as static
// hosts do). It can also mount the build under a sub-path.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {{dist: string, prefix?: string, rewrite?: boolean}} options
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function serve({ dist, prefix = '/', rewrite = true }) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('outside the app');
      return;
    }
    rel = rel.slice(prefix.length);
    const file = path.join(dist, path.normalize('/' + rel));
    try {
      const stat = await fs.stat(file);
      if (stat.isFile()) return send(res, 200, file);
    } catch {
      /* not a file: fall through to the SPA fallback */
    }
    if (rel === '' || rewrite) return send(res, 200, path.join(dist, 'index.html'));
    return send(res, 404, path.join(dist, '404.html'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function send(res, status, file) {
  const body = await fs.readFile(file);
  res.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  res.end(body);
}
