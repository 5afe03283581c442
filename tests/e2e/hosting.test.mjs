// The build as a host serves it: minified and precompressed, through the
// backend with brotli/gzip and cache headers, without rewrite rules
// (404.html), under a sub-path, under its own strict CSP, and recovering
// visibly from a panic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from './lib/server.mjs';
import { startBackend } from './lib/backend.mjs';
import { DIST, DIST_UNDER_CONSOLE } from './lib/dist.mjs';
import { openPage, waitForApp, assertNoProblems, assertAccessible, screenshot } from './lib/browser.mjs';
import { setUp } from './lib/setup.mjs';

// Each test serves the build its own way: only the browser is shared.
const app = setUp({ dist: null });

/** A tag's attributes, quoted or not (a minified page has both). */
function attributes(tag) {
  const found = {};
  for (const m of tag.matchAll(/([^\s"'=<>\/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    found[m[1].toLowerCase()] ??= m[2] ?? m[3] ?? m[4] ?? '';
  }
  return found;
}

/** The content of the page's CSP meta tag. */
function metaPolicy(html) {
  for (const [, tag] of html.matchAll(/<meta\b([^>]*)>/gi)) {
    const attrs = attributes(tag);
    if (attrs['http-equiv']?.toLowerCase() === 'content-security-policy') return attrs.content;
  }
  return undefined;
}

/** The files of the build a browser downloads (not the .br/.gz copies). */
async function assets(dist) {
  return (await fs.readdir(dist)).filter((n) => /\.(html|js|css|wasm)$/.test(n));
}

/** One GET without decoding (fetch would decode the body itself). */
function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

function decode(reply) {
  switch (reply.headers['content-encoding']) {
    case 'br': return zlib.brotliDecompressSync(reply.body);
    case 'gzip': return zlib.gunzipSync(reply.body);
    case undefined: return reply.body;
    default: throw new Error(`unexpected encoding ${reply.headers['content-encoding']}`);
  }
}

test('the release build is minified: the page, the stylesheet, the script', async () => {
  const html = await fs.readFile(path.join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<!--/, 'comments are dropped');
  assert.doesNotMatch(html, /\n\s+</, 'no indentation between tags');
  const names = await fs.readdir(DIST);
  for (const name of names.filter((n) => /\.(css|js)$/.test(n))) {
    const text = await fs.readFile(path.join(DIST, name), 'utf8');
    assert.doesNotMatch(text, /\/\*\*|^\s*\/\//m, `${name}: no comments`);
    assert.ok(text.split('\n').length < 20, `${name}: ${text.split('\n').length} lines`);
  }
  assert.ok(names.some((n) => n.endsWith('.js')), 'the glue script is there');
});

test('the build leaves a .br and a .gz beside each file, each decoding to it', async () => {
  for (const name of await assets(DIST)) {
    const file = await fs.readFile(path.join(DIST, name));
    const br = await fs.readFile(path.join(DIST, `${name}.br`));
    const gz = await fs.readFile(path.join(DIST, `${name}.gz`));
    assert.ok(zlib.brotliDecompressSync(br).equals(file), `${name}.br`);
    assert.ok(zlib.gunzipSync(gz).equals(file), `${name}.gz`);
    assert.ok(br.length < file.length && gz.length < file.length, name);
  }
});

test('the backend sends each file brotli, gzip or plain as asked, with cache headers', async () => {
  const server = await startBackend({ dist: DIST });
  try {
    const names = await assets(DIST);
    assert.ok(names.some((n) => n.endsWith('.wasm')), names.join());
    for (const name of names) {
      const file = await fs.readFile(path.join(DIST, name));
      // Trunk's names carry a content hash: a new build has new names.
      const hashed = /-[0-9a-f]{8,16}(_bg)?\./.test(name);
      for (const [accept, encoding] of [['br', 'br'], ['gzip', 'gzip'], ['identity', undefined]]) {
        const reply = await rawGet(server.url + name, { 'accept-encoding': accept });
        const what = `${name} (${accept})`;
        assert.equal(reply.status, 200, what);
        assert.equal(reply.headers['content-encoding'], encoding, what);
        assert.ok(decode(reply).equals(file), `${what}: decodes to the file`);
        assert.match(reply.headers.vary ?? '', /accept-encoding/i, what);
        assert.equal(reply.headers['cache-control'],
          hashed ? 'public, max-age=31536000, immutable' : 'no-cache', what);
      }
    }
    // The pages and the app's settings are revalidated on every load; a deep
    // link gets the page itself, compressed.
    const index = await fs.readFile(path.join(DIST, 'index.html'));
    for (const route of ['', 'settings/partner-relationships', 'config.json']) {
      const reply = await rawGet(server.url + route, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(reply.status, 200, route);
      assert.equal(reply.headers['cache-control'], 'no-cache', route);
      if (route !== 'config.json') {
        assert.equal(reply.headers['content-encoding'], 'br', route);
        assert.ok(decode(reply).equals(index), route);
      }
    }
    // And the app runs from it under the header CSP, read from the
    // minified page.
    const page = await openPage(app.context);
    await page.goto(server.url + 'settings/partner-relationships');
    await waitForApp(page);
    assert.equal(await page.locator('main h1').innerText(), 'Partner relationships');
    assertNoProblems(page);
    await page.close();
  } finally {
    await server.stop();
  }
});

test('every inline script of the built page is covered by its CSP hash', async () => {
  for (const dist of [DIST, DIST_UNDER_CONSOLE]) {
    const html = await fs.readFile(path.join(dist, 'index.html'), 'utf8');
    const policy = metaPolicy(html);
    assert.ok(policy, `${dist}: no CSP meta`);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|__/);
    assert.match(policy, /object-src 'none'/);
    assert.match(policy, /base-uri 'none'/);
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter(([, attrs]) => !('src' in attributes(attrs)));
    assert.ok(inline.length > 0, 'Trunk writes an inline loader');
    for (const [, , body] of inline) {
      const hash = crypto.createHash('sha256').update(body, 'utf8').digest('base64');
      assert.ok(policy.includes(`'sha256-${hash}'`), `${dist}: inline script not covered`);
    }
    const notFound = await fs.readFile(path.join(dist, '404.html'), 'utf8');
    assert.equal(notFound, html, '404.html is the app itself');
  }
});

test('a host without rewrite rules serves a deep link through 404.html', async () => {
  const server = await serve({ dist: DIST, rewrite: false });
  const page = await openPage(app.context);
  const response = await page.goto(server.url + 'settings/partner-relationships');
  assert.equal(response.status(), 404);
  await waitForApp(page);
  assert.equal(await page.locator('main h1').innerText(), 'Partner relationships');
  // The only error allowed is the host's own 404 status for the document.
  assertNoProblems(page, ['404 (Not Found)']);
  await page.close();
  await server.close();
});

test('under a sub-path, links, reload and back stay under it', async () => {
  const server = await serve({ dist: DIST_UNDER_CONSOLE, prefix: '/console/' });
  const page = await openPage(app.context);
  await page.goto(server.url + 'billing');
  await waitForApp(page);
  assert.equal(await page.locator('main h1').innerText(), 'Billing');
  // One stylesheet for the whole app (scripts/build/post_build.py), so the
  // browser's six connections never make the wasm wait; every area's rules
  // are in it.
  const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => ({
    href: new URL(s.href).pathname,
    rules: s.cssRules.length,
  })));
  assert.equal(sheets.length, 1, JSON.stringify(sheets));
  assert.match(sheets[0].href, /^\/console\/app-[0-9a-f]{16}\.css$/);
  assert.ok(await page.evaluate(() => [...document.styleSheets[0].cssRules]
    .some((r) => r.selectorText?.includes('.vlist__row'))), 'directory rules are bundled');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/console/activity');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Billing' }).waitFor();
  assertNoProblems(page);
  await page.close();
  await server.close();
});

test('a panic shows the recovery panel, and its button reloads the console', async () => {
  const server = await serve({ dist: DIST });
  const page = await openPage(app.context);
  await page.goto(server.url + 'debug/panic');
  await page.getByRole('button', { name: 'Panic now' }).click();
  const panel = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
  await panel.waitFor({ state: 'visible' });
  await assertAccessible(page, 'the panic panel');
  await screenshot(page, 'panic');
  await page.getByRole('button', { name: 'Reload the console' }).click();
  await page.getByRole('button', { name: 'Panic now' }).waitFor();
  assert.equal(await panel.isVisible(), false);
  // The panic itself is logged to the console (that is the point); nothing else.
  assertNoProblems(page, ['deliberate panic', 'unreachable', 'RuntimeError']);
  await page.close();
  await server.close();
});
