// The whole-product benchmark (issue 8, point 5) in headless Chromium. It
// prints `name: value` lines:
//
// 1. Navigation to interactive, for Home (/) and Find a partner
//    (/partners/find), against a plain HTML/JavaScript anchor page showing
//    the same content (bench/anchor/: the same shell markup and the app's
//    own CSS, its data printed by the domain's `anchor_data` example from
//    the same generator and demo state), and the ratio app / anchor.
//
//    "Interactive" is measured inside the page, the same way for both, by
//    an init script (INTERACTIVE below): performance.now() (milliseconds
//    since navigation start) at the first moment when
//      a. `main h1` holds the page's heading,
//      b. the first content row is in the DOM (Home: the first count card
//         `.home-card__count` with its number; Find a partner: the first
//         result `article.partner-row` and the result count), and
//      c. the page's control answers input: the script sets the control's
//         value and dispatches the event a keystroke or choice dispatches
//         (Find a partner: `input` on the Keywords box; Home: `change` on
//         the header's persona select), and the page's text changes
//         (the result count; the signed-in persona's name).
//    It re-sends the event every 50 ms until the page answers, so a page
//    whose handlers are not attached yet counts as not interactive.
//    `_painted` figures go on to the frame that shows the answer (the task
//    after the next animation frame). The probe on Find a partner is one
//    keystroke, "c", into the empty box.
//    Each load is cold: a new browser context (empty HTTP cache and
//    storage) and a new page; app and anchor loads
//    alternate, from one local static server, no compression, no caching
//    headers. LOADS (default 21) loads of each, after one discarded
//    warm-up of each; the median (p50) is the figure, goal ratio <= 1.2.
//
// 2. Memory on Find a partner with 100,000 partners: the app's wasm linear
//    memory (its WebAssembly.Memory, captured by wrapping
//    WebAssembly.instantiate{,Streaming}) plus the JS heap (CDP
//    Runtime.getHeapUsage usedSize), each reading after CDP
//    HeapProfiler.collectGarbage; goal <= 40 MB. Then 20 filter cycles
//    (type a keyword key by key, tick an industry, "Clear filters") and the
//    growth; goal <= 1 MB. MB here is 2^20 bytes.
//
// Usage: node bench/product.mjs [dist]   (run by scripts/bench.sh)
//        LOADS=31 node bench/product.mjs dist
//        PRODUCT_TIMELINE=1 …   also prints every load's timeline to stderr
import { createRequire } from 'node:module';
import path from 'node:path';
import { anchorData, serveWithAnchors } from './anchor/serve.mjs';

const root = path.resolve(import.meta.dirname, '..');
// The e2e tests' playwright-core (tests/e2e/node_modules), as directory.mjs.
const { chromium } = createRequire(path.join(root, 'tests', 'e2e', 'package.json'))('playwright-core');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const LOADS = Number(process.env.LOADS ?? 21);
const RATIO_GOAL = 1.2;
const MEMORY_GOAL_MB = 40;
const GROWTH_GOAL_MB = 1;
const CYCLES = 20;
const MB = 1024 * 1024;

// The same flags as tests/e2e/lib/browser.mjs.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];
const VIEWPORT = { width: 1280, height: 800 };

/** What "interactive" means on each page (see the header). */
const PAGES = {
  home: {
    app: '',
    anchor: '__anchor/home.html',
    heading: 'Home',
    content: '.home-card__count',
    control: '#persona-select',
    event: 'change',
    value: 'billing-admin',
    watch: '[data-testid="signed-in-persona"]',
  },
  find_partner: {
    app: 'partners/find',
    anchor: '__anchor/find.html',
    heading: 'Find a partner',
    content: 'article.partner-row',
    control: '#filter-keywords',
    event: 'input',
    value: 'c', // one keystroke into the empty box; "c" narrows both pages
    watch: '[data-testid="result-count"]',
  },
};

const percentile = (values, p) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
};
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'NaN');
const yes = (ok) => (ok ? 'yes' : 'NO');

// ------------------------------------------------------------ init scripts

/** Captures the app's WebAssembly.Memory and when its instance was ready. */
function WASM_CAPTURE() {
  window.__bench = { t: {}, probes: 0 };
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      window.__bench.t.wasmInstantiated ??= performance.now();
      window.__wasmMemory = instance?.exports?.memory;
      return result;
    };
  }
}

/** Records content and interactive times (see the header). */
function INTERACTIVE(spec) {
  const b = window.__bench;
  b.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
  let before = null;
  let probedAt = 0;
  let timer = 0;
  let observer = null;
  const text = (sel) => document.querySelector(sel)?.textContent?.trim() ?? '';
  const probe = () => {
    const control = document.querySelector(spec.control);
    control.value = spec.value;
    const init = { bubbles: true };
    control.dispatchEvent(spec.event === 'input'
      ? new InputEvent('input', { ...init, inputType: 'insertText', data: spec.value })
      : new Event(spec.event, init));
    probedAt = performance.now();
    b.probes += 1;
  };
  const check = () => {
    if (b.t.interactive !== undefined) return;
    const now = performance.now();
    if (b.t.content === undefined) {
      if (text('main h1') !== spec.heading) return;
      if (!document.querySelector(spec.content)?.textContent?.trim()) return;
      if (!document.querySelector(spec.control) || !text(spec.watch)) return;
      b.t.content = now;
      b.rowsAtContent = document.querySelectorAll(spec.content).length;
      before = text(spec.watch);
      timer = setInterval(check, 10);
    }
    if (probedAt && text(spec.watch) !== before) {
      b.t.interactive = now;
      clearInterval(timer);
      observer.disconnect();
      // The frame that shows the answer: the next animation frame, then
      // the task after it (the frame's paint has been committed by then).
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { b.t.painted = performance.now(); };
        channel.port2.postMessage(null);
      });
      return;
    }
    if (!probedAt || now - probedAt >= 50) {
      probe();
      check(); // a page may answer synchronously
    }
  };
  observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

// ----------------------------------------------------------------- loads

async function newPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console error: ${msg.text()}`);
  });
  await page.addInitScript(WASM_CAPTURE);
  return { context, page };
}

/** One cold load; the in-page timeline in ms since navigation start. */
async function coldLoad(browser, url, spec) {
  const { context, page } = await newPage(browser);
  try {
    await page.addInitScript(INTERACTIVE, spec);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.t.painted !== undefined, null, {
      timeout: 60000,
      polling: 50,
    });
    const timeline = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const resource = (ext) => performance.getEntriesByType('resource')
        .filter((r) => new URL(r.name).pathname.endsWith(ext))
        .reduce((m, r) => Math.max(Number.isNaN(m) ? 0 : m, r.responseEnd), NaN);
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const b = window.__bench;
      return {
        html: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd || NaN,
        js: resource('.js'),
        wasm: resource('.wasm'),
        wasmInstantiated: b.t.wasmInstantiated ?? NaN,
        build: performance.getEntriesByName('directory-build', 'measure')[0]?.duration ?? NaN,
        fcp: fcp?.startTime ?? NaN,
        content: b.t.content,
        interactive: b.t.interactive,
        painted: b.t.painted,
        longTasks: b.longTasks,
        probes: b.probes,
        rows: b.rowsAtContent,
      };
    });
    if (page.problems.length) throw new Error(`${url}: ${page.problems.join('\n')}`);
    return timeline;
  } finally {
    await context.close();
  }
}

/** What the app shows once settled, to size and check the anchor. */
async function appSnapshot(browser, server) {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${server}partners/find`);
    await page.getByTestId('result-count').filter({ hasText: / partners$/ }).waitFor({ timeout: 60000 });
    await page.waitForTimeout(500);
    const find = await page.evaluate(() => ({
      names: [...document.querySelectorAll('.partner-row__name')].map((e) => e.textContent),
      count: document.querySelector('[data-testid="result-count"]').textContent,
    }));
    await page.goto(server);
    await page.locator('.home-card__count').first().waitFor({ timeout: 60000 });
    await page.waitForTimeout(200);
    const home = await page.evaluate(() =>
      [...document.querySelectorAll('.home-card')].map((e) => e.textContent));
    if (page.problems.length) throw new Error(page.problems.join('\n'));
    return { find, home };
  } finally {
    await context.close();
  }
}

async function anchorSnapshot(browser, server) {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${server}__anchor/find.html`);
    const find = await page.evaluate(() => ({
      names: [...document.querySelectorAll('.partner-row__name')].map((e) => e.textContent),
      count: document.querySelector('[data-testid="result-count"]').textContent,
    }));
    await page.goto(`${server}__anchor/home.html`);
    const home = await page.evaluate(() =>
      [...document.querySelectorAll('.home-card')].map((e) => e.textContent));
    if (page.problems.length) throw new Error(page.problems.join('\n'));
    return { find, home };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- memory

async function memory(browser, server) {
  const { context, page } = await newPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const reading = async () => {
      for (let i = 0; i < 2; i++) {
        await cdp.send('HeapProfiler.collectGarbage');
        await page.waitForTimeout(100);
      }
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? NaN);
      return { wasm, js: usedSize, total: wasm + usedSize };
    };
    const all = /^100,000 partners$/;
    const count = page.getByTestId('result-count');
    await page.goto(`${server}partners/find?partners=100000`);
    await count.filter({ hasText: all }).waitFor({ timeout: 120000 });
    await page.waitForTimeout(300);
    const after = await reading();

    const keywords = page.getByLabel('Keywords');
    const industry = page.getByRole('checkbox', { name: /^Healthcare/ });
    const clear = page.locator('.directory__filters-head button', { hasText: 'Clear filters' });
    let first = null;
    for (let i = 0; i < CYCLES; i++) {
      await keywords.click();
      await page.keyboard.type('cloud migration', { delay: 20 });
      await count.filter({ hasNotText: all }).waitFor();
      await industry.check();
      await clear.click();
      await count.filter({ hasText: all }).waitFor();
      await page.waitForTimeout(50);
      // After the first cycle too: a one-off cost (first use) and a
      // per-cycle leak look alike in the total growth.
      if (i === 0) first = await reading();
    }
    await page.waitForTimeout(300);
    const cycled = await reading();
    if (page.problems.length) throw new Error(page.problems.join('\n'));
    return { after, first, cycled };
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------ main

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ARGS,
});
let server = await serveWithAnchors({ dist, data: {} });
try {
  // Size the anchor: as many result rows as the app shows at first.
  const app = await appSnapshot(browser, server.url);
  const data = anchorData(app.find.names.length);
  await server.close();
  server = await serveWithAnchors({ dist, data });
  const anchor = await anchorSnapshot(browser, server.url);
  const same = JSON.stringify(app) === JSON.stringify(anchor);
  console.log(`anchor_rows: ${app.find.names.length}`);
  console.log(`anchor_shows_same_text_as_app: ${yes(same)}`);
  if (!same) console.error(`app:    ${JSON.stringify(app)}\nanchor: ${JSON.stringify(anchor)}`);

  // Loads: one warm-up of each, then app and anchor alternately.
  const runs = {};
  for (const [name, spec] of Object.entries(PAGES)) {
    runs[name] = { app: [], anchor: [] };
    await coldLoad(browser, server.url + spec.app, spec);
    await coldLoad(browser, server.url + spec.anchor, spec);
    for (let i = 0; i < LOADS; i++) {
      runs[name].app.push(await coldLoad(browser, server.url + spec.app, spec));
      runs[name].anchor.push(await coldLoad(browser, server.url + spec.anchor, spec));
    }
  }
  console.log(`product_cold_loads_per_page: ${LOADS}`);
  for (const [name, { app: a, anchor: b }] of Object.entries(runs)) {
    const p50 = (list, key) => percentile(list.map((t) => t[key]), 0.5);
    const p90 = (list, key) => percentile(list.map((t) => t[key]), 0.9);
    const ours = p50(a, 'interactive');
    const floor = p50(b, 'interactive');
    const ratio = ours / floor;
    console.log(`${name}_nav_to_interactive_ms_p50: ${fmt(ours)}`);
    console.log(`${name}_nav_to_interactive_ms_p90: ${fmt(p90(a, 'interactive'))}`);
    console.log(`${name}_anchor_ms_p50: ${fmt(floor)}`);
    console.log(`${name}_anchor_ms_p90: ${fmt(p90(b, 'interactive'))}`);
    console.log(`${name}_ratio: ${fmt(ratio, 2)}`);
    console.log(`${name}_ratio_goal_max: ${RATIO_GOAL}`);
    console.log(`${name}_ratio_within_goal: ${yes(ratio <= RATIO_GOAL)}`);
    // The same, until the frame that shows the answer has been painted.
    const oursPainted = p50(a, 'painted');
    const floorPainted = p50(b, 'painted');
    console.log(`${name}_nav_to_interactive_painted_ms_p50: ${fmt(oursPainted)}`);
    console.log(`${name}_anchor_painted_ms_p50: ${fmt(floorPainted)}`);
    console.log(`${name}_ratio_painted: ${fmt(oursPainted / floorPainted, 2)}`);
    // Where the app's time goes (p50 of each mark, ms since navigation).
    for (const key of ['html', 'js', 'wasm', 'wasmInstantiated', 'content', 'fcp']) {
      console.log(`${name}_app_${key}_ms_p50: ${fmt(p50(a, key))}`);
    }
    for (const list of [a, b]) {
      for (const t of list) {
        t.longBeforePainted = t.longTasks.filter(([start]) => start < t.painted)
          .reduce((sum, [, d]) => sum + d, 0);
      }
    }
    console.log(`${name}_app_long_tasks_before_painted_ms_p50: ${fmt(p50(a, 'longBeforePainted'))}`);
    console.log(`${name}_anchor_long_tasks_before_painted_ms_p50: ${fmt(p50(b, 'longBeforePainted'))}`);
    if (process.env.PRODUCT_TIMELINE) {
      for (const t of a) console.error(`${name} app    ${JSON.stringify(t)}`);
      for (const t of b) console.error(`${name} anchor ${JSON.stringify(t)}`);
    }
    if (name === 'find_partner') console.log(`${name}_app_directory_build_ms_p50: ${fmt(p50(a, 'build'))}`);
    for (const key of ['html', 'content', 'fcp']) {
      console.log(`${name}_anchor_${key}_ms_p50: ${fmt(p50(b, key))}`);
    }
    console.log(`${name}_app_probes_max: ${Math.max(...a.map((t) => t.probes))}`);
  }

  const { after, first, cycled } = await memory(browser, server.url);
  const growth = cycled.total - after.total;
  console.log(`memory_after_100k_mb: ${fmt(after.total / MB, 2)}`);
  console.log(`memory_after_100k_wasm_mb: ${fmt(after.wasm / MB, 2)}`);
  console.log(`memory_after_100k_js_heap_mb: ${fmt(after.js / MB, 2)}`);
  console.log(`memory_after_100k_goal_max_mb: ${MEMORY_GOAL_MB}`);
  console.log(`memory_after_100k_within_goal: ${yes(after.total <= MEMORY_GOAL_MB * MB)}`);
  console.log(`memory_growth_${CYCLES}_cycles_mb: ${fmt(growth / MB, 3)}`);
  console.log(`memory_growth_${CYCLES}_cycles_wasm_mb: ${fmt((cycled.wasm - after.wasm) / MB, 3)}`);
  console.log(`memory_growth_${CYCLES}_cycles_js_heap_mb: ${fmt((cycled.js - after.js) / MB, 3)}`);
  console.log(`memory_growth_first_cycle_mb: ${fmt((first.total - after.total) / MB, 3)}`);
  console.log(`memory_growth_cycles_2_to_${CYCLES}_mb: ${fmt((cycled.total - first.total) / MB, 3)}`);
  console.log(`memory_growth_${CYCLES}_cycles_goal_max_mb: ${GROWTH_GOAL_MB}`);
  console.log(`memory_growth_${CYCLES}_cycles_within_goal: ${yes(growth <= GROWTH_GOAL_MB * MB)}`);
} finally {
  await browser.close();
  await server.close();
}
