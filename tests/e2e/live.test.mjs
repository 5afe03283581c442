// Live updates on the server: two admins (two browsers) on one backend. A
// change one makes appears in the other's console within a second, through
// the server's event stream (GET /api/changes), with no polling while the
// stream is open. When the stream cannot be had, the header says live
// updates are off, and changes still arrive by the 5-second poll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onFreshServer, otherAdminAccepts } from './lib/backend.mjs';
import {
  launch, openPage, assertNoProblems, assertAccessible, screenshot, waitForApp,
} from './lib/browser.mjs';
import { freshPage, heading } from './lib/flows.mjs';
import { setUp } from './lib/setup.mjs';

const app = setUp({ dist: null });
// The app's heading, not the served frame's: that one shows before the app
// has even asked for the state, so requests counted from it would count
// the first load too.
const h1 = async (page, name) => {
  await waitForApp(page);
  await heading(page, name, { timeout: 15000 });
};
const OFF = 'Live updates off';
const OFF_MEANS = 'Changes made by others appear within a few seconds instead of at once.';
// Chromium logs each aborted attempt to open the blocked stream.
const BLOCKED = ['ERR_FAILED', '/api/changes'];

/** Requests to `path` the page makes, with when. */
function requestsTo(page, path) {
  const seen = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith(path)) seen.push(Date.now());
  });
  return { since: (t) => seen.filter((at) => at >= t).length };
}

test('a change one admin makes appears in another admin\'s open console within a second', () => onFreshServer(async (server) => {
  const second = await launch();
  try {
    const watcher = await freshPage(second.context, server.url, 'settings/partner-relationships/fabrikam-it', 'global-admin', { clearSession: true });
    await h1(watcher, 'Fabrikam IT Services');
    const polls = requestsTo(watcher, '/api/state');
    const actor = await freshPage(app.context, server.url, 'settings/partner-relationships/fabrikam-it', 'global-admin', { clearSession: true });
    await h1(actor, 'Fabrikam IT Services');

    // The stream is open: the watcher asks for nothing by itself.
    const quiet = Date.now();
    await watcher.waitForTimeout(6_000);
    assert.equal(polls.since(quiet), 0, 'no polling while the stream is open');
    assert.equal(await watcher.getByText(OFF).count(), 0);

    await actor.getByRole('button', { name: 'Remove roles' }).click();
    const saved = actor.waitForResponse((r) => r.url().endsWith('/api/commands') && r.request().method() === 'POST');
    await actor.getByRole('dialog', { name: 'Remove roles?' }).getByRole('button', { name: 'Yes' }).click();
    assert.equal((await saved).status(), 200);
    const at = Date.now();
    await watcher.getByTestId('no-roles-to-remove').waitFor({ timeout: 1_000 });
    const took = Date.now() - at;
    assert.ok(took < 1_000, `seen after ${took} ms`);
    console.log(`# the other admin's console showed the change ${took} ms after it was saved`);
    assert.equal(polls.since(quiet), 1, 'one fetch of the changed state');
    await actor.getByTestId('no-roles-to-remove').waitFor();
    for (const page of [watcher, actor]) {
      assertNoProblems(page);
      await page.close();
    }
  } finally {
    await second.close();
  }
}));

test('a hidden tab hears of a change but loads it only when shown', () => onFreshServer(async (server) => {
  const page = await openPage(app.context);
  // Headless pages are always visible: let the test say when this one is not.
  await page.addInitScript(() => {
    window.__hidden = false;
    Object.defineProperty(Document.prototype, 'hidden', { get: () => window.__hidden, configurable: true });
  });
  const polls = requestsTo(page, '/api/state');
  await page.goto(server.url + 'activity');
  await h1(page, 'Activity');
  await page.evaluate(() => { window.__hidden = true; });
  const hidden = Date.now();
  await otherAdminAccepts(server, 'inv-reseller', 'e2e-live-hidden');
  await page.waitForTimeout(3_000);
  assert.equal(polls.since(hidden), 0, 'a hidden tab loads nothing');
  const table = page.getByTestId('activity-table');
  const accepted = 'Accepted & authorized the invitation from Relecloud,';
  assert.doesNotMatch(await table.innerText(), new RegExp(accepted));
  await page.evaluate(() => { window.__hidden = false; });
  const shown = Date.now();
  await table.filter({ hasText: accepted }).waitFor({ timeout: 3_000 });
  assert.ok(Date.now() - shown < 3_000);
  assert.equal(polls.since(hidden), 1, 'loaded once, when shown');
  assertNoProblems(page);
  await page.close();
}));

test('without the stream the header says live updates are off, changes still arrive by polling, and the notice goes when the stream is back', () => onFreshServer(async (server) => {
  const page = await openPage(app.context);
  await page.route('**/api/changes', (route) => route.abort());
  await page.goto(server.url + 'activity');
  await h1(page, 'Activity');
  const notice = page.getByTestId('live-updates');
  await notice.getByText(OFF, { exact: false }).waitFor({ timeout: 5_000 });
  assert.equal(await notice.getAttribute('role'), 'status');
  // Seen: the short text; its meaning is for screen readers (and the tooltip).
  assert.equal(await notice.locator('.live-updates__off').evaluate((el) => el.firstChild.textContent), OFF);
  assert.equal(await notice.locator('.visually-hidden').count(), 1);
  assert.equal(await notice.textContent(), `${OFF}: ${OFF_MEANS}`, 'what it means, for screen readers');
  assert.equal(await notice.locator('[title]').getAttribute('title'), OFF_MEANS);

  const table = page.getByTestId('activity-table');
  const accepted = 'Accepted & authorized the invitation from Relecloud,';
  await otherAdminAccepts(server, 'inv-reseller', 'e2e-live-off');
  const at = Date.now();
  await table.filter({ hasText: accepted }).waitFor({ timeout: 8_000 });
  console.log(`# without the stream, the change showed after ${Date.now() - at} ms (polling)`);

  await assertAccessible(page, 'live updates off');
  await screenshot(page, 'live-updates-off');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(page, 'live updates off, dark');
  await page.setViewportSize({ width: 375, height: 800 });
  await assertAccessible(page, 'live updates off, 375 px');
  await screenshot(page, 'live-updates-off-375');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.unroute('**/api/changes');
  await notice.getByText(OFF, { exact: false }).waitFor({ state: 'detached', timeout: 15_000 });
  assertNoProblems(page, BLOCKED);
  await page.close();
}));
