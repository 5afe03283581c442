// First load as Lighthouse judges it (issue 21, point 2): the pinned
// Lighthouse, its default mobile preset (simulated slow 4G, 4x slower CPU),
// against /usr/bin/chromium, for six routes of the release build and a plain
// HTML page in the same run (the Home anchor of bench/product.mjs). The
// build is served as a good host serves it: its .br files, Content-Encoding: br.
//
//   node bench/lighthouse/run.mjs dist        (scripts/bench.sh installs it)
//
// Prints `name: value` lines per page: performance, lcp_ms, tbt_ms, cls,
// accessibility, best_practices; then the goals.
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { anchorData, serveWithAnchors } from '../anchor/serve.mjs';

const dist = path.resolve(process.argv[2] ?? 'dist');

const PAGES = [
  ['home', '/'],
  ['find_partner', '/partners/find'],
  ['invitations', '/partners/invitations'],
  ['accept', '/partners/invitation/inv-granular-helpdesk'],
  ['relationships', '/settings/partner-relationships'],
  ['partner', '/settings/partner-relationships/fabrikam-it'],
  ['plain_html', '/__anchor/home.html'],
];

// The plain page is the product benchmark's Home anchor, filled with the
// same data and the app's CSS (the row count only shapes the Find anchor).
const server = await serveWithAnchors({ dist, data: anchorData(6), brotli: true });
const origin = server.url.replace(/\/$/, '');
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
    // LH_JSON_DIR=dir keeps each report, to see the LCP element and the long tasks.
    if (process.env.LH_JSON_DIR) {
      fs.mkdirSync(process.env.LH_JSON_DIR, { recursive: true });
      fs.writeFileSync(path.join(process.env.LH_JSON_DIR, `${name}.json`), JSON.stringify(lhr));
    }
    for (const [key, value] of Object.entries(r)) console.log(`lighthouse_${name}_${key}: ${value}`);
  }
} finally {
  await chrome.kill();
  await server.close();
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
