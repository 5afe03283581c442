// The app's side of sign-in mode (issue 17), against a stand-in server
// (lib/signin.mjs standInPage): what it sends, and what it does when the
// session ends while a page is open. signin.test.mjs runs the same flows
// against the real backend and identity provider.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForApp, assertNoProblems } from './lib/browser.mjs';
import { heading, fillContactForm } from './lib/flows.mjs';
import { setUp } from './lib/setup.mjs';
import { standInPage, ADMIN_SESSION } from './lib/signin.mjs';

const app = setUp();
const ALLOWED = ['status of 401'];
const CONTACT = 'partners/contact?partners=p-000001';

async function goto(page, path) {
  await page.goto(app.url + path);
  await waitForApp(page);
}

test("the persona is the session's, every request says it is the console's, and none claims a persona", async () => {
  const billing = { ...ADMIN_SESSION, user: { ...ADMIN_SESSION.user, name: 'Blair Nguyen' }, role: 'Billing Administrator', persona: 'billing-admin' };
  const page = await standInPage(app.context, app.url, billing);
  // A persona left in storage by the demo changes nothing.
  await page.addInitScript(() => localStorage.setItem('partner-console.persona', 'global-admin'));
  await goto(page, 'partners/invitation/inv-granular-global-admin');
  await heading(page, 'Accept agreement & authorize partner');
  assert.match(await page.getByTestId('accept-refusal').innerText(), /Only a Global Administrator can grant or remove partner admin roles\./);
  assert.equal(await page.getByTestId('account-name').innerText(), 'Blair Nguyen');

  page.standIn.signOut();
  await goto(page, CONTACT);
  const sent = page.standIn.requests;
  assert.ok(sent.some((r) => r.path === '/api/state') && sent.some((r) => r.path === '/auth/session'));
  for (const r of sent) {
    assert.equal(r.headers['x-requested-with'], 'partner-console', `${r.method} ${r.path}`);
    assert.equal(r.headers['x-persona'], undefined, `${r.method} ${r.path} claims a persona`);
  }
  assertNoProblems(page, ALLOWED);
  await page.close();
});

test('a send refused because the session ended is not reported as done; Sign in again comes back to the page with the form as typed', async () => {
  const page = await standInPage(app.context, app.url, ADMIN_SESSION);
  // The provider's round trip, stood in for: signed in again, back to returnTo.
  const signIns = [];
  await page.route((url) => url.pathname === '/auth/sign-in', (route) => {
    const returnTo = new URL(route.request().url()).searchParams.get('returnTo');
    signIns.push(returnTo);
    page.standIn.signedIn = true;
    return route.fulfill({ status: 302, headers: { location: returnTo } });
  });
  await goto(page, CONTACT);
  await heading(page, 'Contact partners');
  const needs = 'We need help moving 40 mailboxes to Exchange Online before March.';
  await fillContactForm(page, { email: 'avery@adatum.example', needs });

  page.standIn.signOut();
  await page.getByRole('button', { name: 'Send' }).click();
  const ended = page.getByTestId('session-ended');
  await ended.waitFor();
  assert.match(await ended.innerText(), /Your session has ended/);
  assert.match(await ended.innerText(), /what you typed is kept/);
  assert.match(await page.getByRole('alert').filter({ hasText: 'not sent' }).innerText(), /session has ended, so nothing was changed/);
  assert.equal(await page.getByTestId('confirmation').count(), 0, 'the send is not reported as done');
  assert.equal(await page.getByLabel('Business needs').inputValue(), needs);
  const write = page.standIn.requests.find((r) => r.path === '/api/commands');
  assert.equal(write.headers['x-requested-with'], 'partner-console');
  assert.equal(write.headers['x-persona'], undefined);

  await ended.getByRole('button', { name: 'Sign in again' }).click();
  await heading(page, 'Contact partners');
  assert.deepEqual(signIns, ['/' + CONTACT]);
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/' + CONTACT);
  assert.equal(await page.getByTestId('session-ended').count(), 0);
  assert.equal(await page.getByLabel('Business needs').inputValue(), needs);
  assert.equal(await page.getByLabel('Email').inputValue(), 'avery@adatum.example');
  assert.equal(await page.getByLabel('City').inputValue(), 'Berlin');
  assert.equal(await page.locator('#contact-industry').inputValue(), 'Healthcare');
  assertNoProblems(page, ALLOWED);
  await page.close();
});

test('a session that ends while a page is open is noticed without an action, and what was typed stays', async () => {
  const page = await standInPage(app.context, app.url, ADMIN_SESSION);
  await goto(page, 'settings/data');
  await heading(page, 'Data');
  const pasted = '{"value": []}';
  await page.getByLabel('Microsoft Graph JSON', { exact: true }).fill(pasted);
  await goto(page, 'partners/invitations');
  await page.getByLabel("Paste the link from your partner's email").fill('https://admin.microsoft.com/x');
  page.standIn.signOut();
  // The next check for changes (every 5 s) hears the 401.
  await page.getByTestId('session-ended').waitFor({ timeout: 15000 });
  assert.equal(await page.getByLabel("Paste the link from your partner's email").inputValue(), 'https://admin.microsoft.com/x');
  // Both drafts are kept for the tab, for after signing in again.
  page.standIn.signedIn = true;
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByLabel("Paste the link from your partner's email").inputValue(), 'https://admin.microsoft.com/x');
  await goto(page, 'settings/data');
  assert.equal(await page.getByLabel('Microsoft Graph JSON', { exact: true }).inputValue(), pasted);
  assertNoProblems(page, ALLOWED);
  await page.close();
});
