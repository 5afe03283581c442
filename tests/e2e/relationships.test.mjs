// Partner relationships as a new admin uses them: the seeds' "Remove roles"
// steps with the keyboard only (and a reload after), the table's filters in
// the URL, the demo clock, the data page, and the billing views for every
// persona — each state checked with axe-core and photographed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  waitForApp, assertNoProblems, assertAccessible, screenshot,
} from './lib/browser.mjs';
import { exportData, freshPage, tabTo, focusedText } from './lib/flows.mjs';
import { setUp } from './lib/setup.mjs';

const PERSONAS = [
  ['global-admin', 'Global Administrator'],
  ['billing-admin', 'Billing Administrator'],
  ['helpdesk-admin', 'Helpdesk Administrator'],
  ['user', 'User (no admin role)'],
  ['partner-aobo', 'Partner (on behalf of the customer)'],
];
const BILLING = ['', '/purchase-services', '/your-products', '/licenses', '/bills-and-payments', '/billing-notifications'];

const app = setUp();

const fresh = (path, persona) => freshPage(app.context, app.url, path, persona);
// Whatever element reads `text`: the seeds' steps name what to select, not its tag.
const tabToText = (page, text) => tabTo(page, '*', { text, max: 150 });

test('Remove roles as the seeds say, keyboard only, survives a reload', async () => {
  const page = await fresh('');
  // 1. Settings > Partner relationships.
  await tabTo(page, '*', { contains: 'Partner relationships', max: 150 });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Partner relationships' }).waitFor();
  await assertAccessible(page, 'the relationships list');
  await screenshot(page, 'rel-list');
  // Legacy (DAP) roles show in the status and roles columns, not a grey
  // "No granular access".
  const fabrikamRow = page.locator('tr[data-partner-id="fabrikam-it"]');
  const fabrikamStatus = await fabrikamRow.locator('td[data-label="Status"]').innerText();
  assert.match(fabrikamStatus, /Legacy admin roles/);
  assert.doesNotMatch(fabrikamStatus, /No GDAP access/);
  assert.match(await fabrikamRow.locator('td[data-label="Admin roles"] summary').innerText(), /2 legacy roles/);

  // 2. Select the row that contains the name of the partner.
  await tabToText(page, 'Fabrikam IT Services');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Fabrikam IT Services' }).waitFor();
  assert.match(page.url(), /\/settings\/partner-relationships\/fabrikam-it$/);
  await assertAccessible(page, 'the partner page');
  await screenshot(page, 'rel-partner-fabrikam');

  // 3. Remove roles opens "Remove roles?"; Esc cancels and focus returns.
  await tabToText(page, 'Remove roles');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Remove roles?' });
  await dialog.waitFor();
  const inDialog = await page.evaluate(() => !!document.activeElement?.closest('dialog'));
  assert.ok(inDialog, 'focus moves into the dialog');
  const lost = await dialog.innerText();
  // Roles written as a sentence say which are privileged.
  assert.match(lost, /Delegated admin roles: Global Administrator \(privileged\), Helpdesk Administrator \(privileged\)/);
  assert.match(lost, /as Reseller/);
  await assertAccessible(page, 'the open Remove roles? dialog');
  await screenshot(page, 'rel-remove-roles-dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await focusedText(page), 'Remove roles', 'focus returns to Remove roles');

  // 4. In the Remove roles? dialog box, select Yes.
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  if ((await focusedText(page)) !== 'Yes') await tabToText(page, 'Yes');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('no-roles-to-remove').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Remove roles' }).count(), 0);
  await assertAccessible(page, 'the partner page after removal');
  await screenshot(page, 'rel-partner-after-removal');

  // A reload keeps the roles gone and the partner in the list, a Reseller.
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByTestId('no-legacy-roles').innerText(), 'None.');
  // Says why once, without "If you don't see the Remove roles option" beside it.
  assert.equal(
    await page.getByTestId('no-roles-to-remove').innerText(),
    "Fabrikam IT Services holds no admin roles in your organization, so there's nothing to remove.",
  );
  await page.goto(app.url + 'settings/partner-relationships');
  await waitForApp(page);
  const row = page.locator('tr[data-partner-id="fabrikam-it"]');
  const text = await row.innerText();
  assert.match(text, /Reseller/);
  assert.match(text, /None/);
  assert.doesNotMatch(text, /Legacy admin roles/);
  assertNoProblems(page);
  await page.close();
});

test('filters live in the URL: reload and Back keep them; a highlight shows first', async () => {
  const page = await fresh('settings/partner-relationships');
  assert.equal(await page.getByTestId('active-filters').count(), 0, 'no filter, no line');
  await page.getByLabel('Status').selectOption({ label: 'Expired' });
  await page.waitForURL(/status=expired/);
  assert.equal(await page.locator('tbody tr').count(), 1);
  assert.match(await page.getByTestId('active-filters').innerText(), /Status: Expired/);
  await page.getByLabel('Search').fill('zzz-nobody');
  await page.getByText('No partners match these filters.').waitFor();
  const inForce = await page.getByTestId('active-filters').innerText();
  assert.match(inForce, /Search: “zzz-nobody”/);
  assert.match(inForce, /Status: Expired/);
  assert.equal(await page.locator('.empty-state').getByRole('button', { name: 'Clear filters' }).count(), 1);
  await assertAccessible(page, 'the empty filtered list');
  await screenshot(page, 'rel-list-filtered-to-nothing');
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByLabel('Search').inputValue(), 'zzz-nobody');
  await page.getByTestId('active-filters').getByRole('link', { name: 'Clear filters' }).click();
  await page.locator('tbody tr').nth(5).waitFor();
  await page.goBack();
  await page.getByText('No partners match these filters.').waitFor();

  // A filter that came with a link is said as plainly as a chosen one.
  await page.goto(app.url + 'settings/partner-relationships?agreement=unsigned');
  await waitForApp(page);
  assert.match(await page.getByTestId('active-filters').innerText(), /Customer agreement: Not signed/);
  assert.match(await page.getByTestId('relationship-count').innerText(), /^Showing 1 of \d+ partners$/);

  await page.goto(app.url + 'settings/partner-relationships?highlight=relecloud-unknown&sort=end&dir=desc');
  await waitForApp(page);
  const endHeader = page.locator('th[aria-sort]');
  assert.equal(await endHeader.getAttribute('aria-sort'), 'descending');
  await page.goto(app.url + 'settings/partner-relationships?highlight=wingtip-devices');
  await waitForApp(page);
  assert.equal(await page.locator('tbody tr').first().getAttribute('data-partner-id'), 'wingtip-devices');
  await assertAccessible(page, 'the list with a highlighted partner');
  await screenshot(page, 'rel-list-highlight');
  assertNoProblems(page);
  await page.close();
});

test('partner pages in every situation are accessible', async () => {
  const page = await fresh('');
  for (const id of ['contoso-cloud', 'tailspin-toys', 'adventure-works', 'wide-world-tech', 'trey-licensing', 'no-such-partner']) {
    await page.goto(app.url + `settings/partner-relationships/${id}`);
    await waitForApp(page);
    await assertAccessible(page, `the partner page of ${id}`);
    await screenshot(page, `rel-partner-${id}`);
  }
  // No roles: said once, and how to end the relationship.
  await page.goto(app.url + 'settings/partner-relationships/contoso-cloud');
  await waitForApp(page);
  const main = await page.locator('main').innerText();
  assert.match(main, /Contoso Cloud Partners holds no admin roles in your organization, so there's nothing to remove\./);
  assert.doesNotMatch(main, /If you don't see the Remove roles option/);
  assert.match(main, /contact the partner to end the relationship/);
  // Only expired roles: the box says they ended, not that there never were any.
  await page.goto(app.url + 'settings/partner-relationships/adventure-works');
  await waitForApp(page);
  assert.match(
    await page.getByTestId('no-roles-to-remove').innerText(),
    /^The GDAP relationship with Adventure Works Consulting has ended, so the roles listed above are no longer in force/,
  );
  // A granular relationship's duration reads in words; the ISO form is for typing.
  const adventureCard = await page.locator('article.granular').first().innerText();
  assert.match(adventureCard, /Duration\s+180 days\n/);
  assert.doesNotMatch(adventureCard, /P180D/);
  // Ending soon: the fact as of now, once per relationship, as the card counts it.
  await page.goto(app.url + 'settings/partner-relationships/tailspin-toys');
  await waitForApp(page);
  const ending = page.getByTestId('ending-soon').locator('li');
  assert.equal(await ending.count(), 1);
  const card = await page.locator('article.granular').first().innerText();
  const [, endDate, daysLeft] = card.match(/Ends\s+(\S+) \((\d+) days left\)/);
  assert.match(await ending.innerText(), new RegExp(`ends in ${daysLeft} days, on ${endDate}\\.`));
  // The partner's ids, for support: the Partner ID (program id) and the record id, each selected whole on focus.
  await page.goto(app.url + 'settings/partner-relationships/fabrikam-it');
  await waitForApp(page);
  const partnerId = page.getByLabel('Partner ID', { exact: true });
  assert.match(await partnerId.inputValue(), /^\d+$/);
  const recordId = page.getByLabel('Record id (for support)');
  assert.equal(await recordId.inputValue(), 'fabrikam-it');
  await recordId.focus();
  assert.deepEqual(await recordId.evaluate((e) => [e.selectionStart, e.selectionEnd, e.readOnly]), [0, 'fabrikam-it'.length, true]);
  assert.doesNotMatch(await page.locator('main').innerText(), /Partner (program )?id\b/);
  // Not signed: a link to Review and accept.
  await page.goto(app.url + 'settings/partner-relationships/wide-world-tech');
  await waitForApp(page);
  assert.match(await page.getByRole('link', { name: 'Review and accept' }).getAttribute('href'), /\/partners\/agreement\/wide-world-tech$/);
  // MPSA: purchase visibility can be allowed and stopped.
  await page.goto(app.url + 'settings/partner-relationships/trey-licensing');
  await waitForApp(page);
  // The demo starts with sharing allowed: stop it, then allow it again.
  await page.getByRole('button', { name: 'Stop sharing purchases' }).click();
  await page.getByTestId('purchase-visibility-state').filter({ hasText: "can't see" }).waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByTestId('purchase-visibility-state').filter({ hasText: "can't see" }).waitFor();
  await page.getByRole('button', { name: "Allow them to see each other's purchases" }).click();
  await page.getByTestId('purchase-visibility-state').filter({ hasText: 'can see' }).waitFor();
  assertNoProblems(page);
  await page.close();
});

test('a persona that may not remove roles is told why, once at the top and beside the button', async () => {
  const page = await fresh('settings/partner-relationships/fabrikam-it', 'billing-admin');
  const rule = 'To remove partner admin roles, you need to be a Global Administrator.';
  // At the top, next to the heading: what this persona may do here and what not.
  const top = page.getByTestId('permission-notice');
  assert.equal(
    await top.innerText(),
    `Signed in as Billing Administrator, you can view this partner but not change anything here. ${rule}`,
  );
  assert.ok(await top.evaluate((n) => {
    const follows = (a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    return follows(document.querySelector('main h1'), n) && follows(n, document.querySelector('main section.card'));
  }), 'the notice sits under the heading, before the page\'s sections');
  // Beside the button, the same words and who is signed in.
  assert.equal(
    await page.getByTestId('remove-roles-not-allowed').innerText(),
    `${rule} You're signed in as Billing Administrator.`,
  );
  assert.equal(await page.getByRole('button', { name: 'Remove roles' }).count(), 0);
  const main = await page.locator('main').innerText();
  assert.doesNotMatch(main, /these steps|Only a Global Administrator/);

  await page.evaluate(() => localStorage.setItem('partner-console.persona', 'user'));
  await page.reload();
  await waitForApp(page);
  assert.equal(
    await page.getByTestId('permission-notice').innerText(),
    `Signed in as User (no admin role), you can view this partner but not change anything here. ${rule}`,
  );
  assert.doesNotMatch(await page.locator('main').innerText(), /You must be at least a Billing Administrator to do these steps/);
  await assertAccessible(page, 'the partner page read-only');
  await screenshot(page, 'rel-partner-read-only');

  // The list says the same rule for the pages it leads to.
  await page.goto(app.url + 'settings/partner-relationships');
  await waitForApp(page);
  const listNotice = await page.getByTestId('permission-notice').innerText();
  assert.match(listNotice, /^Signed in as User \(no admin role\), you can view your partners but not change anything here\./);
  assert.match(listNotice, /To accept the customer agreement or set purchase visibility, you need to be a Billing Administrator or Global Administrator\./);
  assert.match(listNotice, new RegExp(rule));
  await assertAccessible(page, 'the relationships list read-only');

  // A Global Administrator may do everything here: no notice at all.
  await page.evaluate(() => localStorage.setItem('partner-console.persona', 'global-admin'));
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByTestId('permission-notice').count(), 0);
  assertNoProblems(page);
  await page.close();
});

test('dark theme: the destructive button is a solid red with white text', async () => {
  const page = await fresh('settings/partner-relationships/fabrikam-it');
  await page.emulateMedia({ colorScheme: 'dark' });
  // Past the 120 ms colour transition the theme change starts.
  await page.waitForTimeout(300);
  const button = page.getByRole('button', { name: 'Remove roles' });
  const colours = () => button.evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]);
  assert.deepEqual(await colours(), ['rgb(196, 43, 28)', 'rgb(255, 255, 255)']);
  await button.hover();
  await page.waitForTimeout(200);
  assert.deepEqual(await colours(), ['rgb(165, 35, 23)', 'rgb(255, 255, 255)']);
  await screenshot(page, 'rel-dark-partner-fabrikam');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  assert.deepEqual(await colours(), ['rgb(177, 14, 28)', 'rgb(255, 255, 255)']);
  assertNoProblems(page);
  await page.close();
});

test('375 px: the agreement date and a relationship\'s dates do not break at a hyphen', async () => {
  const page = await fresh('settings/partner-relationships/fabrikam-it');
  await page.setViewportSize({ width: 375, height: 800 });
  const lines = (locator) => locator.evaluate((e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  const signed = page.locator('.agreement-line strong');
  assert.match(await signed.innerText(), /^Signed \d{4}-\d{2}-\d{2}$/);
  assert.equal(await lines(signed), 1);
  await screenshot(page, 'rel-narrow-partner-fabrikam');
  await page.goto(app.url + 'settings/partner-relationships/tailspin-toys');
  await waitForApp(page);
  await screenshot(page, 'rel-narrow-partner-tailspin-toys');
  assertNoProblems(page);
  await page.close();
});

test('billing views for every persona: menus, notes, nothing missing explained', async () => {
  const page = await fresh('billing');
  for (const [id, label] of PERSONAS) {
    await page.evaluate((p) => localStorage.setItem('partner-console.persona', p), id);
    for (const view of BILLING) {
      await page.goto(app.url + 'billing' + view);
      await waitForApp(page);
      await page.getByTestId('signed-in-persona').filter({ hasText: label }).waitFor();
      await assertAccessible(page, `billing${view} as ${label}`);
    }
    await page.goto(app.url + 'billing');
    await waitForApp(page);
    const menu = page.getByRole('navigation', { name: 'Billing menu' });
    const items = await menu.getByRole('link').allInnerTexts();
    await screenshot(page, `rel-billing-${id}`);
    if (id === 'partner-aobo') {
      assert.deepEqual(items, ['Licenses', 'Billing notifications']);
      assert.match(await page.getByTestId('aobo-notice').innerText(), /Partner Center/);
      assert.match(await page.getByTestId('aobo-notice').innerText(), /Domain Name Administrator and Billing Administrator/);
      for (const gone of ['purchase-services', 'your-products', 'bills-and-payments']) {
        await page.goto(app.url + 'billing/' + gone);
        await waitForApp(page);
        assert.match(await page.getByTestId('billing-not-available').innerText(), /isn't available/);
      }
      await screenshot(page, 'rel-billing-aobo-not-available');
    } else {
      assert.deepEqual(items, ['Purchase services', 'Your products', 'Licenses', 'Bills & payments', 'Billing notifications']);
    }
    if (id === 'helpdesk-admin' || id === 'user') {
      await page.goto(app.url + 'billing/purchase-services');
      await waitForApp(page);
      assert.match(await page.getByTestId('read-only-notice').innerText(), /To accept the customer agreement or purchase services, you need to be a Billing Administrator or Global Administrator/);
      assert.equal(await page.getByRole('link', { name: 'Review and accept' }).count(), 0);
    }
  }
  await page.goto(app.url + 'billing/your-products');
  await waitForApp(page);
  assert.match(await page.locator('main').innerText(), /Domain Name Administrator and Billing Administrator/);
  assertNoProblems(page);
  await page.close();
});

test('the demo clock moves time; home counts link to filtered views; activity filters', async () => {
  const page = await fresh('');
  const before = await page.getByTestId('demo-date').innerText();
  await page.getByRole('button', { name: '+30 days' }).click();
  await page.getByTestId('demo-date').filter({ hasNotText: before }).waitFor();
  const after = await page.getByTestId('demo-date').innerText();
  const days = (Date.parse(after) - Date.parse(before)) / 86400000;
  assert.equal(days, 30);
  await assertAccessible(page, 'home after moving the clock');
  await screenshot(page, 'rel-home');
  // The cards look like links: the label is underlined, with an arrow.
  const label = page.getByTestId('count-legacy').locator('.home-card__label');
  assert.match(await label.evaluate((e) => getComputedStyle(e).textDecorationLine), /underline/);
  assert.match(await label.evaluate((e) => getComputedStyle(e, '::after').content), /→/);
  const legacyCount = Number(await page.getByTestId('count-legacy').locator('.home-card__count').innerText());
  assert.ok(legacyCount > 0);
  // "Partners with legacy admin roles" opens exactly those partners.
  await page.getByTestId('count-legacy').click();
  await page.waitForURL(/roles=legacy/);
  await page.getByTestId('active-filters').filter({ hasText: 'Admin roles: Legacy admin roles' }).waitFor();
  const legacyRows = await page.locator('tbody tr').allInnerTexts();
  assert.equal(legacyRows.length, legacyCount);
  assert.ok(legacyRows.every((r) => /Legacy admin roles/.test(r)), legacyRows.join('\n'));
  assert.deepEqual(
    (await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.partnerId))).sort(),
    ['fabrikam-it', 'proseware-advisors'],
  );
  await screenshot(page, 'rel-list-legacy');
  await page.goto(app.url);
  await waitForApp(page);
  await page.getByTestId('count-expiring').click();
  await page.waitForURL(/status=expiring/);
  await page.getByTestId('count-partners').count();
  await page.goto(app.url + 'activity');
  await waitForApp(page);
  assert.match(await page.locator('tbody').innerText(), /Moved the demo clock/);
  await page.getByLabel('Partner', { exact: true }).selectOption({ label: 'Fabrikam IT Services' });
  await page.waitForURL(/partner=fabrikam-it/);
  const rows = await page.locator('tbody tr').allInnerTexts();
  assert.ok(rows.length > 0 && rows.every((r) => r.includes('Fabrikam IT Services')), rows.join('\n'));
  await assertAccessible(page, 'activity filtered by partner');
  await screenshot(page, 'rel-activity');
  assertNoProblems(page);
  await page.close();
});

// Every id the saved state holds: the partners', invitations',
// relationships' and contact requests', and the directory partners'.
const idsOf = (state) => [
  ...state.partners.map((p) => p.id),
  ...state.invitations.map((i) => i.id),
  ...state.relationships.map((r) => r.id),
  ...state.contactRequests.map((c) => c.id),
  ...state.contactRequests.flatMap((c) => c.partnerIds),
];

// Shows every entry of the Activity table and returns its rows' text.
const allActivityRows = async (page) => {
  const more = page.getByRole('button', { name: /^Show \d+ more$/ });
  while (await more.count()) await more.click();
  return page.locator('[data-testid="activity-table"] tbody tr').allInnerTexts();
};

test('Activity names partners, invitations and requests as an admin knows them, never by id', async () => {
  const page = await fresh('settings/data');
  // Time passes (invitations expire, notices come); the demo's own history
  // has the rest: accepted and refused invitations, the simulator's
  // invitations, contact requests and the partners' replies.
  const before = await page.getByTestId('demo-date').innerText();
  await page.getByRole('button', { name: '+30 days' }).click();
  await page.getByTestId('demo-date').filter({ hasNotText: before }).waitFor();
  const state = (await exportData(page)).state;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
  const rows = await allActivityRows(page);
  assert.ok(rows.length > 20, `${rows.length} rows`);
  const text = rows.join('\n');
  for (const id of idsOf(state)) {
    assert.ok(!text.includes(id), `the id ${id} is shown:\n${rows.filter((r) => r.includes(id)).join('\n')}`);
  }
  assert.doesNotMatch(text, /\b(?:p-\d{6}|inv-[\w-]+|cr-\d+|rel-[\w-]+)\b/);
  // An invitation is named by its partner and the day it came.
  assert.match(text, /Accepted & authorized the invitation from [^,\n]+, received \d{4}-\d{2}-\d{2}/);
  // What the partner simulator did is the partner's: "Who" names it.
  const sent = rows.filter((r) => /Sent an invitation/.test(r));
  assert.ok(sent.length > 0);
  for (const row of sent) assert.match(row, /\(partner\)/, row);
  // A contact request names the directory partner, linked by its name.
  const link = page.locator('[data-testid="activity-table"] td[data-label="Partner"] a').filter({ hasNotText: /^p-\d+$/ });
  assert.ok(await link.count() > 0);
  await assertAccessible(page, 'Activity, every entry');
  await screenshot(page, 'activity-names');
  assertNoProblems(page);
  await page.close();
});

test('Activity says which filters are in force, from a link too, and clears them', async () => {
  const page = await fresh('activity?partner=nobody');
  await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
  const chips = page.getByTestId('active-filters');
  assert.match(await chips.innerText(), /Partner:\s*A partner not in your list/);
  // The select says so too, rather than "All partners".
  assert.equal(await page.locator('#activity-partner option:checked').innerText(), 'A partner not in your list');
  const empty = page.getByTestId('activity-empty');
  assert.match(await empty.innerText(), /No activity matches these filters\./);
  await assertAccessible(page, 'Activity filtered to nothing, from a link');
  await screenshot(page, 'activity-filtered-from-a-link');
  await empty.getByRole('link', { name: 'Clear filters' }).click();
  await page.waitForURL((u) => !u.searchParams.has('partner'));
  await page.getByTestId('activity-count').filter({ hasText: /^Showing the newest 100 of [\d,]+ entries$|^\d+ entries$/ }).waitFor();
  assert.equal(await chips.count(), 0);

  // A filter chosen here is named the same way, with a way back.
  await page.getByLabel('Partner', { exact: true }).selectOption({ label: 'Fabrikam IT Services' });
  await page.waitForURL(/partner=fabrikam-it/);
  assert.match(await chips.innerText(), /Partner:\s*Fabrikam IT Services/);
  await chips.getByRole('link', { name: 'Clear filters' }).click();
  await page.waitForURL((u) => !u.searchParams.has('partner'));
  assertNoProblems(page);
  await page.close();
});

test('Activity reads newest first after an import of older entries', async () => {
  const page = await fresh('settings/data');
  const exported = await exportData(page);
  const log = exported.state.activity;
  // Entries from an older console, appended after today's: an import
  // brings them in the order the file has them.
  const older = Array.from({ length: 5 }, (_, n) => ({
    ...log[0], action: `Entry from 2024 number ${n}`, at: `2024-0${n + 1}-01T00:00:00Z`,
  }));
  exported.state.activity = [...log, ...older];
  await page.getByLabel('JSON file to import').setInputFiles({
    name: 'older.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)),
  });
  await page.getByText('Imported “older.json”').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
  const times = await page.locator('[data-testid="activity-table"] tbody tr time').evaluateAll(
    (els) => els.map((el) => el.getAttribute('datetime')));
  assert.ok(times.length > 10);
  const sorted = [...times].sort().reverse();
  assert.deepEqual(times, sorted, 'newest first');
  assert.doesNotMatch(await page.locator('[data-testid="activity-table"] tbody tr').first().innerText(), /Entry from 2024/);
  assertNoProblems(page);
  await page.close();
});

test('data: export downloads JSON, a bad import changes nothing, reset asks first', async () => {
  const page = await fresh('settings/data');
  await assertAccessible(page, 'the data page');
  const exported = await exportData(page);
  assert.ok(exported && typeof exported === 'object');

  await page.getByLabel('JSON file to import').setInputFiles({
    name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"not": "a console export"'),
  });
  const error = page.getByRole('alert').filter({ hasText: 'Nothing was changed' });
  await error.waitFor();
  // The admin reads what is wrong and what to do; the parser's words wait under Details.
  const said = await error.innerText();
  assert.match(said, /isn't a partner console export.*Export one from Settings › Data/);
  assert.doesNotMatch(said, /EOF|line \d|column/);
  await page.getByText('Details', { exact: true }).click();
  assert.match(await page.locator('details.error-details code').innerText(), /EOF/);
  assert.equal(await page.getByLabel('JSON file to import').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'the data page with an import error');
  await screenshot(page, 'rel-data-import-error');

  await page.getByRole('button', { name: 'Reset to demo data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset to demo data?' });
  await dialog.waitFor();
  await assertAccessible(page, 'the reset dialog');
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('Your data was reset to the demo organization.').waitFor();

  await page.getByLabel('JSON file to import').setInputFiles({
    name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)),
  });
  await page.getByText('Imported “good.json”').waitFor();
  assertNoProblems(page);
  await page.close();
});

test('the activity log keeps the newest 1,000 entries and says so', async () => {
  const page = await fresh('settings/data');
  const exported = await exportData(page);
  const log = exported.state.activity;
  assert.ok(log.length > 0 && log.length < 1000);
  // A long-used console: pad the log to exactly the limit with older entries.
  const filler = Array.from({ length: 1000 - log.length }, (_, n) => ({
    ...log[0], action: `Old entry ${n}`, at: '2025-01-01T00:00:00Z',
  }));
  exported.state.activity = [...filler, ...log];
  await page.getByLabel('JSON file to import').setInputFiles({
    name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)),
  });
  await page.getByText('Imported “long.json”').waitFor();

  // One more action: still 1,000, the newest on top, the oldest gone.
  await page.getByRole('button', { name: '+1 day' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  const count = page.getByTestId('activity-count');
  const rows = page.locator('[data-testid="activity-table"] tbody tr');
  // A hundred at first: a thousand rows made the page slow to open and to update.
  await count.filter({ hasText: /^Showing the newest 100 of 1,000 entries$/ }).waitFor();
  await page.getByTestId('activity-limit').filter({ hasText: 'The log keeps the newest 1,000 entries' }).waitFor();
  assert.equal(await rows.count(), 100);
  assert.match(await rows.first().innerText(), /Moved the demo clock/);
  // Show more adds the next hundred and takes focus to the first of them.
  await page.getByRole('button', { name: 'Show 100 more' }).click();
  await count.filter({ hasText: /^Showing the newest 200 of 1,000 entries$/ }).waitFor();
  assert.equal(await rows.count(), 200);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'activity-entry-100');
  await screenshot(page, 'activity-show-more');
  // To the end, where the button goes and focus still lands on the new rows.
  for (let shown = 200; shown < 1000; shown += 100) {
    await page.getByRole('button', { name: 'Show 100 more' }).click();
  }
  await count.filter({ hasText: /^1,000 entries$/ }).waitFor();
  assert.equal(await rows.count(), 1000);
  assert.equal(await page.getByRole('button', { name: /^Show \d+ more$/ }).count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'activity-entry-900');
  // The oldest went, and only they: what is left of the padding is its
  // newest entries, without a gap.
  const text = await page.getByTestId('activity-table').innerText();
  const kept = [...text.matchAll(/Old entry (\d+)\b/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
  const oldest = kept[0];
  assert.ok(oldest >= 1, 'the oldest entry was dropped');
  assert.deepEqual(kept, Array.from({ length: filler.length - oldest }, (_, n) => oldest + n));
  // Another filter starts again from the newest hundred of what matches.
  await page.getByLabel('Action').selectOption(`Old entry ${oldest}`);
  await count.filter({ hasText: /^Showing 1 of 1,000 entries$/ }).waitFor();
  assert.equal(await rows.count(), 1);
  // Back to every action: the list shown before the detour, all of it.
  await page.getByLabel('Action').selectOption({ label: 'All actions' });
  await count.filter({ hasText: /^1,000 entries$/ }).waitFor();
  // The padding's partner: more than a hundred of its entries match.
  assert.ok(log[0].partnerId, 'the padding names a partner');
  await page.getByLabel('Partner').selectOption(log[0].partnerId);
  await count.filter({ hasText: /^Showing the newest 100 of [\d,]+ matching entries$/ }).waitFor();
  assert.equal(await rows.count(), 100);
  await assertAccessible(page, 'Activity with more entries to show');
  assertNoProblems(page);
  await page.close();
});
