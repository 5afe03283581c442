// The shell as a new admin meets it: every route, its heading, no errors,
// no CSP violation, zero axe-core violations, and a screenshot of each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openPage, waitForApp, assertNoProblems, assertAccessible, screenshot,
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

test('Billing and Activity stand on their own in the navigation, as their breadcrumbs say', async () => {
  const page = await openPage(app.context);
  await page.goto(app.url);
  await waitForApp(page);
  // Each link with the group heading shown above it (none before the first heading).
  const entries = await page.evaluate(() => {
    let group = '';
    return [...document.querySelectorAll('nav[aria-label="Main"] li')].map((li) => {
      const heading = li.querySelector('.app-nav__group');
      if (heading) group = heading.textContent.trim();
      return [group, li.querySelector('a').textContent.replace(/^\w+: /, '').trim()];
    });
  });
  const under = (name) => entries.find(([, label]) => label === name)?.[0];
  assert.equal(under('Billing'), '');
  assert.equal(under('Activity'), '');
  assert.equal(under('Partner relationships'), 'Settings');
  assert.equal(under('Review partner access'), 'Settings');
  assert.equal(under('Data'), 'Settings');
  assert.equal(under('Partner simulator'), 'Demo');
  for (const [path, crumb] of [['billing', 'Billing'], ['activity', 'Activity']]) {
    await page.goto(app.url + path);
    await waitForApp(page);
    const trail = await page.getByRole('navigation', { name: /Breadcrumb/i }).innerText();
    assert.doesNotMatch(trail, /Settings/, `${crumb}'s breadcrumbs`);
  }
  assertNoProblems(page);
  await page.close();
});

test('the persona picker shows every persona in full', async () => {
  const page = await openPage(app.context);
  await page.goto(app.url);
  await waitForApp(page);
  const cut = await page.evaluate(() => {
    const select = document.getElementById('persona-select');
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(select).font;
    probe.style.position = 'absolute';
    probe.style.whiteSpace = 'nowrap';
    document.body.append(probe);
    const room = select.clientWidth - 28; // the arrow and the padding
    const cutOff = [...select.options].filter((o) => {
      probe.textContent = o.textContent;
      return probe.getBoundingClientRect().width > room;
    }).map((o) => o.textContent);
    probe.remove();
    return cutOff;
  });
  // The closed select is as wide as its longest option.
  const widest = await page.evaluate(() => document.getElementById('persona-select').getBoundingClientRect().width);
  assert.ok(widest > 0);
  assert.deepEqual(cut, []);
  await page.close();
});

for (const { label, options, shot } of [
  { label: '375 px', options: { viewport: { width: 375, height: 812 } }, shot: 'narrow-header' },
  { label: '200 % zoom', options: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }, shot: 'zoom-header' },
]) {
  test(`at ${label} the header keeps who is signed in, the organization and the demo date, and the menu its groups`, async () => {
    const small = await launch(options);
    try {
      const page = await openPage(small.context);
      await page.goto(app.url);
      await waitForApp(page);
      const shown = (locator) => locator.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 1;
      });
      const header = page.locator('header');
      assert.ok(await shown(header.getByText('Adatum Corporation')), 'the organization');
      // "Signed in as [Global Administrator ▾]": the picker names who is signed in.
      assert.ok(await shown(header.getByText('Signed in as')), 'who is signed in');
      assert.equal(
        await page.getByLabel('Switch persona').evaluate((s) => s.selectedOptions[0].textContent),
        'Global Administrator',
      );
      assert.ok(await shown(header.getByText('Demo date')), 'the demo date');
      assert.ok(await shown(page.getByTestId('demo-date')), 'the demo date itself');
      assert.ok(await shown(page.getByLabel('Switch persona')), 'the persona picker');
      assert.ok(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        'nothing scrolls sideways',
      );
      await page.getByRole('button', { name: 'Menu' }).click();
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const group of ['Settings', 'Demo']) {
        assert.ok(await shown(nav.locator('.app-nav__group', { hasText: group })), `the ${group} group`);
      }
      await screenshot(page, shot);
      await assertAccessible(page, `the header and menu at ${label}`);
      assertNoProblems(page);
    } finally {
      await small.close();
    }
  });
}

test('one toast at a time, and the page end scrolls clear of it', async () => {
  const page = await openPage(app.context);
  await page.goto(app.url + 'settings/partner-relationships');
  await waitForApp(page);
  for (const step of ['+1 day', '+7 days']) {
    await page.getByRole('button', { name: step }).click();
  }
  const toast = page.locator('.toast');
  await toast.filter({ hasText: 'The demo date is now' }).waitFor();
  assert.equal(await toast.count(), 1, 'the newest toast replaces the older one');
  const { rowBottom, toastTop } = await page.evaluate(() => {
    const rows = document.querySelectorAll('main table tbody tr');
    // To the very end: the table's own box, then the page.
    rows[rows.length - 1].scrollIntoView({ block: 'end' });
    window.scrollTo(0, document.documentElement.scrollHeight);
    return {
      rowBottom: rows[rows.length - 1].getBoundingClientRect().bottom,
      toastTop: document.querySelector('.toast').getBoundingClientRect().top,
    };
  });
  assert.ok(rowBottom <= toastTop, `the last row (${rowBottom}) ends above the toast (${toastTop})`);
  assertNoProblems(page);
  await page.close();
});

test('focus moved after an action is a quiet bar on a heading, not a box around a panel', async () => {
  const page = await openPage(app.context);
  await page.goto(app.url + 'settings/partner-relationships/fabrikam-it');
  await waitForApp(page);
  // Keyboard use first, so Chromium would draw a focus ring for programmatic focus.
  await page.keyboard.press('Tab');
  const style = await page.evaluate(() => {
    const heading = document.querySelector('main h2[tabindex="-1"]');
    heading.focus();
    const css = getComputedStyle(heading);
    return { outline: css.outlineStyle, shadow: css.boxShadow };
  });
  assert.equal(style.outline, 'none');
  assert.doesNotMatch(style.shadow, /0px 0px 0px 4px/, 'not the heavy focus box');
  await page.close();
});
