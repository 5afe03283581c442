// Invitations as the seeds describe them: the inbox, the "Accept agreement &
// authorize partner" page, the Microsoft Customer Agreement, declining, the
// "Review and accept" agreement page and the demo partner simulator. Each
// flow reloads at every step, and axe-core checks every state it shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  waitForApp, assertNoProblems, assertAccessible, screenshot as fullPageShot,
} from './lib/browser.mjs';
import { freshPage, heading as h1, reloadKeeps, tabTo, focusedText, exportData } from './lib/flows.mjs';
import { setUp } from './lib/setup.mjs';

/** A full-page screenshot from the top, so the sticky header stays on top. */
async function screenshot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPageShot(page, name);
}

const app = setUp();

const ACCEPT_PAGE = 'Accept agreement & authorize partner';
const ACK_LABEL = 'I have read the Microsoft Customer Agreement and accept it on behalf of my organization.';

/** A page on fresh demo data, signed in as `persona`; the inbox unless told. */
const fresh = (persona, path = 'partners/invitations') => freshPage(app.context, app.url, path, persona);

function pathOf(page) {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

test('a Global Administrator accepts granular access as the seeds describe, surviving a reload at each step', async () => {
  const page = await fresh('global-admin');
  // The inbox: pending, expired and handled invitations.
  await h1(page, 'Invitations');
  const pending = page.locator('#inbox-pending');
  assert.match(await pending.innerText(), /Contoso Cloud Partners/);
  assert.match(await page.locator('#inbox-expired').innerText(), /Southridge Video IT/);
  assert.match(await page.locator('#inbox-handled').innerText(), /Cancelled/);
  // A row that can't be accepted says what stands in the way, not a vague "not you".
  assert.match(
    await page.locator('tr[data-invitation="inv-granular-legacy"]').innerText(),
    /Remove the partner's legacy admin roles first/,
  );
  await assertAccessible(page, 'the inbox');
  await screenshot(page, 'invitations-inbox');
  await reloadKeeps(page, 'Invitations');

  // In the email, select the link: the deep link opens the accept page.
  await page.locator('tr[data-invitation="inv-granular-helpdesk"] a').click();
  await h1(page, ACCEPT_PAGE);
  assert.equal(pathOf(page), '/partners/invitation/inv-granular-helpdesk');
  const roles = page.locator('table').filter({ hasText: 'What the partner could do' });
  assert.equal(await roles.locator('tbody tr').count(), 5);
  assert.match(await roles.innerText(), /Helpdesk Administrator/);
  // Durations read in words; the ISO form is only where an admin types one.
  assert.equal((await page.getByTestId('granular-duration').innerText()).trim(), '2 years');
  assert.match(await page.getByTestId('granular-auto-extend').innerText(), /180 days/);
  const accept = page.getByRole('button', { name: 'Accept & Authorize' });
  assert.equal(await accept.isDisabled(), true, 'Accept & Authorize starts disabled');
  await assertAccessible(page, 'the accept page');
  await screenshot(page, 'invitation-accept');
  await reloadKeeps(page, ACCEPT_PAGE);

  // Select the link for the Microsoft Customer Agreement, and read it.
  await page.getByRole('button', { name: 'Microsoft Customer Agreement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Microsoft Customer Agreement' });
  await dialog.waitFor();
  assert.equal(
    await dialog.getByRole('link', { name: /Read the full Microsoft Customer Agreement/ }).getAttribute('href'),
    'https://www.microsoft.com/licensing/docs/customeragreement',
  );
  await assertAccessible(page, 'the agreement summary');
  await screenshot(page, 'invitation-agreement-summary');
  await page.reload();
  await waitForApp(page);
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // Check the box: Accept & Authorize comes alive, and stays so on reload.
  await page.getByLabel(ACK_LABEL).check();
  await page.waitForFunction(() => !document.querySelector('[data-testid=accept]').disabled);
  await assertAccessible(page, 'the accept page, box ticked');
  await reloadKeeps(page, ACCEPT_PAGE);
  assert.equal(await page.getByLabel(ACK_LABEL).isChecked(), true);
  assert.equal(await accept.isEnabled(), true);

  // Select Accept & Authorize: the list of partners is displayed.
  await accept.click();
  await h1(page, 'Partner relationships');
  assert.equal(pathOf(page), '/settings/partner-relationships?highlight=contoso-cloud');
  await page.locator('.toast').filter({ hasText: 'Invitation accepted' }).waitFor();
  // The success is said once: the toast; the list only says where to look.
  assert.doesNotMatch(await page.locator('main').innerText(), /is now one of your partners/);
  assert.match(await page.getByTestId('highlight-note').innerText(), /Contoso Cloud Partners is shown first/);
  await screenshot(page, 'invitation-accepted-partner-list');
  await reloadKeeps(page, 'Partner relationships');
  const saved = await page.evaluate(() => localStorage.getItem('partner-console.state'));
  // Named by its partner and the day it came (Contoso has an older one).
  const received = saved.match(/"id":"inv-granular-helpdesk"[\s\S]*?"createdDateTime":"(\d{4}-\d{2}-\d{2})/)[1];
  assert.ok(saved.includes(`Accepted & authorized the invitation from Contoso Cloud Partners, received ${received}`), 'the activity log has the entry');

  // The link now says it was used.
  await page.goto(app.url + 'partners/invitation/inv-granular-helpdesk');
  await h1(page, 'This invitation has already been accepted');
  assertNoProblems(page);
  await page.close();
});

test('a Billing Administrator accepts a reseller invitation and is told why not one with admin roles', async () => {
  const page = await fresh('billing-admin', 'partners/invitation/inv-granular-global-admin');
  await h1(page, ACCEPT_PAGE);
  assert.equal(await page.getByRole('button', { name: 'Accept & Authorize' }).count(), 0);
  const refusal = page.getByTestId('accept-refusal');
  assert.match(await refusal.innerText(), /Only a Global Administrator can grant or remove partner admin roles\./);
  await assertAccessible(page, 'the accept page refused to a Billing Administrator');
  await screenshot(page, 'invitation-refused-billing-admin');

  await page.goto(app.url + 'partners/invitation/inv-reseller');
  await h1(page, ACCEPT_PAGE);
  await page.getByLabel(ACK_LABEL).check();
  await reloadKeeps(page, ACCEPT_PAGE);
  await page.getByRole('button', { name: 'Accept & Authorize' }).click();
  await h1(page, 'Partner relationships');
  assert.equal(pathOf(page), '/settings/partner-relationships?highlight=relecloud');
  assertNoProblems(page);
  await page.close();
});

test('the whole flow works with the keyboard alone', async () => {
  const page = await fresh('global-admin');
  await tabTo(page, 'tr[data-invitation="inv-advisor"] a');
  await page.keyboard.press('Enter');
  await h1(page, ACCEPT_PAGE);
  await tabTo(page, 'button[aria-haspopup=dialog]');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Microsoft Customer Agreement' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  // Focus goes back once the dialog has closed: wait for it, briefly.
  await page.waitForFunction(
    () => document.activeElement?.textContent?.trim() === 'Microsoft Customer Agreement',
    null,
    { timeout: 2000 },
  ).catch(() => {});
  assert.equal(
    await focusedText(page),
    'Microsoft Customer Agreement',
    'focus returns to the link that opened the agreement',
  );
  await tabTo(page, '#inv-ack');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !document.querySelector('[data-testid=accept]').disabled);
  await tabTo(page, '[data-testid=accept]');
  await page.keyboard.press('Enter');
  await h1(page, 'Partner relationships');
  assert.equal(pathOf(page), '/settings/partner-relationships?highlight=lamna-advisors');
  assertNoProblems(page);
  await page.close();
});

test('Review and accept, and the partner simulator, work with the keyboard alone', async () => {
  // Review and accept, as a Billing Administrator.
  const page = await fresh('billing-admin');
  await tabTo(page, 'a[href$="/partners/agreement/wide-world-tech"]');
  await page.keyboard.press('Enter');
  await h1(page, 'Review and accept the Microsoft Customer Agreement');
  await tabTo(page, '#agreement-ack');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !document.querySelector('[data-testid=accept-agreement]').disabled);
  await tabTo(page, '[data-testid=accept-agreement]');
  await page.keyboard.press('Enter');
  await h1(page, 'Partner relationships');
  assert.equal(pathOf(page), '/settings/partner-relationships?highlight=wide-world-tech');

  // The simulator sends an invitation from a new partner; it is accepted.
  await page.goto(app.url + 'demo/partner-simulator');
  await h1(page, 'Partner simulator');
  await tabTo(page, '#sim-partner-existing');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'sim-partner-new');
  await tabTo(page, '#sim-new-name');
  await page.keyboard.type('Keyboard Only Partners');
  await tabTo(page, 'button[type=submit]', { max: 200 });
  await page.keyboard.press('Enter');
  await page.getByTestId('issued').waitFor();
  await tabTo(page, '[data-testid=issued] a');
  await page.keyboard.press('Enter');
  await h1(page, ACCEPT_PAGE);
  assert.match(await page.getByTestId('partner-name').innerText(), /Keyboard Only Partners/);
  assertNoProblems(page);
  await page.close();
});

test('cancelling an invitation asks first, then says it was cancelled', async () => {
  const page = await fresh('global-admin', 'partners/invitation/inv-delegated-admin');
  await h1(page, ACCEPT_PAGE);
  await page.getByRole('button', { name: 'Cancel invitation' }).click();
  const confirm = page.getByRole('dialog', { name: 'Cancel this invitation?' });
  await confirm.waitFor();
  await assertAccessible(page, 'the cancel dialog');
  await screenshot(page, 'invitation-cancel-dialog');
  await confirm.getByRole('button', { name: 'Keep invitation' }).click();
  await confirm.waitFor({ state: 'hidden' });
  await h1(page, ACCEPT_PAGE);
  await page.getByRole('button', { name: 'Cancel invitation' }).click();
  await confirm.getByRole('button', { name: 'Cancel invitation' }).click();
  await h1(page, 'This invitation was cancelled');
  await reloadKeeps(page, 'This invitation was cancelled');
  assertNoProblems(page);
  await page.close();
});

test('every invitation that cannot be answered has its own clear, accessible page', async () => {
  const cases = [
    ['inv-expired', 'This invitation has expired', /ask Southridge Video IT to send you a new invitation/],
    ['inv-declined', 'This invitation was cancelled', /ask Blue Yonder Airlines IT/],
    ['inv-accepted', 'This invitation has already been accepted', /its partner page/],
    ['inv-nobody-sent-this', 'Invitation not found', /ask the partner to send the invitation again/],
    ['inv%20broken%3F', 'This invitation link is broken', /open the link again/],
  ];
  const page = await fresh('global-admin');
  for (const [id, heading, next] of cases) {
    await page.goto(app.url + 'partners/invitation/' + id);
    await h1(page, heading);
    const outcome = page.getByTestId('invitation-outcome');
    assert.match(await outcome.innerText(), next);
    // Every dead end offers the way back to the list.
    assert.ok(await outcome.getByRole('link', { name: /Invitations|Partner relationships/ }).count() >= 1, `a way back from ${id}`);
    await assertAccessible(page, `invitation ${id}`);
    await screenshot(page, `invitation-${heading.toLowerCase().replace(/[^a-z]+/g, '-')}`);
  }
  // Legacy roles still held: granular access waits, and the page links there.
  await page.goto(app.url + 'partners/invitation/inv-granular-legacy');
  await h1(page, ACCEPT_PAGE);
  // The refusal and its fix sit under the heading, where the eye lands, and again by the answer.
  for (const testid of ['accept-refusal-top', 'accept-refusal']) {
    const refusal = page.getByTestId(testid);
    assert.match(await refusal.innerText(), /still holds delegated admin roles/);
    assert.equal(
      await refusal.getByRole('link').getAttribute('href'),
      '/settings/partner-relationships/fabrikam-it',
    );
  }
  const top = await page.getByTestId('accept-refusal-top').boundingBox();
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  assert.ok(top.y - (heading.y + heading.height) < 200, 'the refusal sits right under the heading');
  await assertAccessible(page, 'granular blocked by legacy roles');
  await screenshot(page, 'invitation-blocked-by-legacy-roles');
  assertNoProblems(page);
  await page.close();
});

test('Review and accept: the agreement for an existing partner, then the list of partners', async () => {
  const page = await fresh('billing-admin');
  await page.getByRole('link', { name: /Review and accept the agreement for Wide World Importers Tech/ }).click();
  const title = 'Review and accept the Microsoft Customer Agreement';
  await h1(page, title);
  assert.match(await page.getByTestId('purchase-blocked').innerText(), /Purchases blocked/);
  const accept = page.getByRole('button', { name: 'Accept', exact: true });
  assert.equal(await accept.isDisabled(), true);
  await assertAccessible(page, 'the agreement page');
  await screenshot(page, 'agreement-review');
  await page.getByRole('button', { name: 'Microsoft Customer Agreement' }).click();
  await page.getByRole('dialog', { name: 'Microsoft Customer Agreement' }).getByRole('button', { name: 'Close' }).click();
  await page.getByLabel(ACK_LABEL).check();
  await reloadKeeps(page, title);
  await accept.click();
  await h1(page, 'Partner relationships');
  assert.equal(pathOf(page), '/settings/partner-relationships?highlight=wide-world-tech');
  await page.goto(app.url + 'partners/agreement/wide-world-tech');
  await h1(page, title);
  assert.match(await page.getByTestId('agreement-outcome').innerText(), /Nothing more is needed/);
  await assertAccessible(page, 'an agreement already accepted');
  await page.goto(app.url + 'partners/agreement/nobody-here');
  await h1(page, 'Partner not found');
  await assertAccessible(page, 'the agreement page for an unknown partner');
  assertNoProblems(page);
  await page.close();
});

test('the partner simulator issues a granular invitation that is then accepted', async () => {
  const page = await fresh('global-admin', 'demo/partner-simulator');
  await h1(page, 'Partner simulator');
  assert.match(await page.getByRole('note', { name: 'Demo only' }).innerText(), /Demo only/);
  await assertAccessible(page, 'the simulator');
  await page.getByLabel('A new partner').check();
  await page.getByLabel('Partner name').fill("Margie's Travel IT");
  await page.getByLabel(/GDAP relationship/).check();
  await page.getByLabel('Duration').fill('P180D');
  await page.getByLabel('Exchange Administrator').check();
  await page.getByLabel('Teams Administrator').check();
  await assertAccessible(page, 'the simulator, granular form');
  await screenshot(page, 'simulator-granular');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const issued = page.getByTestId('issued');
  await issued.waitFor();
  await issued.getByRole('link', { name: 'Open the invitation' }).click();
  await h1(page, ACCEPT_PAGE);
  assert.match(await page.getByTestId('partner-name').innerText(), /Margie's Travel IT/);
  assert.match(await page.getByTestId('granular-duration').innerText(), /180 days/);
  await reloadKeeps(page, ACCEPT_PAGE);
  await page.getByLabel(ACK_LABEL).check();
  await page.getByRole('button', { name: 'Accept & Authorize' }).click();
  await h1(page, 'Partner relationships');
  assert.equal(pathOf(page), '/settings/partner-relationships?highlight=margie-s-travel-it');
  assertNoProblems(page);
  await page.close();
});

const PRIVILEGED_MEANING = 'Privileged role: it can hand out admin rights, change passwords and sign-in rules, or reach protected data. Grant it only if the partner needs it.';

/** A role's row header on the accept page, found by the name a screen reader hears. */
const roleRow = (page, heard) => page.getByRole('rowheader', { name: heard, exact: true });

test('a privileged role carries a badge that says what it means; a role that is not carries none', async () => {
  const page = await fresh('global-admin', 'partners/invitation/inv-granular-global-admin');
  await h1(page, ACCEPT_PAGE);
  // Seen: the word; heard: the sentence (the word itself is hidden from screen readers).
  const global = roleRow(page, `Global Administrator ${PRIVILEGED_MEANING}`);
  await global.waitFor();
  const badge = global.getByTestId('privileged-badge');
  assert.equal((await badge.locator('.priv-badge__label').innerText()).trim(), 'Privileged');
  assert.equal(await badge.locator('.priv-badge__label').isVisible(), true);
  // The sentence opens under the badge on keyboard focus and on hover.
  const meaning = badge.locator('.priv-badge__meaning');
  assert.ok((await meaning.boundingBox()).width <= 1, 'the sentence is hidden until asked for');
  await badge.focus();
  assert.ok((await meaning.boundingBox()).width > 100, 'focus shows the sentence');
  await assertAccessible(page, 'the accept page with the privileged sentence open');
  await screenshot(page, 'invitation-privileged-badge-focused');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await badge.hover();
  assert.ok((await meaning.boundingBox()).width > 100, 'hover shows the sentence');

  // License Administrator is not privileged: its row is its name alone.
  await page.goto(app.url + 'partners/invitation/inv-granular-helpdesk');
  await h1(page, ACCEPT_PAGE);
  const license = roleRow(page, 'License Administrator');
  await license.waitFor();
  assert.equal(await license.getByTestId('privileged-badge').count(), 0);
  assert.equal(await roleRow(page, `Helpdesk Administrator ${PRIVILEGED_MEANING}`).count(), 1);

  // The partner page badges the roles a partner holds the same way.
  await page.goto(app.url + 'settings/partner-relationships/northwind-traders');
  await h1(page, 'Northwind Traders');
  const held = (name) => page.locator('.role-list li').filter({ has: page.locator('strong', { hasText: name }) }).first();
  assert.equal(await held('Intune Administrator').getByTestId('privileged-badge').count(), 1);
  assert.equal(await held('License Administrator').getByTestId('privileged-badge').count(), 0);
  assertNoProblems(page);
  await page.close();
});

test('the simulator\'s role picker filters the whole catalogue and sends a role the old list of 29 lacked', async () => {
  const page = await fresh('global-admin', 'demo/partner-simulator');
  await h1(page, 'Partner simulator');
  await page.getByLabel('A new partner').check();
  await page.getByLabel('Partner name').fill('Graphic Design Institute IT');
  await page.getByLabel(/GDAP relationship/).check();
  const count = page.locator('#sim-roles-count');
  assert.equal((await count.innerText()).trim(), 'Showing 119 of 119 roles; 0 chosen.');
  const filter = page.getByLabel('Filter roles');
  await filter.fill('teams READER');
  assert.equal((await count.innerText()).trim(), 'Showing 1 of 119 roles; 0 chosen.');
  // Enter in the filter box searches; it doesn't send the invitation.
  await filter.press('Enter');
  assert.equal(await page.getByTestId('issued').count(), 0);
  await page.getByLabel('Teams Reader', { exact: true }).check();
  await filter.fill('global administrator');
  const global = page.getByLabel('Global Administrator', { exact: true });
  // A privileged checkbox is described by what the badge means.
  const described = await global.evaluate((el) => el.getAttribute('aria-describedby')
    .split(' ').map((id) => document.getElementById(id).textContent).join(' '));
  assert.equal(described, PRIVILEGED_MEANING);
  assert.equal(await page.getByLabel('Teams Reader', { exact: true }).isVisible(), false, 'filtered out of sight, still chosen');
  await global.check();
  // A search reads what a role is for too: Global Reader "sees what a Global Administrator sees".
  assert.match((await count.innerText()).trim(), /^Showing [2-9] of 119 roles; 2 chosen\.$/);
  await filter.fill('no such role anywhere');
  assert.match(await page.getByText(/^No role matches/).innerText(), /no such role anywhere/);
  await filter.fill('');
  await assertAccessible(page, 'the simulator with every role listed');
  await screenshot(page, 'simulator-role-picker');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const issued = page.getByTestId('issued');
  await issued.waitFor();
  await issued.getByRole('link', { name: 'Open the invitation' }).click();
  await h1(page, ACCEPT_PAGE);
  await roleRow(page, 'Teams Reader').waitFor();
  assert.equal(await roleRow(page, `Global Administrator ${PRIVILEGED_MEANING}`).count(), 1);
  assertNoProblems(page);
  await page.close();
});

test('the simulator shows the domain refusals next to the field and keeps what was typed, also across a reload', async () => {
  const page = await fresh('global-admin', 'demo/partner-simulator');
  await h1(page, 'Partner simulator');
  await page.getByLabel(/GDAP relationship/).check();
  await page.getByLabel('Relationship name').fill('Emergency access');
  await page.getByLabel('Duration').fill('P90D');
  await page.getByLabel('Global Administrator', { exact: true }).check();
  await page.getByLabel('Auto-extend by 180 days at the end').check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const autoExtendError = page.locator('#sim-auto-extend-error');
  await autoExtendError.filter({ hasText: "Auto-extend can't be on when Global Administrator is among the roles." }).waitFor();
  assert.equal(await page.getByLabel('Auto-extend by 180 days at the end').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Relationship name').inputValue(), 'Emergency access');
  assert.equal(await page.getByLabel('Global Administrator', { exact: true }).isChecked(), true);
  await assertAccessible(page, 'the simulator refusing auto-extend');
  await screenshot(page, 'simulator-refused-auto-extend');

  await page.getByLabel('Auto-extend by 180 days at the end').uncheck();
  await page.getByLabel('Duration').fill('P3Y');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await page.locator('#sim-duration-error').filter({ hasText: /2 years \(P2Y\); P3Y is outside that range/ }).waitFor();
  assert.equal(await page.getByLabel('Duration').inputValue(), 'P3Y');
  assert.equal(await page.getByTestId('issued').count(), 0);
  await assertAccessible(page, 'the simulator refusing the duration');

  // A reload keeps the whole form: the partner, the kind, every field.
  const partner = page.getByLabel('Partner', { exact: true });
  await partner.selectOption({ index: 2 });
  const chosen = await partner.inputValue();
  await reloadKeeps(page, 'Partner simulator');
  assert.equal(await page.getByLabel('Partner', { exact: true }).inputValue(), chosen);
  assert.equal(await page.getByLabel(/GDAP relationship/).isChecked(), true);
  assert.equal(await page.getByLabel('Relationship name').inputValue(), 'Emergency access');
  assert.equal(await page.getByLabel('Duration').inputValue(), 'P3Y');
  assert.equal(await page.getByLabel('Global Administrator', { exact: true }).isChecked(), true);
  assert.equal(await page.getByLabel('Auto-extend by 180 days at the end').isChecked(), false);
  await page.getByLabel('A new partner').check();
  await page.getByLabel('Partner name').fill('Relecloud Labs');
  await reloadKeeps(page, 'Partner simulator');
  assert.equal(await page.getByLabel('Partner name').inputValue(), 'Relecloud Labs');
  assertNoProblems(page);
  await page.close();
});

test('a link pasted from a partner\'s email says what it asks for, opens the invitation the console has, and refuses anything else', async () => {
  const TENANT = '47c1f6d2-b112-48e0-915f-4304efffb3e8';
  const RELATIONSHIP = '5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836';
  const GRANULAR = `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${RELATIONSHIP}`;
  const reseller = (query, fragment = '/BillingAccounts/partner-invitation') =>
    `https://admin.microsoft.com/Adminportal/Home?${query}&partnerId=${TENANT}&msppId=0#${fragment}`;
  const NO_INVITATION = "This console has no invitation for it yet: ask the partner to send it again, or import the relationship's JSON.";

  const page = await fresh('global-admin');
  await h1(page, 'Invitations');
  const box = page.getByLabel("Paste the link from your partner's email");
  const answer = page.getByTestId('partner-link-answer');
  assert.equal(await answer.getAttribute('aria-live'), 'polite');
  const ask = async (text) => {
    await box.fill(text);
    await box.press('Enter');
  };
  const answered = async (text) => {
    await answer.filter({ hasText: text }).waitFor();
    return answer.innerText();
  };

  // Keyboard only: Tab to the box, type the GDAP link, Enter.
  await tabTo(page, '#inv-link');
  await page.keyboard.type(GRANULAR);
  await page.keyboard.press('Enter');
  let said = await answered('A request for a GDAP relationship.');
  assert.match(said, new RegExp(`GDAP relationship id\\s+${RELATIONSHIP}`));
  assert.ok(said.includes(NO_INVITATION), said);
  // It doesn't pretend to know the roles, and follows nothing pasted: its
  // one link is the console's own, to the Graph import.
  assert.doesNotMatch(said, /Administrator/);
  assert.equal(await answer.getByRole('link').count(), 1);
  assert.equal(
    await answer.getByRole('link', { name: "If you have the relationship's JSON from Microsoft Graph, import it" }).getAttribute('href'),
    '/settings/data#import-graph',
  );
  await assertAccessible(page, 'a GDAP link the console has no invitation for');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(page, 'a GDAP link the console has no invitation for (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'invitations-link-gdap-missing');

  // The reseller forms, each with the partner's tenant id.
  for (const [link, kind] of [
    [reseller('invType=ResellerRelationship&DAP=true'), 'A request for a reseller relationship with delegated admin roles (DAP).'],
    [reseller('invType=ResellerRelationship&DAP=false', '/partners/invitation'), 'A request for a reseller relationship.'],
    [reseller('invType=Administration'), 'A request for delegated admin roles (DAP).'],
  ]) {
    await ask(link);
    said = await answered(kind);
    assert.match(said, new RegExp(`Partner tenant id\\s+${TENANT}`), link);
    assert.ok(said.includes(NO_INVITATION), said);
    assert.match(said, /doesn't record partners' tenant ids/);
  }
  await assertAccessible(page, 'a reseller link');

  // Anything else is refused, saying what the box looks for; nothing is
  // followed, and what was pasted is never shown as a link.
  const inbox = pathOf(page);
  for (const [text, why] of [
    [GRANULAR.replace('admin.microsoft.com', 'admin.microsoft.com.evil.example'), 'goes to another site'],
    ['https://evil.example/?admin.microsoft.com', 'goes to another site'],
    ['javascript:alert(document.domain)', "isn't a web link"],
    ['Please accept our invitation', "isn't a web link"],
    [GRANULAR.replace('https:', 'http:'), 'uses http://'],
    ['x'.repeat(10 * 1024), 'far longer than an invitation link'],
  ]) {
    await ask(text);
    said = await answered(why);
    assert.match(said, /This isn't a partner invitation link\./);
    assert.match(said, /starts with https:\/\/admin\.microsoft\.com\/AdminPortal\/Home/);
    assert.equal(await answer.getByRole('link').count(), 0, text.slice(0, 40));
    assert.equal(pathOf(page), inbox);
  }
  await assertAccessible(page, 'a paste that is not an invitation link');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(page, 'a paste that is not an invitation link (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'invitations-link-refused');
  await page.setViewportSize({ width: 375, height: 800 });
  await screenshot(page, 'invitations-link-refused-375');
  await page.setViewportSize({ width: 1280, height: 800 });

  // An invitation kept under the relationship's id (as an imported request
  // may be; invitation ids hold 64 characters, so a bare GUID) is found and
  // opened, by keyboard.
  const KEPT = 'a5f8c9d2-3b41-4e7a-9c6d-2f1e0b8a7c35';
  await page.goto(`${app.url}settings/data`);
  await waitForApp(page);
  const exported = await exportData(page);
  const invitation = exported.state.invitations.find((i) => i.id === 'inv-granular-helpdesk');
  invitation.id = KEPT;
  await page.getByLabel('JSON file to import').setInputFiles({
    name: 'relationship.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)),
  });
  await page.getByText('Imported “relationship.json”').waitFor();
  await page.goto(`${app.url}partners/invitations`);
  await h1(page, 'Invitations');
  await ask(GRANULAR.replace(RELATIONSHIP, KEPT.toUpperCase()));
  said = await answered('This console has the request.');
  assert.match(said, /A request for a GDAP relationship\./);
  await assertAccessible(page, 'a GDAP link the console has');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(page, 'a GDAP link the console has (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'invitations-link-found');
  await tabTo(page, 'a', { contains: 'Open the invitation from Contoso Cloud Partners' });
  await page.keyboard.press('Enter');
  await h1(page, ACCEPT_PAGE);
  assert.equal(pathOf(page), `/partners/invitation/${KEPT}`);
  assertNoProblems(page);
  await page.close();
});
