// Launches the system Chromium (never a downloaded browser) and opens pages
// that record every console error, page error and CSP violation.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

export const SCREENSHOTS = path.resolve(import.meta.dirname, '..', 'screenshots');

/**
 * @param {object} [options] extra context options, e.g. `bypassCSP` (the
 *   xss tests), `colorScheme`, `reducedMotion`, `viewport`,
 *   `deviceScaleFactor` (the accessibility tests).
 */
export async function launch(options = {}) {
  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pc-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      await fs.rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A page whose problems are collected in `page.problems`. */
export async function openPage(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    // Warnings too: an admin who opens the console should find it quiet.
    if (msg.type() === 'error' || msg.type() === 'warning') {
      page.problems.push(`console ${msg.type()}: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return page;
}

/** Waits until the app has rendered its page heading (not the served
 *  frame's, which shows before the wasm: see firstload.test.mjs). */
export async function waitForApp(page) {
  await page.waitForFunction(
    () => !document.querySelector('[data-prerendered]') && document.querySelector('main h1'),
    null,
    { timeout: 15000 },
  );
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 15000 });
}

export function assertNoProblems(page, allowed = []) {
  const problems = page.problems.filter((p) => !allowed.some((a) => p.includes(a)));
  assert.deepEqual(problems, [], 'the page logged problems');
}

/** axe-core with the WCAG 2 A and AA rules: zero violations allowed. */
export async function assertAccessible(page, label) {
  // Colours in the middle of a 120 ms transition (a button just enabled)
  // are neither the old nor the new ones: let them settle first.
  await page.evaluate(() => Promise.all(
    document.getAnimations().map((a) => (a.playState === 'running' ? a.finished.catch(() => {}) : null)),
  ));
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(summary, [], `axe-core violations on ${label}`);
}

export async function screenshot(page, name) {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  // Playwright's fullPage capture stitches a sticky header into the middle
  // of the picture; a viewport as tall as the page shows it as a person would.
  const original = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: original.width, height: Math.min(Math.max(height, original.height), 3000) });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  await page.setViewportSize(original);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
}
