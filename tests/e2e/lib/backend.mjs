// Starts crates/backend (the debug build scripts/test.sh makes) on a free
// loopback port, over a fresh SQLite file, serving the release build.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { DIST } from './dist.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const target = process.env.CARGO_TARGET_DIR ?? path.join(root, 'target');
export const BACKEND_BIN = process.env.BACKEND_BIN ?? path.join(target, 'debug', 'backend');

export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, log) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the backend exited: ${log.join('')}`);
    try {
      const res = await fetch(url + 'health');
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the backend did not answer /health: ${log.join('')}`);
}

/**
 * @param {{dist: string, port?: number, db?: string, flags?: string[], env?: object}} options
 * A `port` and `db` from an earlier start bring the same server back;
 * `env` adds to the environment (e.g. a client secret).
 */
export async function startBackend({ dist, port, db, flags = [], env = {} }) {
  port ??= await freePort();
  db ??= path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'console-e2e-')), 'state.sqlite3');
  const url = `http://127.0.0.1:${port}/`;
  const log = [];
  const child = spawn(
    BACKEND_BIN,
    // Without a provider, the old X-Persona mode (tests only).
    ['--addr', `127.0.0.1:${port}`, '--dist', dist, '--db', db,
      ...(flags.includes('--oidc-issuer') ? [] : ['--demo-personas']), ...flags],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  await waitForHealth(url, child, log);
  return {
    url,
    port,
    db,
    /** The server's state, as the app would load it. */
    async state() {
      const res = await fetch(url + 'api/state');
      return { etag: res.headers.get('etag'), body: await res.json() };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs `steps` against a backend of its own over a new database, stopped after. */
export async function onFreshServer(steps) {
  const server = await startBackend({ dist: DIST });
  try {
    await steps(server);
  } finally {
    await server.stop();
  }
}

/** Another admin accepts `invitation` through the API, behind the open tab's back. */
export async function otherAdminAccepts(server, invitation, key) {
  const { etag } = await server.state();
  const res = await fetch(server.url + `api/invitations/${invitation}/accept`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-persona': 'global-admin',
      'idempotency-key': key,
      'if-match': etag,
    },
    body: JSON.stringify({ agreementAcknowledged: true }),
  });
  assert.equal(res.status, 200, await res.text());
}
