// Real partner data in server mode (issue 18): served by crates/backend,
// a Graph import, Mark as reviewed and the CSV download go through the API
// and land on the server, where a reload (or another admin) finds them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { onFreshServer } from './lib/backend.mjs';
import { assertNoProblems } from './lib/browser.mjs';
import { freshPage, heading, reloadKeeps } from './lib/flows.mjs';
import { setUp } from './lib/setup.mjs';

const app = setUp({ dist: null });
const TENANT = '6f1d2c3b-4a59-4e8d-9c7b-2a1e0f3d5b6c';
const RELATIONSHIP = `9a8b7c6d-1111-4222-8333-444455556666-${TENANT}`;

// Pages served by the backend load their data over HTTP.
const h1 = (page, name) => heading(page, name, { timeout: 15000 });

const signedIn = (server, path) => freshPage(app.context, server.url, path, 'global-admin', { clearSession: true });

test('a GDAP request imported from Graph on a server-backed console is on the server and on Invitations', async () => {
  await onFreshServer(async (server) => {
    const page = await signedIn(server, 'settings/data');
    await h1(page, 'Data');
    assert.match(await page.locator('body').innerText(), /Data on the server/);
    const graph = {
      value: [{
        id: RELATIONSHIP,
        displayName: 'Woodgrove helpdesk',
        duration: 'P180D',
        customer: { tenantId: TENANT, displayName: 'Adatum Corporation' },
        accessDetails: { unifiedRoles: [{ roleDefinitionId: '729827e3-9c14-49f7-bb1b-9608f156bbb8' }] },
        status: 'approvalPending',
        autoExtendDuration: 'PT0S',
        createdDateTime: new Date().toISOString(),
      }],
    };
    await page.getByLabel('Microsoft Graph JSON', { exact: true }).fill(JSON.stringify(graph));
    await page.getByLabel('Partner who sent it').selectOption({ label: 'A new partner…' });
    await page.getByLabel("New partner's name").fill('Woodgrove Partners');
    await page.getByRole('button', { name: 'Preview import' }).click();
    const preview = page.getByTestId('graph-preview');
    await preview.waitFor();
    // Adatum's own tenant id: no warning.
    assert.doesNotMatch(await preview.innerText(), /Warning/);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('graph-landed').waitFor({ timeout: 15000 });

    const { body } = await server.state();
    const saved = JSON.stringify(body);
    assert.ok(saved.includes(`"id":"${RELATIONSHIP}"`), 'the request is in the server state');
    assert.ok(saved.includes('Woodgrove Partners'), 'with its new partner');

    await page.goto(server.url + 'partners/invitations');
    await h1(page, 'Invitations');
    await reloadKeeps(page, 'Invitations', { timeout: 15000 });
    assert.match(await page.locator('main').innerText(), /Woodgrove Partners/);
    assertNoProblems(page);
    await page.close();
  });
});

test('Mark as reviewed on a server-backed console is kept by the server, and the CSV downloads', async () => {
  await onFreshServer(async (server) => {
    const page = await signedIn(server, 'settings/access-review');
    await h1(page, 'Review partner access');
    assert.equal(await page.getByTestId('last-review').innerText(), 'Not reviewed yet.');
    await page.getByRole('button', { name: 'Mark as reviewed' }).click();
    await page.getByTestId('last-review').filter({ hasText: 'by Global Administrator' }).waitFor({ timeout: 15000 });

    const { body } = await server.state();
    assert.equal(body.state.lastAccessReview.by, 'globalAdministrator');

    await reloadKeeps(page, 'Review partner access', { timeout: 15000 });
    assert.match(await page.getByTestId('last-review').innerText(), /by Global Administrator\.$/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = await fs.readFile(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'a UTF-8 byte order mark for Excel');
    assert.match(csv, /Fabrikam IT Services/);
    assertNoProblems(page);
    await page.close();
  });
});
