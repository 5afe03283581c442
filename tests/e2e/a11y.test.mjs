// Accessibility beyond the happy path: axe-core (WCAG 2 A/AA, colour
// contrast included) on every route in the light and the dark theme, on
// every dialog, error state and empty state; no motion when reduced motion
// is asked for; a visible focus indicator on everything Tab reaches; every
// route usable at 375 px and at 200 % zoom; and Find a partner → contact
// form → Send with the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import {
  launch, openPage, waitForApp, assertNoProblems, assertAccessible, screenshot,
} from './lib/browser.mjs';
import { exportData, freshPage, tabTo, focusedText, heading } from './lib/flows.mjs';
import { setUp } from './lib/setup.mjs';
import { standInPage, ADMIN_SESSION } from './lib/signin.mjs';

/** Every route, with the heading it shows on the demo data. */
const ROUTES = [
  { path: '', heading: 'Home', shot: 'home' },
  { path: 'partners/find', heading: 'Find a partner', shot: 'find-a-partner' },
  { path: 'partners/contact?partners=p-000001,p-000002', heading: 'Contact partners', shot: 'contact' },
  { path: 'partners/requests', heading: 'Requests sent', shot: 'requests-sent' },
  { path: 'partners/invitations', heading: 'Invitations', shot: 'invitations' },
  { path: 'partners/invitation/inv-granular-helpdesk', heading: 'Accept agreement & authorize partner', shot: 'invitation-accept' },
  { path: 'partners/agreement/wide-world-tech', heading: 'Review and accept the Microsoft Customer Agreement', shot: 'agreement' },
  { path: 'settings/partner-relationships', heading: 'Partner relationships', shot: 'partner-relationships' },
  { path: 'settings/partner-relationships/fabrikam-it', heading: 'Fabrikam IT Services', shot: 'partner-fabrikam' },
  { path: 'settings/access-review', heading: 'Review partner access', shot: 'access-review' },
  { path: 'settings/data', heading: 'Data', shot: 'data' },
  { path: 'billing', heading: 'Billing', shot: 'billing' },
  { path: 'billing/bills-and-payments', heading: 'Bills & payments', shot: 'billing-bills' },
  { path: 'activity', heading: 'Activity', shot: 'activity' },
  { path: 'demo/partner-simulator', heading: 'Partner simulator', shot: 'partner-simulator' },
  { path: 'no/such/page', heading: 'Page not found', shot: 'not-found' },
];

const app = setUp();

const fresh = (context, path, persona) => freshPage(context, app.url, path, persona);

async function goto(page, path) {
  await page.goto(app.url + path);
  await waitForApp(page);
}

// Reads the heading as it is; flows.mjs's heading() waits for a given one.
const h1 = (page) => page.locator('main h1').first().innerText();

for (const colorScheme of ['light', 'dark']) {
  test(`every route passes axe in the ${colorScheme} theme`, async () => {
    const page = await fresh(app.context);
    await page.emulateMedia({ colorScheme });
    for (const route of ROUTES) {
      await goto(page, route.path);
      assert.equal(await h1(page), route.heading, `/${route.path}`);
      await assertAccessible(page, `/${route.path} (${colorScheme})`);
      if (colorScheme === 'dark') await screenshot(page, `dark-${route.shot}`);
    }
    // The theme really switched: the page background follows the tokens.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, colorScheme === 'dark' ? 'rgb(27, 27, 27)' : 'rgb(245, 245, 245)');
    assertNoProblems(page);
    await page.close();
  });
}

test('the stylesheets take every colour from the tokens', async () => {
  // Literal colours outside tokens.css would not follow the dark theme.
  const dir = new URL('../../style/', import.meta.url);
  const offenders = [];
  for (const name of await fs.readdir(dir)) {
    if (!name.endsWith('.css') || name === 'tokens.css') continue;
    const css = await fs.readFile(new URL(name, dir), 'utf8');
    css.split('\n').forEach((line, i) => {
      // Allowed: the dialog backdrop's shade and the white logo drawn on
      // the header, which is dark in both themes.
      if (/::backdrop|app-header__logo|linear-gradient\(135deg, #ffffff/.test(line)) return;
      if (/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i.test(line.replace(/\/\*.*?\*\//g, ''))) offenders.push(`${name}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, []);
});

/** Dialogs, error states and empty states: how to reach each, and what shows it. */
const STATES = [
  // Dialogs.
  { name: 'Remove roles? dialog', path: 'settings/partner-relationships/fabrikam-it',
    show: async (page) => { await page.getByRole('button', { name: 'Remove roles' }).click(); return page.getByRole('dialog', { name: 'Remove roles?' }); } },
  { name: 'Reset to demo data? dialog', path: 'settings/data',
    show: async (page) => { await page.getByRole('button', { name: 'Reset to demo data' }).click(); return page.getByRole('dialog', { name: 'Reset to demo data?' }); } },
  { name: 'Cancel this invitation? dialog', path: 'partners/invitation/inv-delegated-admin',
    show: async (page) => { await page.getByRole('button', { name: 'Cancel invitation' }).click(); return page.getByRole('dialog', { name: 'Cancel this invitation?' }); } },
  { name: 'Microsoft Customer Agreement dialog', path: 'partners/invitation/inv-granular-helpdesk',
    show: async (page) => { await page.getByRole('button', { name: 'Microsoft Customer Agreement' }).click(); return page.getByRole('dialog', { name: 'Microsoft Customer Agreement' }); } },
  { name: 'partner details dialog', path: 'partners/find',
    show: async (page) => { await page.locator('.vlist__row').first().getByRole('button', { name: /^Details/ }).click(); return page.getByRole('dialog'); } },
  // Error states.
  { name: 'contact form submitted empty', path: 'partners/contact?partners=p-000001',
    show: async (page) => { await page.getByRole('button', { name: 'Send' }).click(); return page.getByRole('alert').filter({ hasText: 'problem' }); } },
  { name: 'import of a bad file', path: 'settings/data',
    show: async (page) => {
      await page.getByLabel('JSON file to import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 2, "state": 7}') });
      return page.getByRole('alert').filter({ hasText: 'Nothing was changed' });
    } },
  { name: 'simulator refusing a duration', path: 'demo/partner-simulator',
    show: async (page) => {
      await page.getByLabel(/GDAP relationship/).check();
      await page.getByLabel('Duration').fill('P3Y');
      await page.getByLabel('Exchange Administrator').check();
      await page.getByRole('button', { name: 'Send invitation' }).click();
      return page.locator('#sim-duration[aria-invalid=true]');
    } },
  { name: 'unknown invitation id', path: 'partners/invitation/inv-nobody-sent-this',
    show: async (page) => page.getByRole('heading', { level: 1, name: 'Invitation not found' }) },
  { name: 'broken invitation link', path: 'partners/invitation/inv%20broken%3F',
    show: async (page) => page.getByRole('heading', { level: 1, name: 'This invitation link is broken' }) },
  { name: 'expired invitation', path: 'partners/invitation/inv-expired',
    show: async (page) => page.getByRole('heading', { level: 1, name: 'This invitation has expired' }) },
  { name: 'unknown partner page', path: 'settings/partner-relationships/no-such-partner',
    show: async (page) => page.getByText("There's no partner with the id") },
  { name: 'not-found page', path: 'no/such/page',
    show: async (page) => page.getByRole('heading', { level: 1, name: 'Page not found' }) },
  { name: 'malformed Find a partner link', path: 'partners/find?industry=xyz&colour=blue&partners=lots',
    show: async (page) => page.getByTestId('query-notices') },
  { name: 'read-only persona on a partner page', path: 'settings/partner-relationships/fabrikam-it', persona: 'user',
    show: async (page) => page.getByTestId('permission-notice') },
  // Empty states.
  { name: 'Activity filtered to nothing', path: 'activity?partner=nobody',
    show: async (page) => page.getByText('No activity matches these filters.') },
  { name: 'Partner relationships filtered to nothing', path: 'settings/partner-relationships?q=zzz-nobody',
    show: async (page) => page.getByText('No partners match these filters.') },
  { name: 'Find a partner with no results', path: 'partners/find?q=zzzqqqxxx',
    show: async (page) => page.locator('.directory__empty') },
  { name: 'Requests sent with none', path: 'partners/requests', empty: true,
    show: async (page) => page.locator('.directory__empty') },
  { name: 'invitations inbox with none', path: 'partners/invitations', empty: true,
    show: async (page) => page.getByText('No invitations are waiting.') },
];

/** The demo data without invitations or contact requests, as an export file. */
async function emptyExport(page) {
  await goto(page, 'settings/data');
  const exported = await exportData(page);
  const state = exported.state;
  state.invitations = [];
  state.contactRequests = [];
  for (const r of state.relationships) r.invitationId = null;
  return Buffer.from(JSON.stringify({ ...exported, state }));
}

test('every dialog, error state and empty state passes axe, light and dark', async () => {
  const page = await fresh(app.context);
  let empty = null;
  for (const state of STATES) {
    await page.evaluate((p) => localStorage.setItem('partner-console.persona', p), state.persona ?? 'global-admin');
    if (state.empty) {
      empty ??= await emptyExport(page);
      await goto(page, 'settings/data');
      await page.getByLabel('JSON file to import').setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: empty });
      await page.getByText('Imported “empty.json”').waitFor();
    }
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await goto(page, state.path);
      const shown = await state.show(page);
      await shown.first().waitFor();
      await assertAccessible(page, `${state.name} (${colorScheme})`);
      if (colorScheme === 'dark') await screenshot(page, `dark-state-${state.name.toLowerCase().replace(/[^a-z]+/g, '-')}`);
    }
    if (state.empty) {
      await page.evaluate(() => {
        localStorage.removeItem('partner-console.state');
        localStorage.removeItem('partner-console.revision');
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  assertNoProblems(page);
  await page.close();
});

/** Every animation and transition duration of `selector`'s elements, in seconds. */
async function motion(page, selector) {
  return page.evaluate((s) => [...document.querySelectorAll(s)].map((el) => {
    const style = getComputedStyle(el);
    const seconds = (list) => list.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1));
    return {
      animation: style.animationName === 'none' ? 0 : Math.max(...seconds(style.animationDuration)),
      transition: Math.max(...seconds(style.transitionDuration)),
    };
  }), selector);
}

const moves = (list) => list.some((m) => m.animation > 0 || m.transition > 0);

test('reduced motion: the dialog, the toast and hover effects stand still', async () => {
  const page = await fresh(app.context, 'settings/data');
  const exportButton = page.getByRole('button', { name: 'Export data' });
  const check = async (reduced) => {
    await page.emulateMedia({ reducedMotion: reduced ? 'reduce' : 'no-preference' });
    await page.getByRole('button', { name: 'Reset to demo data' }).click();
    await page.getByRole('dialog', { name: 'Reset to demo data?' }).waitFor();
    const dialog = await motion(page, 'dialog[open]');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    await page.locator('.toast').first().waitFor();
    const toast = await motion(page, '.toast');
    const controls = await motion(page, '.button, .app-nav__link, .demo-clock__step, .toast__close');
    const everything = await motion(page, '*');
    const scroll = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
    await page.locator('.toast__close').first().click();
    return { dialog, toast, controls, everything, scroll };
  };
  // Without the preference they move (so the check below means something).
  const normal = await check(false);
  assert.ok(moves(normal.dialog), 'the dialog animates');
  assert.ok(moves(normal.toast), 'the toast animates');
  assert.ok(moves(normal.controls), 'buttons and links transition');
  const reduced = await check(true);
  assert.equal(reduced.dialog.length, 1);
  assert.ok(!moves(reduced.dialog), 'the dialog stands still');
  assert.ok(reduced.toast.length >= 1 && !moves(reduced.toast), 'the toast stands still');
  assert.ok(!moves(reduced.controls), 'no transitions on controls');
  assert.ok(!moves(reduced.everything), 'nothing in the page moves');
  assert.equal(reduced.scroll, 'auto');
  assertNoProblems(page);
  await page.close();
});

test('every element Tab reaches on every route shows a visible focus indicator', async () => {
  const page = await fresh(app.context);
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    for (const route of ROUTES) {
      await goto(page, route.path);
      await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
      const missing = [];
      let reached = 0;
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
          const ring = style.boxShadow !== 'none';
          const box = el.getBoundingClientRect();
          return {
            what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`,
            visible: (outline || ring) && box.width > 0 && box.height > 0,
          };
        });
        if (focus === null) break;
        reached += 1;
        if (!focus.visible) missing.push(focus.what);
      }
      assert.ok(reached >= 3, `Tab reaches at least the skip link and the navigation on /${route.path}`);
      assert.deepEqual(missing, [], `focus without a visible indicator on /${route.path} (${colorScheme})`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  assertNoProblems(page);
  await page.close();
});

const NARROW = [
  { label: '375 px', options: { viewport: { width: 375, height: 812 } }, shot: 'narrow' },
  // 200 % zoom of a 1280 × 800 window: half as many CSS pixels, each twice as big.
  { label: '200 % zoom', options: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }, shot: 'zoom' },
];

for (const { label, options, shot } of NARROW) {
  test(`every route is usable at ${label}: no sideways scroll, heading and navigation reachable, axe clean`, async () => {
    const small = await launch(options);
    try {
      const page = await fresh(small.context);
      const menu = page.getByRole('button', { name: 'Menu' });
      const navShown = () => page.evaluate(() => {
        const nav = document.querySelector('nav[aria-label="Main"]');
        return !!nav && getComputedStyle(nav).display !== 'none';
      });
      for (const [index, route] of ROUTES.entries()) {
        await goto(page, route.path);
        // The navigation folds behind Menu, so the page starts on the first screen.
        assert.equal(await menu.getAttribute('aria-expanded'), 'false', `Menu is closed on /${route.path}`);
        assert.equal(await navShown(), false, `the navigation is folded on /${route.path}`);
        await assertAccessible(page, `/${route.path} at ${label}`);
        await screenshot(page, `${shot}-${route.shot}`);

        await menu.click();
        const layout = await page.evaluate(() => {
          const inside = (el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.left >= -1 && r.right <= window.innerWidth + 1;
          };
          const nav = document.querySelector('nav[aria-label="Main"]');
          return {
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            heading: inside(document.querySelector('main h1')),
            links: [...(nav?.querySelectorAll('a') ?? [])].map((a) => [a.textContent.trim(), inside(a)]),
            // Directory rows have a fixed height: their content must fit it.
            cutRows: [...document.querySelectorAll('.partner-row')]
              .filter((row) => row.scrollHeight > row.clientHeight + 1)
              .map((row) => row.querySelector('h3')?.textContent),
            // Tables become a card per row: none scrolls sideways in its box.
            wideTables: [...document.querySelectorAll('main table')]
              .filter((table) => table.parentElement.scrollWidth > table.parentElement.clientWidth + 1)
              .map((table) => table.getAttribute('aria-label') ?? table.querySelector('caption, th')?.textContent),
          };
        });
        assert.equal(await menu.getAttribute('aria-expanded'), 'true', `Menu opens on /${route.path}`);
        assert.ok(layout.scrollWidth <= layout.innerWidth + 1, `/${route.path} scrolls sideways: ${layout.scrollWidth} > ${layout.innerWidth}`);
        assert.ok(layout.heading, `the heading of /${route.path} is within the width`);
        assert.ok(await navShown() && layout.links.length >= 9, `Menu shows the navigation on /${route.path}`);
        assert.deepEqual(layout.links.filter(([, ok]) => !ok), [], `every navigation link is within the width on /${route.path}`);
        assert.deepEqual(layout.cutRows, [], `every result row fits its height on /${route.path}`);
        assert.deepEqual(layout.wideTables, [], `no table scrolls sideways on /${route.path}`);
        if (index === 0) {
          await assertAccessible(page, `the open menu at ${label}`);
          await screenshot(page, `${shot}-menu-open`);
        }
        // Esc folds it again and leaves focus on Menu.
        await page.keyboard.press('Escape');
        assert.equal(await menu.getAttribute('aria-expanded'), 'false', `Esc closes Menu on /${route.path}`);
        assert.equal(await focusedText(page), 'Menu');
      }
      // Choosing a page from the menu goes there and folds the menu.
      await menu.click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find a partner' }).click();
      await heading(page, 'Find a partner');
      assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'a chosen page closes Menu');
      assert.equal(await navShown(), false);
      // Focus moves to the new page's heading, not left on a hidden link.
      assert.equal(await page.evaluate(() => document.activeElement?.matches('main h1')), true);
      assert.equal(await focusedText(page), 'Find a partner');
      assertNoProblems(page);
      await page.close();
    } finally {
      await small.close();
    }
  });
}

test('Find a partner → contact form → Send, with the keyboard alone', async () => {
  const page = await fresh(app.context, 'partners/find');
  await tabTo(page, '#filter-keywords');
  await page.keyboard.type('cloud');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'cloud');
  await tabTo(page, '.vlist__row input[type=checkbox]');
  const name = (await page.evaluate(() => document.activeElement.getAttribute('aria-label'))).replace(/^Select /, '');
  await page.keyboard.press('Space');
  // "Contact selected providers" sits above the list: back up to it.
  await tabTo(page, 'a.button--primary', { back: true });
  assert.equal(await focusedText(page), 'Contact selected providers (1)');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Contact partners' }).waitFor();
  assert.ok((await page.getByTestId('contact-recipients').innerText()).includes(name));

  // Each field in turn; a select takes the first letters of its option.
  const fields = [
    ['#contact-country', 'Germany'],
    ['#contact-city', 'Berlin'],
    ['#contact-first-name', 'Avery'],
    ['#contact-last-name', 'Howard'],
    ['#contact-email', 'avery@contoso.example'],
    ['#contact-organization-size', '50'],
    ['#contact-organization-name', 'Contoso Ltd'],
    ['#contact-industry', 'Health'],
    ['#contact-business-needs', 'Move our clinics to Microsoft 365.'],
  ];
  for (const [selector, typed] of fields) {
    await tabTo(page, selector);
    await page.keyboard.type(typed);
  }
  assert.equal(await page.locator('#contact-country').inputValue(), 'Germany');
  assert.equal(await page.locator('#contact-organization-size').inputValue(), '50-249 employees');
  assert.equal(await page.locator('#contact-industry').inputValue(), 'Healthcare');
  await tabTo(page, 'button[type=submit]');
  // Reached through "Contact selected providers": the seeds' "Send".
  assert.equal(await focusedText(page), 'Send');
  await page.keyboard.press('Enter');
  const confirmation = page.getByTestId('confirmation');
  await confirmation.waitFor();
  assert.match(await confirmation.innerText(), /sent your business needs to 1 partner/);
  await tabTo(page, 'a[href$="/partners/requests"]');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Requests sent' }).waitFor();
  assert.ok((await page.getByTestId('requests-table').innerText()).includes(name));
  assertNoProblems(page);
  await page.close();
});

// Sign-in mode (a server that signs people in: issue 17), with the
// server's answers stood in for, so these checks need no identity
// provider: the pages someone sees before signing in, and the header
// once they are signed in. tests/e2e/signin.test.mjs runs the real thing.
const signInModePage = (context, session) => standInPage(context, app.url, session);

const noSidewaysScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

for (const { label, options, shot } of [{ label: '1280 px', options: {}, shot: 'wide' }, ...NARROW]) {
  test(`sign-in mode at ${label}: the sign-in, sign-in problem and signed-out pages and the signed-in header pass axe, light and dark`, async () => {
    const browser = await launch(options);
    try {
      for (const colorScheme of ['light', 'dark']) {
        const out = await signInModePage(browser.context, null);
        await out.emulateMedia({ colorScheme });
        // Any page asked for shows the sign-in page, and Sign in comes back to it.
        await goto(out, 'partners/invitations');
        assert.equal(await h1(out), 'Sign in to the partner console');
        assert.equal(await out.evaluate(() => document.activeElement?.matches('main h1')), true, 'focus is on the heading');
        assert.equal(await out.getByRole('link', { name: 'Sign in' }).getAttribute('href'), '/auth/sign-in?returnTo=/partners/invitations');
        assert.equal(await out.getByRole('navigation', { name: 'Main' }).count(), 0, 'no navigation to pages that need data');
        assert.equal(await out.getByLabel('Switch persona').count(), 0, 'no persona picker');
        assert.ok(await noSidewaysScroll(out), 'the sign-in page fits');
        await assertAccessible(out, `the sign-in page (${colorScheme}, ${label})`);
        await screenshot(out, `signin-${shot}-${colorScheme}-sign-in`);

        await goto(out, 'sign-in?problem=provider-unreachable&returnTo=%2Fpartners%2Fcontact%3Fpartners%3Dp-000001');
        assert.equal(await h1(out), "Sign-in didn't work");
        assert.match(await out.getByRole('alert').innerText(), /sign-in service could not be reached, so you are not signed in/);
        assert.equal(await out.getByRole('link', { name: 'Try again' }).getAttribute('href'), '/auth/sign-in?returnTo=/partners/contact%3Fpartners%3Dp-000001');
        assert.ok(await noSidewaysScroll(out), 'the sign-in problem page fits');
        await assertAccessible(out, `the sign-in problem page (${colorScheme}, ${label})`);
        await screenshot(out, `signin-${shot}-${colorScheme}-problem`);

        await goto(out, 'signed-out');
        assert.equal(await h1(out), "You're signed out");
        assert.equal(await out.getByRole('link', { name: 'Sign in' }).getAttribute('href'), '/auth/sign-in?returnTo=/');
        await assertAccessible(out, `the signed-out page (${colorScheme}, ${label})`);
        await screenshot(out, `signin-${shot}-${colorScheme}-signed-out`);
        assertNoProblems(out, ['status of 401']);
        await out.close();

        const page = await signInModePage(browser.context, ADMIN_SESSION);
        await page.emulateMedia({ colorScheme });
        await goto(page, 'settings/partner-relationships');
        assert.equal(await h1(page), 'Partner relationships');
        assert.equal(await page.getByTestId('account-name').innerText(), 'Avery Howard');
        assert.match(await page.getByTestId('account-role').innerText(), /Global Administrator/);
        assert.equal(await page.getByTestId('organization').innerText(), 'Adatum Corporation');
        assert.equal(await page.getByLabel('Switch persona').count(), 0, 'the persona is the session\'s');
        assert.equal(await page.getByTestId('demo-date').count(), 0, 'no demo clock');
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        assert.ok(await noSidewaysScroll(page), 'the signed-in header fits');
        await assertAccessible(page, `the signed-in header (${colorScheme}, ${label})`);
        await screenshot(page, `signin-${shot}-${colorScheme}-signed-in`);
        assertNoProblems(page);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
}
