// Script injection: every payload of lib/payloads.mjs goes through every
// place text enters the console — the forms, the URL query and path of
// every page that reads one, an imported state file, and invitations sent
// by the partner simulator — and must come out as text, never as markup.
//
// The browser runs with the page's Content-Security-Policy bypassed, so an
// injection would really run and call its sink (`__xss(N)` or `alert(N)`)
// instead of being stopped by the CSP: the rendering itself must be safe.
// Besides the sinks, the DOM is scanned for any element or attribute the
// app never renders (an inline handler, a javascript:/data: link, <iframe>,
// <img>, ...), which catches markup that was parsed but could not run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForApp, assertNoProblems } from './lib/browser.mjs';
import { exportData, freshPage } from './lib/flows.mjs';
import { setUp } from './lib/setup.mjs';
import { PAYLOADS, fitting, installSinks, injectedMarkup } from './lib/payloads.mjs';

let hits;
const app = setUp({
  launchOptions: { bypassCSP: true },
  prepare: async ({ context }) => { hits = await installSinks(context); },
});

/** No sink was called, no markup was injected, nothing was logged. */
async function assertClean(page, where) {
  assert.deepEqual(hits, [], `a payload ran on ${where}`);
  assert.deepEqual(await injectedMarkup(page), [], `markup was injected on ${where}`);
  assertNoProblems(page);
}

/** A page on fresh demo data, signed in as a Global Administrator. */
const fresh = (path) => freshPage(app.context, app.url, path);

/**
 * Navigates inside the running app (pushState + popstate, as the router's
 * own links do), so hundreds of URLs need no page loads. Resolves once the
 * view has rendered (two animation frames) with what the page then shows.
 */
async function softGo(page, path) {
  return page.evaluate((url) => {
    history.pushState(null, '', url);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    return new Promise((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({
        h1: document.querySelector('main h1')?.textContent ?? '',
        main: document.querySelector('main')?.textContent ?? '',
        search: document.querySelector('main input[type=search]')?.value,
      })));
    });
  }, new URL(path, app.url).href);
}

// Reads the heading at once; flows.mjs's heading() waits for a given one.
const h1 = (page) => page.evaluate(() => document.querySelector('main h1')?.textContent ?? '');
const text = (page, selector = 'main') => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
const inputValue = (page, selector) => page.evaluate((s) => document.querySelector(s)?.value, selector);

/** What an `<input>` keeps of a payload: browsers drop CR and LF. */
const asInput = (s) => s.replace(/[\r\n]/g, '');
/** How the domain echoes a value in a notice: 40 characters, controls replaced. */
// eslint-disable-next-line no-control-regex
const shortened = (s) => [...s].slice(0, 40).join('').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');

test('the corpus is large enough and the sinks see an injection', async () => {
  assert.ok(PAYLOADS.length >= 50, `${PAYLOADS.length} payloads`);
  assert.ok(PAYLOADS.some((p) => p.text.length >= 10000), 'a very long payload');
  // A positive control: markup put in the page on purpose is caught (the
  // sink, the DOM scan, the alert), so their silence elsewhere means something.
  const page = await fresh();
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<img src=x onerror="__xss(-1)">';
    document.querySelector('main').append(div);
  });
  await assert.doesNotReject(waitFor(() => hits.includes('__xss(-1)')));
  assert.deepEqual(await injectedMarkup(page), ['<img>', 'img[onerror]']);
  await page.evaluate(() => setTimeout(() => alert('control'), 0));
  await assert.doesNotReject(waitFor(() => hits.includes('alert(control)')));
  hits.length = 0;
  await page.close();
});

async function waitFor(check, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('timed out');
}

test('the search boxes: every payload typed stays text, in the box and in the URL', async () => {
  const page = await fresh('partners/find');
  for (const [path, label] of [['partners/find', 'Keywords'], ['settings/partner-relationships', 'Search']]) {
    await softGo(page, path);
    const box = page.getByLabel(label, { exact: true });
    for (const p of PAYLOADS) {
      await box.fill(p.text);
      const value = await box.inputValue();
      // Keywords stop at 200 characters (maxlength); nothing else changes.
      assert.ok(asInput(p.text).startsWith(value) && value.length > 0, `${label} keeps payload ${p.id}`);
      await page.waitForFunction((v) => new URL(location.href).searchParams.get('q') === v, value);
    }
    await box.fill('');
    await assertClean(page, `${path} (${label})`);
  }
  await page.close();
});

test('the URL query and path of every page show payloads as text', async (t) => {
  const page = await fresh('partners/find');
  // The first payload of each route by a real page load, the rest in-app.
  const go = async (path, first) => {
    if (!first) return softGo(page, path);
    await page.goto(app.url + path);
    await waitForApp(page);
    return softGo(page, path);
  };
  const routes = [
    ['Find a partner', (e) => `partners/find?q=${e}&industry=${e}&sort=${e}&${e}=1`, (p, shown) => {
      // Values are split at commas; one without one is echoed in a notice.
      if (!p.text.includes(',') && p.text.trim()) {
        assert.ok(shown.main.includes(shortened(p.text.trim())), `a notice echoes payload ${p.id}`);
      }
      assert.equal(shown.search, [...p.text].slice(0, 200).join('').replace(/[\r\n]/g, ''), `the keywords keep payload ${p.id}`);
    }],
    ['Contact partners', (e) => `partners/contact?partners=${e}`, (p, shown) => {
      // Ids are split at commas; one without one is echoed, decoded once.
      if (!p.text.includes(',') && p.text.trim()) {
        assert.ok(shown.main.includes([...p.text.trim()].slice(0, 40).join('')), `a notice echoes payload ${p.id}`);
      }
    }],
    ['Partner relationships', (e) => `settings/partner-relationships?q=${e}&type=${e}&roles=${e}&status=${e}&agreement=${e}&sort=${e}&dir=${e}&highlight=${e}`, (p, shown) => {
      assert.equal(shown.search, asInput(p.text), `the search box keeps payload ${p.id}`);
    }],
    ['Activity', (e) => `activity?partner=${e}&action=${e}`, (p, shown) => {
      assert.match(shown.main, /No activity matches these filters/);
    }],
    ['Invitation', (e) => `partners/invitation/${e}`, (p, shown) => {
      assert.match(shown.h1, /^(Invitation not found|This invitation link is broken)$/);
    }],
    ['Agreement', (e) => `partners/agreement/${e}`, (p, shown) => {
      assert.equal(shown.h1, 'Partner not found');
    }],
    ['Partner page', (e) => `settings/partner-relationships/${e}`, (p, shown) => {
      assert.match(shown.main, /There's no partner with the id/);
      // Decoded exactly once: a payload with "%3C" in it shows "%3C".
      assert.ok(shown.main.includes(p.text), `the partner page echoes payload ${p.id}`);
    }],
    ['Billing', (e) => `billing/${e}`, (p, shown) => {
      assert.ok(shown.main.length > 0);
    }],
  ];
  for (const [name, url, check] of routes) {
    const started = Date.now();
    for (const p of PAYLOADS) {
      const shown = await go(url(encodeURIComponent(p.text)), p === PAYLOADS[0]);
      assert.ok(shown.h1.length > 0, `${name} renders a heading for payload ${p.id}`);
      check(p, shown);
    }
    await assertClean(page, `${name} (URL)`);
    t.diagnostic(`${name}: ${PAYLOADS.length} URLs in ${Date.now() - started} ms`);
  }
  await page.close();
});

test('the contact form sends payloads as text; Requests sent shows them literally', async () => {
  const contact = 'partners/contact?partners=p-000001';
  const page = await fresh(contact);
  const fill = async ({ city, first, last, organization, needs }) => {
    await page.getByLabel('Country/region').selectOption({ label: 'Germany' });
    await page.getByLabel('City').fill(city);
    await page.getByLabel('First name').fill(first);
    await page.getByLabel('Last name').fill(last);
    await page.getByLabel('Email').fill('avery@contoso.example');
    await page.getByLabel('Organization size').selectOption({ label: '50-249 employees' });
    await page.getByLabel('Organization name').fill(organization);
    await page.getByLabel('Industry focus').selectOption({ label: 'Healthcare' });
    await page.getByLabel('Business needs').fill(needs);
    await page.getByRole('button', { name: 'Send' }).click();
  };

  // Payloads the form accepts: four at a time, one per text field, and all
  // four together as the business needs.
  const accepted = fitting(100).filter((p) => p.text.trim());
  const names = [];
  for (let i = 0; i < accepted.length; i += 4) {
    const [a, b = a, c = a, d = a] = accepted.slice(i, i + 4);
    if (i > 0) {
      // Away and back: the confirmation gives way to an empty form.
      await softGo(page, 'partners/requests');
      await softGo(page, contact);
      await page.getByLabel('First name').waitFor();
    }
    await fill({ city: a.text, first: b.text, last: c.text, organization: d.text, needs: [a, b, c, d].map((p) => p.text).join('\n') });
    await page.getByTestId('confirmation').waitFor();
    names.push(b, c);
  }
  await softGo(page, 'partners/requests');
  const table = await text(page, '[data-testid=requests-table]');
  for (const p of names) assert.ok(table.includes(p.text.trim()), `Requests sent shows payload ${p.id} literally`);
  await assertClean(page, 'Requests sent');

  // Payloads the form refuses (too long, control characters): an error
  // summary, and every field keeps exactly what was typed.
  await softGo(page, contact);
  await page.getByLabel('First name').waitFor();
  const refused = PAYLOADS.filter((p) => !accepted.includes(p));
  assert.ok(refused.length >= 3, `${refused.length} refused payloads`);
  for (const p of refused) {
    await fill({ city: p.text, first: p.text, last: 'Howard', organization: p.text, needs: p.text });
    await page.getByRole('alert').filter({ hasText: 'problem' }).waitFor();
    assert.equal(await page.getByLabel('First name').inputValue(), asInput(p.text), `first name keeps payload ${p.id}`);
    assert.equal(await page.getByLabel('Business needs').inputValue(), p.text, `business needs keep payload ${p.id}`);
  }
  await assertClean(page, 'the contact form with refused payloads');
  await page.evaluate(() => localStorage.removeItem('partner-console.contact-draft'));
  await page.close();
});

test('the partner simulator: payload names in the inbox and on the accept page', async () => {
  const page = await fresh('demo/partner-simulator');
  await page.getByLabel('A new partner').check();
  await page.getByLabel(/GDAP relationship/).check();
  await page.getByLabel('Exchange Administrator').check();
  // The domain takes a partner name of 1 to 200 characters without control
  // characters; longer ones and ones with control characters are refused.
  const names = fitting(200).filter((p) => p.text.trim());
  const relationshipNames = fitting(50).filter((p) => p.text.trim());
  const issued = [];
  let previous = null;
  for (const [i, p] of names.entries()) {
    const relationship = relationshipNames[i % relationshipNames.length];
    await page.getByLabel('Partner name').fill(p.text);
    await page.getByLabel('Partner email (optional)').fill(p.text);
    await page.getByLabel('Relationship name').fill(relationship.text);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const link = page.getByTestId('issued').getByRole('link', { name: 'Open the invitation' });
    await page.waitForFunction((prev) => {
      const a = [...document.querySelectorAll('[data-testid=issued] a')].find((e) => e.textContent === 'Open the invitation');
      return a && a.getAttribute('href') !== prev;
    }, previous);
    previous = await link.getAttribute('href');
    assert.ok((await text(page, '[data-testid=issued]')).includes(p.text.trim()), `the notice names payload ${p.id}`);
    issued.push({ path: previous.replace(/^\//, ''), name: p, relationship });
  }

  // Too long or with control characters: refused next to the field, kept.
  for (const p of PAYLOADS.filter((x) => !names.includes(x))) {
    await page.getByLabel('Partner name').fill(p.text);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.locator('#sim-new-name[aria-invalid=true]').waitFor();
    assert.equal(await page.getByLabel('Partner name').inputValue(), asInput(p.text));
  }
  await assertClean(page, 'the partner simulator');

  await softGo(page, 'partners/invitations');
  const inbox = await text(page, '#inbox-pending');
  for (const { name } of issued) assert.ok(inbox.includes(name.text.trim()), `the inbox shows payload ${name.id}`);
  await assertClean(page, 'the invitations inbox');

  for (const { path, name, relationship } of issued) {
    await softGo(page, path);
    assert.equal(await h1(page), 'Accept agreement & authorize partner');
    assert.ok((await text(page, '[data-testid=partner-name]')).includes(name.text.trim()), `accept page names payload ${name.id}`);
    assert.ok((await text(page)).includes(relationship.text.trim()), `accept page shows relationship name ${relationship.id}`);
  }
  await assertClean(page, 'the accept pages');
  await page.close();
});

/** Every URL-like payload: a website built from one must never be a link. */
const HOSTILE_URL = /^\s*(j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|data|vbscript)\s*:/i;
/** The SafeLink allow-list, as the app applies it. */
function linkable(raw) {
  const t = raw.trim();
  const lower = t.toLowerCase();
  // eslint-disable-next-line no-control-regex
  const clean = !/[\s\u0000-\u001f\u007f-\u009f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(t);
  return clean && ['https://', 'http://', 'mailto:'].some((s) => lower.startsWith(s) && lower.length > s.length);
}

/** The demo state with a payload in every text field of every kind of record. */
function poisoned(state) {
  const partner = state.partners.find((p) => p.id === 'contoso-cloud');
  const invitation = state.invitations.find((i) => i.id === 'inv-reseller');
  const request = state.contactRequests[0];
  const relationship = state.relationships[0];
  const notice = state.notices[0];
  const out = structuredClone(state);
  // Ids that are payloads too, where an id may be any text.
  const hostileIds = fitting(60).filter((p) => p.text.trim() && !p.text.includes('%')).slice(0, 12);
  for (const p of PAYLOADS) {
    const id = `xss-${p.id}`;
    out.partners.push({
      ...structuredClone(partner), id, name: p.text, website: p.text, contactEmail: p.text,
      city: p.text, country: p.text, mpnId: p.text, contactPhone: p.text,
      industries: [p.text], products: [p.text], services: [p.text], designations: [p.text], organizationSizes: [p.text],
    });
    out.invitations.push({ ...structuredClone(invitation), id: `inv-${id}`, partnerId: id });
    out.contactRequests.push({ ...structuredClone(request), id: `cr-${id}`, partnerIds: [p.text] });
    out.activity.push({ at: state.now, persona: 'globalAdministrator', action: p.text, partnerId: id, partnerName: p.text, outcome: p.text });
    out.relationships.push({ ...structuredClone(relationship), id: `rel-${id}`, displayName: p.text, partnerId: id, invitationId: null });
    out.notices.push({ ...structuredClone(notice), id: `notice-${id}`, partnerId: id, partnerName: p.text, relationshipId: `rel-${id}`, relationshipName: p.text });
  }
  for (const p of hostileIds) {
    out.partners.push({ ...structuredClone(partner), id: p.text, name: `Hostile id ${p.id}` });
    out.invitations.push({ ...structuredClone(invitation), id: p.text, partnerId: p.text });
  }
  // A positive control: an https website with markup in it is a link, and
  // the markup stays inside the attribute.
  out.partners.push({ ...structuredClone(partner), id: 'xss-https', name: 'Https control', website: 'https://example.com/?q="><script>__xss(999)</script>' });
  return { state: out, hostileIds };
}

test('an imported state file with payloads everywhere shows them as text on every page', async () => {
  const page = await fresh('settings/data');
  const exported = await exportData(page);
  const { state, hostileIds } = poisoned(exported.state);
  await page.getByLabel('JSON file to import').setInputFiles({
    name: 'poisoned.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...exported, state })),
  });
  await page.waitForFunction(() => /Imported “poisoned\.json”|can't be imported/.test(document.body.textContent));
  assert.equal(await page.locator('#import-error').count(), 0, await text(page, '#import-error'));
  await assertClean(page, 'the data page after the import');
  const shows = (haystack, p, what) => assert.ok(
    haystack.includes(p.text) || haystack.includes(p.text.trim()), `${what} shows payload ${p.id} literally`,
  );

  await softGo(page, 'settings/partner-relationships');
  const list = await text(page);
  for (const p of PAYLOADS) shows(list, p, 'the relationships list');
  await assertClean(page, 'the relationships list');

  for (const p of PAYLOADS) {
    await softGo(page, `settings/partner-relationships/xss-${p.id}`);
    shows(await h1(page), p, 'the partner page heading');
    const main = await text(page);
    shows(main, p, 'the partner page');
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')));
    if (linkable(p.text)) {
      assert.ok(hrefs.includes(p.text.trim()), `an allowed website is a link (payload ${p.id})`);
    } else {
      assert.ok(!hrefs.includes(p.text.trim()), `website ${p.id} is not a link`);
    }
    for (const href of hrefs) assert.ok(!HOSTILE_URL.test(href), `payload ${p.id} made the link ${href.slice(0, 60)}`);
  }
  await softGo(page, 'settings/partner-relationships/xss-https');
  assert.equal(
    await page.locator('main a[href^="https://example.com/"]').getAttribute('href'),
    'https://example.com/?q="><script>__xss(999)</script>',
  );
  await assertClean(page, 'the partner pages');

  for (const p of hostileIds) {
    await softGo(page, 'settings/partner-relationships');
    await page.locator('main a').filter({ hasText: new RegExp(`^Hostile id ${p.id}$`) }).click();
    assert.equal(await h1(page), `Hostile id ${p.id}`, `the partner with id payload ${p.id} opens from the list`);
  }
  await assertClean(page, 'partners with hostile ids');

  await softGo(page, 'partners/invitations');
  const inbox = await text(page);
  for (const p of PAYLOADS) shows(inbox, p, 'the inbox');
  for (const p of hostileIds) {
    await softGo(page, 'partners/invitations');
    await page.locator(`tr[data-invitation="${p.text.replace(/["\\]/g, '\\$&')}"] a`).click();
    assert.ok((await h1(page)).length > 0, `the invitation with id payload ${p.id} opens`);
  }
  await assertClean(page, 'the inbox');
  for (const p of PAYLOADS) {
    await softGo(page, `partners/invitation/inv-xss-${p.id}`);
    assert.equal(await h1(page), 'Accept agreement & authorize partner');
    shows(await text(page, '[data-testid=partner-name]'), p, 'the accept page');
  }
  await assertClean(page, 'the accept pages');

  for (const [path, what] of [
    ['partners/requests', 'Requests sent'],
    ['activity', 'Activity'],
    ['demo/partner-simulator', 'the simulator'],
  ]) {
    await softGo(page, path);
    const main = await text(page);
    for (const p of PAYLOADS) shows(main, p, what);
    await assertClean(page, what);
  }
  for (const path of ['', 'billing', 'billing/your-products', 'partners/find']) {
    await softGo(page, path);
    assert.ok((await h1(page)).length > 0);
    await assertClean(page, `/${path}`);
  }
  await page.close();
});
