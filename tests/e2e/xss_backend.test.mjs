// Script injection through the backend: another client writes the payload
// corpus into the server's state (partner names, websites and invitation
// ids via the API), and the app, which keeps its data there, shows every
// one of them as text on each page that lists them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend } from './lib/backend.mjs';
import { DIST } from './lib/dist.mjs';
import { openPage, waitForApp, assertNoProblems } from './lib/browser.mjs';
import { setUp } from './lib/setup.mjs';
import { fitting, installSinks, injectedMarkup } from './lib/payloads.mjs';

let server;
let hits;
// The build is served by the backend, not by a static server.
const app = setUp({
  dist: null,
  prepare: async ({ context }) => {
    hits = await installSinks(context);
    server = await startBackend({ dist: DIST });
  },
});
after(async () => {
  await server?.stop();
});

/** Text as compared: runs of white space as one, zero-width marks dropped. */
function plain(text) {
  return text.replace(/[\u200b-\u200d\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

/** Sends one command to the server as another client would. */
async function command(body, n) {
  const { etag } = await server.state();
  const res = await fetch(server.url + 'api/commands', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-persona': 'global-admin',
      'idempotency-key': `xss-backend-${n}`,
      'if-match': etag,
    },
    body: JSON.stringify({ command: body }),
  });
  return res;
}

test('payloads written through the API show as text in the app served by the backend', async () => {
  const { body } = await server.state();
  const template = body.state.partners.find((p) => p.id === 'fabrikam-it');
  assert.ok(template, 'the demo partner to copy');
  const payloads = fitting(200);
  assert.ok(payloads.length >= 50, `${payloads.length} payloads fit a partner name`);
  const sent = [];
  for (const [n, payload] of payloads.entries()) {
    const res = await command({
      type: 'issueInvitation',
      invitationId: `inv-${sent.length}`,
      partner: { ...template, id: `xss-${n}`, name: payload.text, website: payload.text },
      relationshipTypes: ['reseller'],
    }, n);
    // The engine may refuse some input (e.g. a name it can't take), and
    // says so as problem+json; everything else lands.
    if (res.status === 200) sent.push(payload);
    else assert.equal(res.headers.get('content-type'), 'application/problem+json');
  }
  assert.ok(sent.length >= 50, `${sent.length} payloads landed on the server`);

  const page = await openPage(app.context);
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate(() => localStorage.setItem('partner-console.persona', 'global-admin'));
  for (const path of ['partners/invitations', 'activity', 'settings/partner-relationships?status=all']) {
    await page.goto(server.url + path);
    await waitForApp(page);
    // Let every row render before reading the page's text.
    await page.waitForTimeout(300);
    const shown = plain(await page.locator('main').innerText());
    if (path === 'partners/invitations') {
      const missing = sent.filter((p) => !shown.includes(plain(p.text).slice(0, 40)));
      assert.deepEqual(missing.map((p) => p.name), [], `names not shown literally: ${missing.map((p) => p.name).join(', ')}`);
    }
    assert.deepEqual(hits, [], `a payload ran on ${path}`);
    assert.deepEqual(await injectedMarkup(page), [], `markup was injected on ${path}`);
  }
  // The accept page of every payload's invitation.
  for (const n of sent.keys()) {
    await page.goto(`${server.url}partners/invitation/${encodeURIComponent(`inv-${n}`)}`);
    await waitForApp(page);
  }
  assert.deepEqual(hits, [], 'a payload ran on an invitation page');
  assert.deepEqual(await injectedMarkup(page), []);
  assertNoProblems(page);
  await page.close();
});
