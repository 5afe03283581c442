// The shell as a new admin meets it: every route, its heading, no errors,
// no CSP violation, zero axe-core violations, and a screenshot of each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, waitForApp, assertNoProblems, assertAccessible, screenshot,
} from './lib/browser.mjs';
import { setUp } from './lib/setup.mjs';

const ROUTES = [
  { path: '', heading: 'Home', shot: 'home' },
  { path: 'partners/find', heading: 'Find a partner', shot: 'find-a-partner' },
  { path: 'partners/invitations', heading: 'Invitations', shot: 'invitations' },
  { path: 'partners/requests', heading: 'Requests sent', shot: 'requests-sent' },
  { path: 'settings/partner-relationships', heading: 'Partner relationships', shot: 'partner-relationships' },
  { path: 'settings/data', heading: 'Data', shot: 'data' },
  { path: 'demo/partner-simulator', heading: 'Partner simulator', shot: 'partner-simulator' },
  { path: 'billing', heading: 'Billing', shot: 'billing' },
  { path: 'activity', heading: 'Activity', shot: 'activity' },
  { path: 'no/such/page', heading: 'Page not found', shot: 'not-found' },
];

const app = setUp();

for (const route of ROUTES) {
  test(`/${route.path} shows "${route.heading}", accessible and error-free`, async () => {
    const page = await openPage(app.context);
    await page.goto(app.url + route.path);
    await waitForApp(page);
    assert.equal(await page.locator('main h1').first().innerText(), route.heading);
    assert.equal(await page.title(), `${route.heading} · Partner console`);
    await assertAccessible(page, `/${route.path}`);
    await screenshot(page, route.shot);
    assertNoProblems(page);
    await page.close();
  });
}

test('the persona picker changes the header and survives a reload', async () => {
  const page = await openPage(app.context);
  await page.goto(app.url);
  await waitForApp(page);
  await page.getByLabel('Switch persona').selectOption({ label: 'Billing Administrator' });
  await assert.doesNotReject(
    page.getByTestId('signed-in-persona').filter({ hasText: 'Billing Administrator' }).waitFor(),
  );
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByTestId('signed-in-persona').innerText(), 'Billing Administrator');
  assert.equal(await page.getByLabel('Switch persona').inputValue(), 'billing-admin');
  await page.getByLabel('Switch persona').selectOption({ label: 'Global Administrator' });
  assertNoProblems(page);
  await page.close();
});

test('links, the back button and a reload on a deep link all work', async () => {
  const page = await openPage(app.context);
  await page.goto(app.url);
  await waitForApp(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Find a partner' }).click();
  await page.getByRole('heading', { level: 1, name: 'Find a partner' }).waitFor();
  await nav.getByRole('link', { name: /Partner relationships/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Partner relationships' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/settings/partner-relationships');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Find a partner' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Find a partner' }).waitFor();
  assertNoProblems(page);
  await page.close();
});

test('the keyboard reaches the skip link first and it moves to the page', async () => {
  const page = await openPage(app.context);
  await page.goto(app.url + 'activity');
  await waitForApp(page);
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
  assert.equal(first, 'Skip to main content');
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, 'main');
  assertNoProblems(page);
  await page.close();
});
