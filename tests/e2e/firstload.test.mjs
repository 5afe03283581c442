// First load (issue 21): the served HTML already shows the console's frame
// (header, navigation) and the page's breadcrumbs, heading and lead, in
// the app's own words, before the wasm arrives; the app then takes over
// without a second banner, navigation or main, without a layout shift and
// without losing keyboard focus; and Find a partner builds its directory
// without holding the browser for long.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertNoProblems, assertAccessible, screenshot } from './lib/browser.mjs';
import { setUp } from './lib/setup.mjs';
import { serve } from './lib/server.mjs';
import { DIST_UNDER_CONSOLE } from './lib/dist.mjs';

// The pages whose first screen is the same for everyone (domain::console
// PAGE_HEADS); the lead as the app writes it.
const PAGES = [
  { path: '', heading: 'Home', current: 'Home' },
  { path: 'partners/find', heading: 'Find a partner', current: 'Find a partner' },
  { path: 'partners/requests', heading: 'Requests sent', current: 'Requests sent' },
  { path: 'partners/invitations', heading: 'Invitations', current: 'Invitations' },
  { path: 'activity', heading: 'Activity', current: 'Activity' },
  { path: 'settings/partner-relationships', heading: 'Partner relationships', current: 'Settings: Partner relationships' },
];

const app = setUp();

/** What a visitor sees of the frame and the page's top. */
function visible(page) {
  return page.evaluate(() => {
    const shown = (el) => el && el.getClientRects().length > 0;
    const texts = (selector) => [...document.querySelectorAll(selector)].filter(shown)
      .map((el) => el.textContent.replace(/\s+/g, ' ').trim());
    return {
      title: document.title,
      skipLink: texts('.skip-link'),
      product: texts('.app-header__product'),
      menu: texts('.app-header__menu'),
      nav: [...document.querySelectorAll('nav[aria-label="Main"] a')]
        .map((a) => [a.textContent.trim(), a.getAttribute('href'), a.getAttribute('aria-current')]),
      breadcrumbs: texts('main nav[aria-label="Breadcrumb"] li'),
      headings: texts('main h1'),
      lead: texts('main p.lead'),
    };
  });
}

/** A page whose wasm never arrives: what the served HTML alone shows. */
async function withoutWasm(path) {
  const page = await openPage(app.context);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(app.url + path);
  return page;
}

async function mounted(page) {
  await page.waitForFunction(() => !document.querySelector('[data-prerendered]')
    && document.querySelector('main h1'), null, { timeout: 20000 });
}

for (const p of PAGES) {
  test(`/${p.path}: the served page shows "${p.heading}" and the navigation before the wasm, as the app shows them`, async () => {
    const before = await withoutWasm(p.path);
    const frame = await visible(before);
    assert.deepEqual(frame.headings, [p.heading]);
    assert.equal(frame.title, `${p.heading} · Partner console`);
    assert.equal(frame.lead.length, 1);
    assert.equal(frame.nav.length, 10);
    assert.deepEqual(frame.nav.filter((n) => n[2] === 'page').map((n) => n[0]), [p.current]);
    await before.close();

    const page = await openPage(app.context);
    await page.goto(app.url + p.path);
    await mounted(page);
    const shown = await visible(page);
    assert.deepEqual(frame, shown, 'the frame and the app say the same');
    assertNoProblems(page);
    await page.close();
  });
}

test('a page the frame has no words for shows the frame and no heading until the app does', async () => {
  const page = await withoutWasm('billing');
  const frame = await visible(page);
  assert.deepEqual(frame.headings, []);
  assert.deepEqual(frame.lead, []);
  assert.deepEqual(frame.nav.filter((n) => n[2] === 'page').map((n) => n[0]), ['Billing']);
  assert.equal(await page.locator('[data-route]').count(), 0, 'no other page head is left in the page');
  await page.close();
});

test('under /console/ the frame keeps the page head asked for, and its links stay under the path', async () => {
  const server = await serve({ dist: DIST_UNDER_CONSOLE, prefix: '/console/' });
  // Closed whatever happens: an open server would keep this file running.
  try {
    const page = await openPage(app.context);
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(server.url + 'partners/invitations');
    const frame = await visible(page);
    assert.deepEqual(frame.headings, ['Invitations']);
    assert.deepEqual(frame.nav.filter((n) => n[2] === 'page').map((n) => n[0]), ['Invitations']);
    assert.ok(frame.nav.every(([, href]) => href.startsWith('/console/')), JSON.stringify(frame.nav));
    await page.close();
  } finally {
    await server.close();
  }
});

test('the app replaces the frame: one banner, one Main navigation, one main, no layout shift, focus kept', async () => {
  const page = await openPage(app.context);
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // The wasm waits until the keyboard is in the frame's navigation.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(app.url + 'partners/find');
  await page.locator('[data-prerendered]').first().waitFor();
  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab'); // Home
  await page.keyboard.press('Tab'); // Find a partner
  const focusedBefore = await page.evaluate(() => document.activeElement.textContent.trim());
  assert.equal(focusedBefore, 'Find a partner');
  release();
  await mounted(page);
  await page.getByTestId('result-count').filter({ hasText: /^5,000 partners$/ }).waitFor();

  const landmarks = await page.evaluate(() => ({
    banner: document.querySelectorAll('header').length,
    mainNav: document.querySelectorAll('nav[aria-label="Main"]').length,
    main: document.querySelectorAll('main').length,
    h1: [...document.querySelectorAll('h1')].filter((h) => h.getClientRects().length).length,
    focused: [document.activeElement.textContent.trim(), !!document.activeElement.closest('nav[aria-label="Main"]')],
  }));
  assert.deepEqual(landmarks, { banner: 1, mainNav: 1, main: 1, h1: 1, focused: ['Find a partner', true] });
  const shifts = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
  assert.ok(shifts < 0.01, `layout shift ${shifts}`);
  await assertAccessible(page, 'Find a partner after the frame');
  assertNoProblems(page);
  await page.close();
});

for (const width of [375, 820, 1280]) {
  test(`at ${width} px the page does not move when the app replaces the frame`, async () => {
    const page = await openPage(app.context);
    await page.setViewportSize({ width, height: 800 });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(app.url + 'partners/invitations');
    const where = () => page.evaluate(() => {
      const top = (selector) => Math.round(document.querySelector(selector).getBoundingClientRect().top);
      return { h1: top('main h1'), lead: top('main p.lead') };
    });
    await page.locator('[data-prerendered]').first().waitFor();
    const before = await where();
    release();
    await mounted(page);
    assert.deepEqual(await where(), before);
    await page.close();
  });
}

test('the frame is accessible and looks like the console at 375 px', async () => {
  const page = await withoutWasm('partners/invitations');
  await page.setViewportSize({ width: 375, height: 800 });
  await assertAccessible(page, 'the frame alone');
  await screenshot(page, 'firstload-frame-375');
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'firstload-frame-1280');
  await page.close();
});

test('while the directory is being built, the filters show no counts rather than zeros', async () => {
  const page = await openPage(app.context);
  await page.goto(`${app.url}partners/find?partners=100000`);
  const status = page.getByTestId('result-count');
  await status.filter({ hasText: 'Loading the partner directory' }).waitFor();
  const during = await page.evaluate(() => ({
    counts: [...document.querySelectorAll('.facet__count')].map((c) => c.textContent).filter(Boolean),
    zeros: [...document.querySelectorAll('#filter-country option')].filter((o) => /\(0\)$/.test(o.textContent)).length,
    loading: document.querySelector('[data-testid=result-count]').textContent,
  }));
  assert.match(during.loading, /^Loading the partner directory/, 'still loading when read');
  assert.deepEqual([during.counts, during.zeros], [[], 0]);
  await status.filter({ hasText: /^100,000 partners$/ }).waitFor({ timeout: 30000 });
  assert.ok(await page.locator('.facet__count').first().textContent() !== '');
  assertNoProblems(page);
  await page.close();
});

for (const [partners, limit] of [[5000, 50], [100000, 100]]) {
  const shown = partners.toLocaleString('en-US');
  test(`Find a partner builds ${shown} partners without a task over ${limit} ms`, async () => {
    const page = await openPage(app.context);
    await page.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${app.url}partners/find?partners=${partners}`);
    await page.getByTestId('result-count').filter({ hasText: new RegExp(`^${shown} partners$`) })
      .waitFor({ timeout: 30000 });
    const { build, tasks } = await page.evaluate(() => {
      const m = performance.getEntriesByName('directory-build', 'measure').at(-1);
      return { build: m && [m.startTime, m.duration], tasks: window.__long };
    });
    assert.ok(build, 'the page measured its directory build');
    const [start, duration] = build;
    // Tasks that ran while the directory was being built, in part or whole.
    const during = tasks.filter(([t, d]) => t < start + duration && t + d > start);
    const longest = Math.max(0, ...during.map(([, d]) => d));
    assert.ok(longest <= limit, `a ${Math.round(longest)} ms task while the directory was built (${Math.round(duration)} ms in all): ${JSON.stringify(during)}`);
    assertNoProblems(page);
    await page.close();
  });
}
