// The build as a host serves it: without rewrite rules (404.html), under a
// sub-path, under its own strict CSP, and recovering visibly from a panic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { serve } from './lib/server.mjs';
import { DIST, DIST_UNDER_CONSOLE } from './lib/dist.mjs';
import { openPage, waitForApp, assertNoProblems, assertAccessible, screenshot } from './lib/browser.mjs';
import { setUp } from './lib/setup.mjs';

// Each test serves the build its own way: only the browser is shared.
const app = setUp({ dist: null });

test('every inline script of the built page is covered by its CSP hash', async () => {
  for (const dist of [DIST, DIST_UNDER_CONSOLE]) {
    const html = await fs.readFile(path.join(dist, 'index.html'), 'utf8');
    const policy = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
    assert.ok(policy, `${dist}: no CSP meta`);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|__/);
    assert.match(policy, /object-src 'none'/);
    assert.match(policy, /base-uri 'none'/);
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter(([, attrs]) => !/\bsrc\s*=/.test(attrs));
    assert.ok(inline.length > 0, 'Trunk writes an inline loader');
    for (const [, , body] of inline) {
      const hash = crypto.createHash('sha256').update(body, 'utf8').digest('base64');
      assert.ok(policy.includes(`'sha256-${hash}'`), `${dist}: inline script not covered`);
    }
    const notFound = await fs.readFile(path.join(dist, '404.html'), 'utf8');
    assert.equal(notFound, html, '404.html is the app itself');
  }
});

test('a host without rewrite rules serves a deep link through 404.html', async () => {
  const server = await serve({ dist: DIST, rewrite: false });
  const page = await openPage(app.context);
  const response = await page.goto(server.url + 'settings/partner-relationships');
  assert.equal(response.status(), 404);
  await waitForApp(page);
  assert.equal(await page.locator('main h1').innerText(), 'Partner relationships');
  // The only error allowed is the host's own 404 status for the document.
  assertNoProblems(page, ['404 (Not Found)']);
  await page.close();
  await server.close();
});

test('under a sub-path, links, reload and back stay under it', async () => {
  const server = await serve({ dist: DIST_UNDER_CONSOLE, prefix: '/console/' });
  const page = await openPage(app.context);
  await page.goto(server.url + 'billing');
  await waitForApp(page);
  assert.equal(await page.locator('main h1').innerText(), 'Billing');
  // One stylesheet for the whole app (scripts/build/post_build.py), so the
  // browser's six connections never make the wasm wait; every area's rules
  // are in it.
  const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => ({
    href: new URL(s.href).pathname,
    rules: s.cssRules.length,
  })));
  assert.equal(sheets.length, 1, JSON.stringify(sheets));
  assert.match(sheets[0].href, /^\/console\/app-[0-9a-f]{16}\.css$/);
  assert.ok(await page.evaluate(() => [...document.styleSheets[0].cssRules]
    .some((r) => r.selectorText?.includes('.vlist__row'))), 'directory rules are bundled');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/console/activity');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Billing' }).waitFor();
  assertNoProblems(page);
  await page.close();
  await server.close();
});

test('a panic shows the recovery panel, and its button reloads the console', async () => {
  const server = await serve({ dist: DIST });
  const page = await openPage(app.context);
  await page.goto(server.url + 'debug/panic');
  await page.getByRole('button', { name: 'Panic now' }).click();
  const panel = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
  await panel.waitFor({ state: 'visible' });
  await assertAccessible(page, 'the panic panel');
  await screenshot(page, 'panic');
  await page.getByRole('button', { name: 'Reload the console' }).click();
  await page.getByRole('button', { name: 'Panic now' }).waitFor();
  assert.equal(await panel.isVisible(), false);
  // The panic itself is logged to the console (that is the point); nothing else.
  assertNoProblems(page, ['deliberate panic', 'unreachable', 'RuntimeError']);
  await page.close();
  await server.close();
});
