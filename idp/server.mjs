// Runs the development OpenID Connect provider with its sign-in page.
//
//   node idp/server.mjs [--host 127.0.0.1] [--port 8091]
//                       [--console http://127.0.0.1:8090] [--console ...]
//
// Each --console is an origin of the console's backend: its sign-in
// callback (/auth/callback) and its signed-out page (/signed-out) are allowed.
// Prints "ready <issuer>" once it listens.

import http from 'node:http';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

import { createProvider, escapeHtml, page } from './provider.mjs';
import { ACCOUNTS, DEMO_PASSWORD, accountByUsername } from './directory.mjs';

const MAX_FORM_BYTES = 8 * 1024;

/** Starts the provider; resolves to { issuer, server, close() }. */
export async function startProvider({ host = '127.0.0.1', port = 8091, consoles = ['http://127.0.0.1:8090'] } = {}) {
  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const issuer = `http://${host}:${server.address().port}`;
  const origins = consoles.map((c) => c.replace(/\/+$/, ''));
  const provider = await createProvider({
    issuer,
    redirectUris: origins.map((o) => `${o}/auth/callback`),
    postLogoutRedirectUris: origins.map((o) => `${o}/signed-out`),
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    // No icon: say so without a 404 in the browser's console.
    if (req.url === '/favicon.ico') {
      res.statusCode = 204;
      return res.end();
    }
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url, issuer).pathname);
    if (!match) return callback(req, res);
    interaction(provider, req, res, Boolean(match[2])).catch((error) => {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page('Sign-in problem', `<h1>Sign-in problem</h1>
<p class="error" role="alert">This sign-in has expired or was already used (${escapeHtml(error.message)}).</p>
<p>Go back to the console and choose Sign in again.</p>`));
    });
  });
  return {
    issuer,
    server,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

async function interaction(provider, req, res, isSubmit) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params, session } = details;

  if (prompt.name === 'consent') {
    // First-party app: grant what it asked for without asking.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  if (req.method === 'POST' && isSubmit) {
    const form = await readForm(req);
    const account = accountByUsername(form.get('username'));
    if (account && form.get('password') === DEMO_PASSWORD) {
      return provider.interactionFinished(req, res, { login: { accountId: account.oid } }, { mergeWithLastSubmission: false });
    }
    return sendLogin(res, uid, form.get('username') ?? '', 'That email and password don’t match a demo account. Every demo account’s password is “demo”.');
  }
  return sendLogin(res, uid, params.login_hint ?? '', null);
}

function sendLogin(res, uid, username, error) {
  res.statusCode = error ? 401 : 200;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  const rows = ACCOUNTS.map((a) => `<tr><td>${escapeHtml(a.username)}</td><td>${escapeHtml(a.organization)}</td><td>${escapeHtml(a.role)}</td></tr>`).join('');
  res.end(page('Sign in', `<h1>Sign in</h1>
<p class="note">Demo sign-in service for the partner console. Not for real accounts.</p>
${error ? `<p class="error" role="alert" id="login-error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" novalidate>
  <label for="username">Email</label>
  <input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(username)}"${error ? ' aria-describedby="login-error" aria-invalid="true"' : ''}${username ? '' : ' autofocus'}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${username ? ' autofocus' : ''}>
  <button type="submit">Sign in</button>
</form>
<details>
<summary>Demo accounts (password “demo”)</summary>
<table><thead><tr><th scope="col">Email</th><th scope="col">Organization</th><th scope="col">Role</th></tr></thead><tbody>${rows}</tbody></table>
</details>`));
}

async function readForm(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8091' },
      console: { type: 'string', multiple: true, default: ['http://127.0.0.1:8090'] },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: node idp/server.mjs [--host 127.0.0.1] [--port 8091] [--console http://127.0.0.1:8090 ...]');
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, not “${values.port}”`);
    process.exit(2);
  }
  const { issuer, close } = await startProvider({ host: values.host, port, consoles: values.console });
  console.log(`ready ${issuer}`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
