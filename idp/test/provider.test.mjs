// The development provider issues what the console's backend will rely on:
// Entra-shaped claims, PKCE enforced, API tokens for the right audience,
// and a sign-in page that checks the demo password.
//
//   node --test idp/test/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, decodeJwt } from 'jose';

import { startProvider } from '../server.mjs';
import { CONSOLE_CLIENT_ID, CONSOLE_CLIENT_SECRET } from '../provider.mjs';
import { API_AUDIENCE, AUTOMATION_SECRET, ORGANIZATIONS, ROLE } from '../directory.mjs';

const CONSOLE = 'http://127.0.0.1:8090';
const REDIRECT = `${CONSOLE}/auth/callback`;
let idp;
let jwks;

before(async () => {
  idp = await startProvider({ port: 0, consoles: [CONSOLE] });
  const discovery = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
  jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));
});
after(() => idp.close());

const basic = (id, secret) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

async function token(clientId, secret, form) {
  const res = await fetch(`${idp.issuer}/token`, {
    method: 'POST',
    headers: { authorization: basic(clientId, secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: await res.json() };
}

// A browser's cookie jar, enough for one sign-in round trip.
class Browser {
  cookies = new Map();
  async go(url, init = {}) {
    const headers = { ...(init.headers ?? {}), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authorizeUrl(extra = {}) {
  const url = new URL(`${idp.issuer}/auth`);
  const params = {
    client_id: CONSOLE_CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'openid',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    ...extra,
  };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url;
}

// Follows redirects inside the provider until it sends the browser
// elsewhere (the console's callback) or shows a page.
async function follow(browser, res) {
  while (res.status >= 300 && res.status < 400) {
    const next = new URL(res.headers.get('location'), idp.issuer);
    if (next.origin !== idp.issuer) return { res, location: next };
    res = await browser.go(next);
  }
  return { res };
}

/** Signs in through the sign-in page; returns the code (or the error redirect). */
async function signIn(username, password, { challenge } = {}) {
  const browser = new Browser();
  const { res: loginPage } = await follow(browser, await browser.go(authorizeUrl({ code_challenge: challenge, code_challenge_method: challenge && 'S256' })));
  const html = await loginPage.text();
  const action = /action="([^"]+)"/.exec(html)?.[1];
  assert.ok(action, `a sign-in form, got ${loginPage.status}: ${html.slice(0, 200)}`);
  const submitted = await browser.go(new URL(action, idp.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }),
  });
  return follow(browser, submitted);
}

async function exchange(code, verifier) {
  return token(CONSOLE_CLIENT_ID, CONSOLE_CLIENT_SECRET, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
}

test('discovery names the issuer, its keys and PKCE with S256', async () => {
  const doc = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
  assert.equal(doc.issuer, idp.issuer);
  assert.ok(doc.jwks_uri.startsWith(idp.issuer));
  assert.deepEqual(doc.code_challenge_methods_supported, ['S256']);
});

test('an automation client gets a signed API token with its organization and Global Administrator', async () => {
  const { status, body } = await token('adatum-automation', AUTOMATION_SECRET, { grant_type: 'client_credentials', resource: API_AUDIENCE });
  assert.equal(status, 200, JSON.stringify(body));
  const { payload, protectedHeader } = await jwtVerify(body.access_token, jwks, { issuer: idp.issuer, audience: API_AUDIENCE });
  assert.equal(protectedHeader.alg, 'RS256');
  assert.equal(payload.tid, ORGANIZATIONS.adatum.tid);
  assert.deepEqual(payload.wids, [ROLE.globalAdministrator]);
  assert.equal(payload.azp, 'adatum-automation');
  assert.ok(payload.exp > payload.iat);

  const contoso = await token('contoso-automation', AUTOMATION_SECRET, { grant_type: 'client_credentials', resource: API_AUDIENCE });
  assert.equal(decodeJwt(contoso.body.access_token).tid, ORGANIZATIONS.contoso.tid);
});

test('a wrong client secret or another audience gets no token', async () => {
  const wrong = await token('adatum-automation', 'not-the-secret', { grant_type: 'client_credentials', resource: API_AUDIENCE });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error, 'invalid_client');
  const other = await token('adatum-automation', AUTOMATION_SECRET, { grant_type: 'client_credentials', resource: 'api://somewhere-else' });
  assert.equal(other.status, 400);
  assert.equal(other.body.error, 'invalid_target');
});

test('a Billing Administrator signs in with code and PKCE and gets Entra-shaped claims', async () => {
  const { verifier, challenge } = pkce();
  const { location } = await signIn('billing@adatum.example', 'demo', { challenge });
  assert.ok(location, 'sent back to the console');
  assert.equal(`${location.origin}${location.pathname}`, REDIRECT);
  const code = location.searchParams.get('code');
  assert.ok(code, location.href);

  const { status, body } = await exchange(code, verifier);
  assert.equal(status, 200, JSON.stringify(body));
  const { payload: id } = await jwtVerify(body.id_token, jwks, { issuer: idp.issuer, audience: CONSOLE_CLIENT_ID });
  assert.equal(id.tid, ORGANIZATIONS.adatum.tid);
  assert.equal(id.preferred_username, 'billing@adatum.example');
  assert.equal(id.name, 'Blair Nguyen');
  assert.equal(id.oid, id.sub);
  assert.deepEqual(id.wids, [ROLE.billingAdministrator, ROLE.member]);
  assert.equal(id.idp, undefined, 'a member of the organization has no idp claim');

  const { payload: access } = await jwtVerify(body.access_token, jwks, { issuer: idp.issuer, audience: API_AUDIENCE });
  assert.equal(access.tid, ORGANIZATIONS.adatum.tid);
  assert.deepEqual(access.wids, id.wids);

  // A code is good once.
  const replay = await exchange(code, verifier);
  assert.equal(replay.status, 400);
  assert.equal(replay.body.error, 'invalid_grant');
});

test('the partner agent signs in to Adatum with its home tenant in idp', async () => {
  const { verifier, challenge } = pkce();
  const { location } = await signIn('agent@fabrikam-partner.example', 'demo', { challenge });
  const { body } = await exchange(location.searchParams.get('code'), verifier);
  const id = decodeJwt(body.id_token);
  assert.equal(id.tid, ORGANIZATIONS.adatum.tid);
  assert.equal(id.idp, `https://sts.windows.net/${ORGANIZATIONS.fabrikam.tid}/`);
});

test('a wrong password shows the sign-in page again with the reason, and no code', async () => {
  const { challenge } = pkce();
  const { res, location } = await signIn('admin@adatum.example', 'admin', { challenge });
  assert.equal(location, undefined);
  assert.equal(res.status, 401);
  const html = await res.text();
  assert.match(html, /role="alert"[^>]*>That email and password don’t match a demo account/);
  assert.match(html, /value="admin@adatum.example"/, 'what was typed is kept');
});

test('a request without PKCE, or a code redeemed with the wrong verifier, is refused', async () => {
  const browser = new Browser();
  const { location } = await follow(browser, await browser.go(authorizeUrl()));
  assert.equal(location?.searchParams.get('error'), 'invalid_request');
  assert.match(location.searchParams.get('error_description'), /PKCE/);

  const { challenge } = pkce();
  const signedIn = await signIn('admin@contoso.example', 'demo', { challenge });
  const wrong = await exchange(signedIn.location.searchParams.get('code'), pkce().verifier);
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.error, 'invalid_grant');
});
