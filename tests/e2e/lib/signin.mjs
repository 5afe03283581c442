// Sign-in mode end to end: the development identity provider (idp/) and
// the backend pointed at it, both on free loopback ports, and a person
// signing in through the provider's real sign-in page.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startBackend, freePort } from './backend.mjs';
import { openPage, waitForApp } from './browser.mjs';
import { freshPage, exportData } from './flows.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
export const CLIENT_SECRET = 'demo-console-secret';
export const PASSWORD = 'demo';
/** What every request the app makes carries (the contract's CSRF header). */
export const REQUESTED_WITH = { 'X-Requested-With': 'partner-console' };

/**
 * Starts `node idp/server.mjs --port <free> --console <consoleUrl>`;
 * resolves once it prints "ready <issuer>".
 */
export async function startProvider(consoleUrl) {
  const child = spawn(
    process.execPath,
    [path.join(root, 'idp', 'server.mjs'), '--port', '0', '--console', consoleUrl],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: root },
  );
  const log = [];
  const issuer = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the provider did not start: ${log.join('')}`)), 20000);
    child.stdout.on('data', (d) => {
      log.push(String(d));
      const ready = /ready (\S+)/.exec(log.join(''));
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    child.stderr.on('data', (d) => log.push(String(d)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the provider exited (${code}): ${log.join('')}`));
    });
  });
  return {
    issuer,
    log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The provider, then the backend in sign-in mode with the demo data for
 * Adatum. `url` is the console's origin (with a trailing slash), as the
 * browser must use it: the session cookie is for that host.
 */
export async function startSignInServer({ dist, demoData = true } = {}) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const provider = await startProvider(origin);
  let backend;
  try {
    backend = await startBackend({
      dist,
      port,
      flags: [
        '--oidc-issuer', provider.issuer,
        '--oidc-client-id', 'partner-console',
        '--public-url', origin,
        ...(demoData ? ['--demo-data'] : []),
      ],
      env: { PARTNER_CONSOLE_OIDC_CLIENT_SECRET: CLIENT_SECRET },
    });
  } catch (error) {
    await provider.stop();
    throw error;
  }
  return {
    url: backend.url,
    origin,
    issuer: provider.issuer,
    backend,
    async stop() {
      await backend.stop();
      await provider.stop();
    },
  };
}

/**
 * Runs `steps`, then drops from `page.problems` what pages of another
 * origin than `origin` logged meanwhile: the provider's own pages (its
 * missing favicon.ico) are not the console's to answer for.
 */
async function besideProvider(page, origin, steps) {
  const elsewhere = [];
  const listen = (msg) => {
    const from = msg.location()?.url || page.url();
    if (!from.startsWith(origin + '/')) elsewhere.push(`console ${msg.type()}: ${msg.text()}`);
  };
  page.on('console', listen);
  try {
    await steps();
  } finally {
    page.off('console', listen);
    if (page.problems) {
      page.problems = page.problems.filter((p) => {
        const i = elsewhere.indexOf(p);
        if (i < 0) return true;
        elsewhere.splice(i, 1);
        return false;
      });
    }
  }
}

/**
 * Signs `username` in with the demo password through the provider's own
 * sign-in page. The page may be on the console's sign-in page (its "Sign
 * in" or "Try again" is selected first) or already on the provider's.
 * Resolves when the console shows a page again.
 */
export async function signIn(page, username, { consoleOrigin } = {}) {
  const origin = consoleOrigin ?? new URL(page.url()).origin;
  await besideProvider(page, origin, async () => {
    if (new URL(page.url()).origin === origin) {
      await page.getByRole('link', { name: /^(Sign in|Try again)$/ }).click();
    }
    const email = page.getByLabel('Email');
    await email.waitFor({ timeout: 15000 });
    await email.fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.origin === origin, { timeout: 15000 }),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await waitForApp(page);
  });
}

/**
 * Selects Sign out in the console's header, confirms at the provider if
 * it asks, and resolves on the console's signed-out page.
 */
export async function signOut(page, origin) {
  await besideProvider(page, origin, async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin !== origin || url.pathname === '/signed-out', { timeout: 15000 });
    if (new URL(page.url()).origin !== origin) {
      // The provider's end-session page asks before it signs out there too.
      await page.getByRole('button', { name: 'Sign out' }).click();
    }
    await page.waitForURL((url) => url.origin === origin && url.pathname === '/signed-out', { timeout: 15000 });
    await waitForApp(page);
  });
}

/** GET `path` on the console with the browser's cookies, as the app asks. */
export async function apiGet(context, url, pathname) {
  const res = await context.request.get(new URL(pathname, url).href, { headers: REQUESTED_WITH });
  return { status: res.status(), body: await res.text(), etag: res.headers().etag };
}

/** `/auth/session`'s answer for Adatum's Global Administrator. */
export const ADMIN_SESSION = {
  user: { id: '0b6f3a8e-5c21-4d7f-9e14-6a2b8c0d3f51', name: 'Avery Howard', username: 'admin@adatum.example' },
  organization: { id: '6f1d2c3b-4a59-4e8d-9c7b-2a1e0f3d5b6c', name: 'Adatum Corporation' },
  role: 'Global Administrator',
  persona: 'global-admin',
};

const SIGN_IN_REQUIRED = {
  status: 401,
  contentType: 'application/problem+json',
  body: JSON.stringify({ type: 'about:blank', title: 'Sign in required', status: 401, code: 'signInRequired' }),
};

/**
 * A page of `context` whose server (the static build at `appUrl`) is
 * stood in for as a sign-in server: `/config.json` says `signIn`,
 * `/auth/session` answers `session` (none: 401), `/api/state` the demo
 * data, `/api/changes` its revision. `page.standIn.signOut()` ends the session: from then on every
 * answer is 401. `page.standIn.requests` lists what the app sent.
 * For the app's side alone; signin.test.mjs runs the real server.
 */
export async function standInPage(context, appUrl, session) {
  const demo = await freshPage(context, appUrl, 'settings/data');
  const state = JSON.stringify(await exportData(demo));
  await demo.close();
  const page = await openPage(context);
  const standIn = { signedIn: Boolean(session), requests: [] };
  page.standIn = standIn;
  standIn.signOut = () => { standIn.signedIn = false; };
  const at = (path) => (url) => url.pathname === path;
  const seen = (route) => {
    const request = route.request();
    standIn.requests.push({ method: request.method(), path: new URL(request.url()).pathname, headers: request.headers() });
  };
  await page.route(at('/config.json'), (r) => r.fulfill({ json: { backend: 'http', api: '/api', signIn: true } }));
  await page.route(at('/auth/session'), (r) => {
    seen(r);
    return standIn.signedIn ? r.fulfill({ json: session }) : r.fulfill(SIGN_IN_REQUIRED);
  });
  await page.route(at('/api/state'), (r) => {
    seen(r);
    return standIn.signedIn
      ? r.fulfill({ status: 200, headers: { etag: '"1"' }, contentType: 'application/json', body: state })
      : r.fulfill(SIGN_IN_REQUIRED);
  });
  // Live updates: the state's one revision, then the stream ends (the
  // browser opens it again a few seconds later). EventSource sends no
  // custom header, so it is not listed in `requests`.
  await page.route(at('/api/changes'), (r) => (standIn.signedIn
    ? r.fulfill({ status: 200, contentType: 'text/event-stream', body: 'id: 1\nevent: change\ndata: {"revision":1}\n\n' })
    : r.fulfill(SIGN_IN_REQUIRED)));
  await page.route(at('/api/commands'), (r) => {
    seen(r);
    // Only the signed-out case is stood in for; a real write needs the real server.
    return standIn.signedIn
      ? r.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"code":"unavailable"}' })
      : r.fulfill(SIGN_IN_REQUIRED);
  });
  return page;
}
