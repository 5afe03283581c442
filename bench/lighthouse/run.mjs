// First load as Lighthouse judges it (issue 21, point 2): the pinned
// Lighthouse, its default mobile preset (simulated slow 4G, 4x slower CPU),
// against /usr/bin/chromium, for six routes of the release build and a plain
// HTML page in the same run. The build is served as a good host serves it:
// the build's own .br files with Content-Encoding: br.
//
//   node bench/lighthouse/run.mjs dist        (scripts/bench.sh installs it)
//
// Prints `name: value` lines per page: performance, lcp_ms, tbt_ms, cls,
// accessibility, best_practices; then the goals.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const dist = path.resolve(process.argv[2] ?? 'dist');
const anchorDir = path.resolve(import.meta.dirname, '..', 'anchor');

const PAGES = [
  ['home', '/'],
  ['find_partner', '/partners/find'],
  ['invitations', '/partners/invitations'],
  ['accept', '/partners/invitation/inv-granular-helpdesk'],
  ['relationships', '/settings/partner-relationships'],
  ['partner', '/settings/partner-relationships/fabrikam-it'],
  ['plain_html', '/__anchor/home.html'],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(file) {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The build with brotli where the client takes it, and the SPA fallback. */
function serve() {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const rel = path.normalize('/' + decodeURIComponent(url.pathname));
    let file = rel.startsWith('/__anchor/')
      ? path.join(anchorDir, rel.slice('/__anchor/'.length))
      : path.join(dist, rel);
    if (!(await isFile(file))) file = path.join(dist, 'index.html');
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', vary: 'Accept-Encoding' };
    let body;
    if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '') && (await isFile(file + '.br'))) {
      body = await fs.readFile(file + '.br');
      headers['content-encoding'] = 'br';
    } else {
      body = await fs.readFile(file);
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

const results = {};
try {
  for (const [name, route] of PAGES) {
    const { lhr } = await lighthouse(origin + route, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
    const r = {
      performance: score('performance'),
      lcp_ms: Math.round(audit('largest-contentful-paint')),
      tbt_ms: Math.round(audit('total-blocking-time')),
      cls: Number(audit('cumulative-layout-shift').toFixed(3)),
      accessibility: score('accessibility'),
      best_practices: score('best-practices'),
    };
    results[name] = r;
    for (const [key, value] of Object.entries(r)) console.log(`lighthouse_${name}_${key}: ${value}`);
  }
} finally {
  await chrome.kill();
  server.close();
}

// Issue 21's goals, on every route of the app (the plain page is the anchor).
const routes = Object.entries(results).filter(([name]) => name !== 'plain_html');
const all = (test) => routes.every(([, r]) => test(r));
console.log(`lighthouse_goal_lcp_max_ms: 2500`);
console.log(`lighthouse_goal_lcp_met: ${all((r) => r.lcp_ms <= 2500) ? 'yes' : 'NO'}`);
console.log(`lighthouse_goal_performance_min: 95`);
console.log(`lighthouse_goal_performance_met: ${all((r) => r.performance >= 95) ? 'yes' : 'NO'}`);
console.log(`lighthouse_goal_tbt_max_ms: 150`);
console.log(`lighthouse_goal_tbt_met: ${all((r) => r.tbt_ms <= 150) ? 'yes' : 'NO'}`);
console.log(`lighthouse_goal_accessibility_and_best_practices_100: ${all((r) => r.accessibility === 100 && r.best_practices === 100) ? 'yes' : 'NO'}`);
