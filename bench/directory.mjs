// The directory benchmark in headless Chromium: drives the release build's
// "Find a partner" page through a typing script at 10,000 and 100,000
// partners and prints `name: value` lines:
//  - our per-keystroke search time (the app's `performance.measure`
//    entries named "directory-search", search only, no paint);
//  - in the same page and run, the same figures for a plain-JavaScript
//    anchor: a `String.includes` loop over the same partners' pre-lowered
//    text (printed by the domain's `directory_text` example), and the
//    ratio ours / anchor;
//  - keystroke-to-paint at 100,000 from Event Timing (PerformanceObserver
//    'event', durationThreshold 16: keystrokes under 16 ms report nothing
//    and count as 16, an upper bound);
//  - the index build time ("directory-build" measure).
//
// Usage: node bench/directory.mjs [dist]   (run by scripts/bench.sh)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serve } from '../tests/e2e/lib/server.mjs';
import { launch, openPage } from '../tests/e2e/lib/browser.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const SEED = 42; // src/pages/find_partner/directory.rs DIRECTORY_SEED
const SIZES = [10_000, 100_000];
const KEY_DELAY_MS = 90;

/** Types and deletes words key by key, as an admin does (94 keystrokes). */
function typingScript() {
  const keys = [];
  const type = (s) => { for (const c of s) keys.push(c); };
  const del = (n) => { for (let i = 0; i < n; i++) keys.push('Backspace'); };
  type('contoso cloud sec'); del(9); type('azure mig'); del(17);
  type('northwind teams'); del(15); type('seattle data');
  return keys;
}

/** The keyword box after each keystroke. */
function textsAfter(keys) {
  let text = '';
  return keys.map((k) => (text = k === 'Backspace' ? text.slice(0, -1) : text + k));
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
}

const fmt = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'NaN');

function searchableText(count) {
  const json = execFileSync(
    'cargo',
    ['run', '--release', '-q', '-p', 'domain', '--example', 'directory_text', '--', String(SEED), String(count)],
    { cwd: root, maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(json);
}

const keys = typingScript();
const texts = textsAfter(keys);
console.log(`directory_keystrokes: ${keys.length}`);

const server = await serve({ dist });
const browser = await launch();
try {
  for (const n of SIZES) {
    const strings = searchableText(n);
    if (strings.length !== n) throw new Error(`expected ${n} strings, got ${strings.length}`);
    const page = await openPage(browser.context);
    await page.addInitScript(() => {
      window.__events = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__events.push({ name: e.name, id: e.interactionId, duration: e.duration });
        }
      }).observe({ type: 'event', durationThreshold: 16, buffered: true });
    });
    await page.goto(`${server.url}partners/find?partners=${n}`);
    await page.getByTestId('result-count').filter({ hasText: `${n.toLocaleString('en-US')} partners` })
      .waitFor({ timeout: 60000 });
    const build = await page.evaluate(() => {
      const m = performance.getEntriesByName('directory-build', 'measure');
      return m.length ? m[m.length - 1].duration : NaN;
    });
    console.log(`directory_index_build_ms_${n}: ${fmt(build)}`);

    // Ours: the real page, typed into key by key.
    await page.getByLabel('Keywords').focus();
    await page.evaluate(() => {
      performance.clearMeasures('directory-search');
      window.__events = [];
    });
    for (const key of keys) {
      await page.keyboard.press(key);
      await page.waitForTimeout(KEY_DELAY_MS);
    }
    await page.waitForTimeout(300);
    const ours = await page.evaluate(() =>
      performance.getEntriesByName('directory-search', 'measure').map((m) => m.duration));
    if (ours.length < keys.length) {
      throw new Error(`only ${ours.length} searches measured for ${keys.length} keystrokes`);
    }
    const events = await page.evaluate(() => window.__events);

    // The anchor: String.includes over the same pre-lowered strings, the
    // same keyword texts, in the same page, one keystroke at a time.
    await page.evaluate((s) => { window.__anchorStrings = s; }, strings);
    const anchor = await page.evaluate(async (typed) => {
      const all = window.__anchorStrings;
      const times = [];
      let sink = 0;
      for (const text of typed) {
        const words = text.toLowerCase().split(/\s+/).filter(Boolean);
        const t0 = performance.now();
        const hits = [];
        for (let i = 0; i < all.length; i++) {
          const s = all[i];
          let ok = true;
          for (const w of words) {
            if (!s.includes(w)) { ok = false; break; }
          }
          if (ok) hits.push(i);
        }
        times.push(performance.now() - t0);
        sink += hits.length;
        await new Promise((r) => setTimeout(r, 10));
      }
      window.__sink = sink;
      return times;
    }, texts);

    for (const [name, values] of [['directory_search', ours], ['anchor_includes', anchor]]) {
      console.log(`${name}_p50_ms_${n}: ${fmt(percentile(values, 0.5))}`);
      console.log(`${name}_p95_ms_${n}: ${fmt(percentile(values, 0.95))}`);
      console.log(`${name}_max_ms_${n}: ${fmt(Math.max(...values))}`);
    }
    console.log(`directory_ratio_p50_${n}: ${fmt(percentile(ours, 0.5) / percentile(anchor, 0.5))}`);
    console.log(`directory_ratio_p95_${n}: ${fmt(percentile(ours, 0.95) / percentile(anchor, 0.95))}`);

    if (n === 100_000) {
      // One interaction per keystroke (keydown, input, keyup share an id).
      const byInteraction = new Map();
      for (const e of events) {
        if (!e.id || !['keydown', 'keypress', 'input', 'keyup', 'beforeinput'].includes(e.name)) continue;
        byInteraction.set(e.id, Math.max(byInteraction.get(e.id) ?? 0, e.duration));
      }
      const reported = [...byInteraction.values()];
      const paint = [...reported, ...Array(Math.max(0, keys.length - reported.length)).fill(16)];
      console.log(`keystroke_to_paint_p50_ms_${n}: ${fmt(percentile(paint, 0.5))}`);
      console.log(`keystroke_to_paint_p95_ms_${n}: ${fmt(percentile(paint, 0.95))}`);
      console.log(`keystroke_to_paint_max_ms_${n}: ${fmt(Math.max(...paint))}`);
      console.log(`keystroke_to_paint_over_16ms_${n}: ${reported.length}`);
    }
    if (page.problems.length) throw new Error(page.problems.join('\n'));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
