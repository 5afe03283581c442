// Sign-in mode end to end (issue 17): the backend as a confidential OpenID
// Connect client of the development provider (idp/), and people signing in
// through the provider's real sign-in page. Each test has its own provider,
// server (Adatum on the demo data) and browser, so no test sees another's
// session or changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launch, openPage, waitForApp, assertNoProblems, assertAccessible, screenshot } from './lib/browser.mjs';
import { heading, fillContactForm } from './lib/flows.mjs';
import { DIST } from './lib/dist.mjs';
import { startSignInServer, signIn, signOut, apiGet, REQUESTED_WITH } from './lib/signin.mjs';

const ADMIN = 'admin@adatum.example';
const BILLING = 'billing@adatum.example';
const READER = 'reader@adatum.example';
const CONTOSO = 'admin@contoso.example';
const AGENT = 'agent@fabrikam-partner.example';
const ACCEPT_PAGE = 'Accept agreement & authorize partner';
const ACK_LABEL = 'I have read the Microsoft Customer Agreement and accept it on behalf of my organization.';

// Chromium logs each 401 it gets: the sign-in pages ask who is signed in,
// and a session that ended answers 401 by design.
const ALLOWED = ['status of 401'];

const h1 = (page, name) => heading(page, name, { timeout: 15000 });
const pathOf = (page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

/** A fresh provider, server and browser for `steps`, all stopped after. */
async function signInMode(steps, { options } = {}) {
  const server = await startSignInServer({ dist: DIST });
  const browser = await launch(options);
  try {
    await steps({ server, context: browser.context });
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** A page opened at `path`, then signed in as `username`: back at `path`. */
async function signedIn(context, server, username, path = '') {
  const page = await openPage(context);
  await page.goto(server.url + path);
  await waitForApp(page);
  await signIn(page, username, { consoleOrigin: server.origin });
  return page;
}

/** The server's state as the signed-in person of `context` reads it. */
async function savedState(context, server) {
  const { status, body, etag } = await apiGet(context, server.url, '/api/state');
  assert.equal(status, 200, `GET /api/state: ${body.slice(0, 200)}`);
  return { etag, text: body };
}

test('any page asks to sign in first, and signing in through the provider comes back to it, with who is signed in in the header', async () => {
  await signInMode(async ({ server, context }) => {
    const page = await openPage(context);
    await page.goto(server.url + 'settings/partner-relationships?status=expiring');
    await h1(page, 'Sign in to the partner console');
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
    assert.equal(await page.getByLabel('Switch persona').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.matches('main h1')), true, 'focus starts on the heading');
    assert.equal(
      await page.getByRole('link', { name: 'Sign in' }).getAttribute('href'),
      '/auth/sign-in?returnTo=/settings/partner-relationships%3Fstatus%3Dexpiring',
    );
    await assertAccessible(page, 'the sign-in page');
    await screenshot(page, 'signin-e2e-sign-in');

    await signIn(page, ADMIN, { consoleOrigin: server.origin });
    await h1(page, 'Partner relationships');
    assert.equal(pathOf(page), '/settings/partner-relationships?status=expiring');
    assert.equal(await page.getByTestId('account-name').innerText(), 'Avery Howard');
    assert.match(await page.getByTestId('account-role').innerText(), /Global Administrator/);
    assert.equal(await page.getByTestId('organization').innerText(), 'Adatum Corporation');
    // The persona is the session's; the demo tools the server refuses are not offered.
    assert.equal(await page.getByLabel('Switch persona').count(), 0);
    assert.equal(await page.getByTestId('demo-date').count(), 0);
    const nav = await page.getByRole('navigation', { name: 'Main' }).innerText();
    assert.doesNotMatch(nav, /Partner simulator/);
    assert.match(nav, /Partner relationships/);
    // No token reaches the page: the session is an HttpOnly cookie.
    assert.equal(await page.evaluate(() => document.cookie), '');
    const cookie = (await context.cookies()).find((c) => c.name === 'partner_console_session');
    assert.ok(cookie?.httpOnly, 'the session cookie is HttpOnly');
    await assertAccessible(page, 'the signed-in header');
    await screenshot(page, 'signin-e2e-signed-in');
    assertNoProblems(page, ALLOWED);
  });
});

test('a Global Administrator accepts a granular invitation, and the server keeps it', async () => {
  await signInMode(async ({ server, context }) => {
    const page = await signedIn(context, server, ADMIN, 'partners/invitation/inv-granular-helpdesk');
    await h1(page, ACCEPT_PAGE);
    await page.getByLabel(ACK_LABEL).check();
    await page.getByRole('button', { name: 'Accept & Authorize' }).click();
    await h1(page, 'Partner relationships');
    assert.equal(pathOf(page), '/settings/partner-relationships?highlight=contoso-cloud');
    await page.locator('.toast').filter({ hasText: 'Invitation accepted' }).waitFor();
    const { text } = await savedState(context, server);
    assert.match(text, /Accepted & authorized the invitation from Contoso Cloud Partners/);
    // The activity names the real person.
    assert.match(text, /Avery Howard/);
    await page.goto(server.url + 'partners/invitation/inv-granular-helpdesk');
    await h1(page, 'This invitation has already been accepted');
    assertNoProblems(page, ALLOWED);
  });
});

test('a Billing Administrator is refused the admin roles and accepts a reseller invitation', async () => {
  await signInMode(async ({ server, context }) => {
    const page = await signedIn(context, server, BILLING, 'partners/invitation/inv-granular-global-admin');
    await h1(page, ACCEPT_PAGE);
    assert.match(await page.getByTestId('account-role').innerText(), /Billing Administrator/);
    assert.equal(await page.getByRole('button', { name: 'Accept & Authorize' }).count(), 0);
    assert.match(await page.getByTestId('accept-refusal').innerText(), /Only a Global Administrator can grant or remove partner admin roles\./);

    await page.goto(server.url + 'partners/invitation/inv-reseller');
    await h1(page, ACCEPT_PAGE);
    await page.getByLabel(ACK_LABEL).check();
    await page.getByRole('button', { name: 'Accept & Authorize' }).click();
    await h1(page, 'Partner relationships');
    assert.equal(pathOf(page), '/settings/partner-relationships?highlight=relecloud');
    assertNoProblems(page, ALLOWED);
  });
});

test('a Global Reader sees everything and can change nothing', async () => {
  await signInMode(async ({ server, context }) => {
    const page = await signedIn(context, server, READER, 'partners/invitations');
    await h1(page, 'Invitations');
    assert.match(await page.getByTestId('account-role').innerText(), /Global Reader/);
    assert.match(await page.locator('#inbox-pending').innerText(), /Contoso Cloud Partners/);
    await page.goto(server.url + 'settings/partner-relationships/fabrikam-it');
    await h1(page, 'Fabrikam IT Services');
    assert.equal(await page.getByRole('button', { name: 'Remove roles' }).count(), 0);
    // The notice names the role the directory gives, as the header does.
    assert.match(
      await page.getByTestId('permission-notice').innerText(),
      /Signed in as Global Reader, you can view this partner but not change anything here\./,
    );
    await page.goto(server.url + 'partners/invitation/inv-granular-helpdesk');
    await h1(page, ACCEPT_PAGE);
    assert.equal(await page.getByRole('button', { name: 'Accept & Authorize' }).count(), 0);

    // Asked directly, with the session and the header, the server refuses too.
    const before = await savedState(context, server);
    const res = await context.request.post(server.url + 'api/commands', {
      headers: { ...REQUESTED_WITH, 'Content-Type': 'application/json', 'Idempotency-Key': 'reader-try-1', 'If-Match': before.etag },
      data: { command: { type: 'declineInvitation', invitationId: 'inv-reseller' } },
    });
    assert.equal(res.status(), 403, await res.text());
    // The invitation is still waiting (the refusal itself is in the activity log).
    await page.goto(server.url + 'partners/invitation/inv-reseller');
    await h1(page, ACCEPT_PAGE);
    assertNoProblems(page, ALLOWED);
  });
});

test("Contoso's admin sees none of Adatum's data", async () => {
  await signInMode(async ({ server, context }) => {
    const page = await signedIn(context, server, CONTOSO, 'partners/invitations');
    await h1(page, 'Invitations');
    assert.equal(await page.getByTestId('organization').innerText(), 'Contoso Ltd');
    assert.equal(await page.getByTestId('account-name').innerText(), 'Finley Okafor');
    await page.getByText('No invitations are waiting.').waitFor();
    await page.goto(server.url);
    await h1(page, 'Home');
    assert.equal(await page.getByTestId('count-partners').locator('.home-card__count').innerText(), '0');
    await page.goto(server.url + 'partners/invitation/inv-granular-helpdesk');
    await h1(page, 'Invitation not found');
    await page.goto(server.url + 'settings/partner-relationships/fabrikam-it');
    await page.getByText("There's no partner with the id").waitFor({ timeout: 15000 });
    const { text } = await savedState(context, server);
    for (const adatum of ['Fabrikam IT Services', 'Contoso Cloud Partners', 'inv-granular-helpdesk', 'Adatum']) {
      assert.ok(!text.includes(adatum), `Contoso's state holds ${adatum}`);
    }
    assertNoProblems(page, ALLOWED);
  });
});

test('the AOBO agent sees the reduced Billing menu', async () => {
  await signInMode(async ({ server, context }) => {
    const page = await signedIn(context, server, AGENT, 'billing');
    await h1(page, 'Billing');
    assert.equal(await page.getByTestId('organization').innerText(), 'Adatum Corporation');
    const items = await page.getByRole('navigation', { name: 'Billing menu' }).getByRole('link').allInnerTexts();
    assert.deepEqual(items, ['Licenses', 'Billing notifications']);
    assert.match(await page.getByTestId('aobo-notice').innerText(), /Partner Center/);
    await assertAccessible(page, 'Billing for the AOBO agent');
    await screenshot(page, 'signin-e2e-aobo-billing');
    assertNoProblems(page, ALLOWED);
  });
});

test('a session that ends in the middle of the contact form loses nothing: the send is not reported done, and after signing in again the form is back', async () => {
  await signInMode(async ({ server, context }) => {
    const path = 'partners/contact?partners=p-000001';
    const page = await signedIn(context, server, ADMIN, path);
    await h1(page, 'Contact partners');
    const needs = 'We need help moving 40 mailboxes to Exchange Online before March.';
    await fillContactForm(page, { email: 'avery@adatum.example', needs });
    // The session ends (its cookie is gone), then Send.
    await context.clearCookies();
    await page.getByRole('button', { name: 'Contact me' }).or(page.getByRole('button', { name: 'Send' })).click();
    const ended = page.getByTestId('session-ended');
    await ended.waitFor({ timeout: 15000 });
    assert.match(await ended.innerText(), /Your session has ended/);
    assert.equal(await page.getByTestId('confirmation').count(), 0, 'the send is not reported as done');
    assert.match(await page.getByRole('alert').filter({ hasText: 'not sent' }).innerText(), /session has ended/);
    assert.equal(await page.getByLabel('Business needs').inputValue(), needs, 'what was typed is still on screen');
    await assertAccessible(page, 'the session-ended notice');
    await screenshot(page, 'signin-e2e-session-ended');

    await ended.getByRole('button', { name: 'Sign in again' }).click();
    await signIn(page, ADMIN, { consoleOrigin: server.origin });
    await h1(page, 'Contact partners');
    assert.equal(pathOf(page), '/' + path);
    assert.equal(await page.getByLabel('Business needs').inputValue(), needs);
    assert.equal(await page.getByLabel('City').inputValue(), 'Berlin');
    assert.equal(await page.getByLabel('Email').inputValue(), 'avery@adatum.example');
    assert.equal(await page.locator('#contact-country').inputValue(), 'Germany');
    await page.getByRole('button', { name: 'Contact me' }).or(page.getByRole('button', { name: 'Send' })).click();
    await page.getByTestId('confirmation').waitFor({ timeout: 15000 });
    assert.match(await savedState(context, server).then((s) => s.text), /avery@adatum\.example/);
    assertNoProblems(page, ALLOWED);
  });
});

test('Sign out ends the session (the API answers 401 after), comes back to the signed-out page, and another open tab says so', async () => {
  await signInMode(async ({ server, context }) => {
    const other = await signedIn(context, server, ADMIN, 'partners/contact?partners=p-000002');
    await h1(other, 'Contact partners');
    await other.getByLabel('City').fill('Lisbon');
    const page = await openPage(context);
    await page.goto(server.url + 'activity');
    await h1(page, 'Activity');
    assert.equal((await apiGet(context, server.url, '/api/state')).status, 200);

    await signOut(page, server.origin);
    await h1(page, "You're signed out");
    assert.equal(await page.getByRole('link', { name: 'Sign in' }).getAttribute('href'), '/auth/sign-in?returnTo=/');
    await assertAccessible(page, 'the signed-out page');
    await screenshot(page, 'signin-e2e-signed-out');
    assert.equal((await apiGet(context, server.url, '/api/state')).status, 401);
    assert.equal((await apiGet(context, server.url, '/auth/session')).status, 401);
    // The other tab hears it on its next check, and keeps what was typed.
    await other.getByTestId('session-ended').waitFor({ timeout: 15000 });
    assert.equal(await other.getByLabel('City').inputValue(), 'Lisbon');
    await other.reload();
    await h1(other, 'Sign in to the partner console');
    await signIn(other, ADMIN, { consoleOrigin: server.origin });
    await h1(other, 'Contact partners');
    assert.equal(await other.getByLabel('City').inputValue(), 'Lisbon');
    assertNoProblems(page, ALLOWED);
  });
});

test('a page on another origin that posts to the console with the cookie changes nothing', async () => {
  await signInMode(async ({ server, context }) => {
    const page = await signedIn(context, server, ADMIN, 'partners/invitations');
    await h1(page, 'Invitations');
    const before = await savedState(context, server);
    const command = JSON.stringify({ command: { type: 'declineInvitation', invitationId: 'inv-reseller' } });
    // Another site on this machine: a form post, and a fetch that sends the cookie.
    const evil = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Win a prize</title>
<form id="f" method="post" action="${server.url}api/commands" enctype="text/plain" target="sink">
<input type="hidden" name='${command.slice(0, -1)},"x":"' value='"}'></form>
<form id="out" method="post" action="${server.url}auth/sign-out" target="sink2"></form>
<iframe name="sink"></iframe><iframe name="sink2"></iframe>
<script>
  window.results = [];
  fetch(${JSON.stringify(server.url + 'api/commands')}, { method: 'POST', credentials: 'include', mode: 'no-cors',
    headers: { 'Content-Type': 'text/plain' }, body: ${JSON.stringify(command)} })
    .then(() => results.push('fetch'), () => results.push('fetch failed'));
  document.getElementById('f').submit();
  document.getElementById('out').submit();
</script>`);
    });
    await new Promise((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      const attacker = await openPage(context);
      await attacker.goto(`http://127.0.0.1:${evil.address().port}/`);
      await attacker.waitForFunction(() => window.results.length > 0);
      await attacker.waitForTimeout(1500);
      await attacker.close();
    } finally {
      await new Promise((resolve) => evil.close(resolve));
    }
    const after = await savedState(context, server);
    assert.equal(after.etag, before.etag, 'the state did not change');
    assert.equal(after.text, before.text);
    // Still signed in: the cross-site sign-out was refused too.
    assert.equal((await apiGet(context, server.url, '/auth/session')).status, 200);
    await page.reload();
    await h1(page, 'Invitations');
    assert.match(await page.locator('#inbox-pending').innerText(), /Relecloud/);
  });
});

test('/auth/sign-in with a returnTo on another origin does not leave the console', async () => {
  await signInMode(async ({ server, context }) => {
    const page = await openPage(context);
    await page.goto(server.url + 'auth/sign-in?returnTo=//evil.example/steal');
    await signIn(page, ADMIN, { consoleOrigin: server.origin });
    assert.equal(new URL(page.url()).origin, server.origin);
    await h1(page, 'Home');
    assert.equal(pathOf(page), '/');
  });
});

test('a sign-in that comes back with a problem says so clearly and offers Try again to the same page', async () => {
  await signInMode(async ({ server, context }) => {
    const page = await openPage(context);
    await page.goto(server.url + 'sign-in?problem=cancelled&returnTo=%2Factivity');
    await h1(page, "Sign-in didn't work");
    assert.match(await page.getByRole('alert').innerText(), /The sign-in was cancelled, so you are not signed in\./);
    await assertAccessible(page, 'a sign-in problem');
    await signIn(page, ADMIN, { consoleOrigin: server.origin });
    await h1(page, 'Activity');
    assert.equal(pathOf(page), '/activity');
    assertNoProblems(page, ALLOWED);
  });
});
