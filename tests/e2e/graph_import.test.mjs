// Settings › Data › "Import from Microsoft Graph" (issue 18, point 2) and the
// Graph JSON download (point 5): a pending request imported and accepted,
// an active relationship imported and seen on the partner page, a `created`
// one and a bad duration refused with nothing changed, and the link answer
// on Invitations leading here. axe-core checks each state it shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { assertNoProblems, assertAccessible, screenshot as fullPageShot } from './lib/browser.mjs';
import { freshPage, heading as h1, tabTo, exportData } from './lib/flows.mjs';
import { setUp } from './lib/setup.mjs';

async function screenshot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPageShot(page, name);
}

const app = setUp();
const fresh = (persona, path = 'settings/data') => freshPage(app.context, app.url, path, persona);

const ACCEPT_PAGE = 'Accept agreement & authorize partner';
const ACK_LABEL = 'I have read the Microsoft Customer Agreement and accept it on behalf of my organization.';
const TENANT = '4fdbff88-9d6b-42e0-9713-45c922ba8001';
const UNKNOWN_ROLE = '0f1e2d3c-0000-4000-8000-00000000abcd';
const id = (n) => `${n}1111111-2222-4333-8444-555555555555-${TENANT}`;

/** A relationship as Graph v1.0 returns it, with `@odata` annotations. */
function relationship(relId, status, { duration = 'P730D', end = '2027-06-01T00:00:00Z', created = new Date().toISOString() } = {}) {
  return {
    '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
    '@odata.etag': 'W/"JyIxMjMi"',
    id: relId,
    displayName: `Woodgrove ${status}`,
    duration,
    customer: { tenantId: TENANT, displayName: 'Woodgrove Bank' },
    accessDetails: {
      unifiedRoles: [
        { roleDefinitionId: '729827e3-9c14-49f7-bb1b-9608f156bbb8' },
        { roleDefinitionId: UNKNOWN_ROLE },
      ],
    },
    status,
    autoExtendDuration: 'PT0S',
    createdDateTime: created,
    activatedDateTime: status === 'approvalPending' ? null : created,
    endDateTime: status === 'approvalPending' ? null : end,
  };
}
const collection = (...value) => JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#tenantRelationships/delegatedAdminRelationships', value }, null, 2);

/** Pastes `json`, chooses the partner, and asks for the preview. */
async function previewImport(page, json, partner) {
  await page.getByLabel('Microsoft Graph JSON', { exact: true }).fill(json);
  if (partner.newName) {
    await page.getByLabel('Partner who sent it').selectOption({ label: 'A new partner…' });
    await page.getByLabel("New partner's name").fill(partner.newName);
  } else {
    await page.getByLabel('Partner who sent it').selectOption({ label: partner.existing });
  }
  await page.getByRole('button', { name: 'Preview import' }).click();
}

test('a pending request imported from Graph is reviewed and accepted on Accept & Authorize', async () => {
  const page = await fresh('global-admin');
  await h1(page, 'Data');
  await previewImport(page, collection(relationship(id(1), 'approvalPending', { duration: 'P180D' })), { newName: 'Woodgrove Partners' });
  const preview = page.getByTestId('graph-preview');
  await preview.waitFor();
  const said = await preview.innerText();
  assert.match(said, /1 relationship: 1 invitation to review/);
  assert.match(said, /an invitation to review, asking for 2 roles for 180 days/);
  assert.match(said, /New partner: Woodgrove Partners/);
  // The demo organization is another tenant: the preview warns.
  assert.match(said, new RegExp(`Warning: .*customer tenant ${TENANT} \\(Woodgrove Bank\\), not this organization`));
  await assertAccessible(page, 'the Graph import preview');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(page, 'the Graph import preview (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'graph-import-preview');
  await page.setViewportSize({ width: 375, height: 800 });
  await assertAccessible(page, 'the Graph import preview at 375 px');
  await screenshot(page, 'graph-import-preview-375');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Keyboard: Tab reaches Import, Enter imports.
  await tabTo(page, 'button', { text: 'Import' });
  await page.keyboard.press('Enter');
  const landed = page.getByTestId('graph-landed');
  await landed.waitFor();
  await screenshot(page, 'graph-import-landed');
  await landed.getByRole('link', { name: 'Review the invitation' }).click();

  await h1(page, ACCEPT_PAGE);
  assert.equal(new URL(page.url()).pathname, `/partners/invitation/${id(1)}`);
  const main = await page.locator('main').innerText();
  assert.match(main, /Woodgrove Partners/);
  assert.match(main, new RegExp(`Unknown role \\(${UNKNOWN_ROLE}\\)`));
  await page.getByLabel(ACK_LABEL).check();
  await page.waitForFunction(() => !document.querySelector('[data-testid=accept]').disabled);
  await page.getByRole('button', { name: 'Accept & Authorize' }).click();
  await h1(page, 'Partner relationships');
  await page.locator('.toast').filter({ hasText: 'Invitation accepted' }).waitFor();
  const saved = await page.evaluate(() => localStorage.getItem('partner-console.state'));
  assert.ok(saved.includes('Imported from Microsoft Graph a GDAP request to review: “Woodgrove approvalPending”'), 'the activity log says it in words');
  assertNoProblems(page);
  await page.close();
});

test('an active relationship imported from Graph is on the partner page with its end date', async () => {
  const page = await fresh('global-admin');
  await h1(page, 'Data');
  await previewImport(page, collection(relationship(id(2), 'active'), relationship(id(3), 'terminated', { duration: 'P30D', end: '2026-01-01T00:00:00Z', created: '2025-12-01T00:00:00Z' })), { existing: 'Contoso Cloud Partners' });
  const preview = page.getByTestId('graph-preview');
  await preview.waitFor();
  assert.match(await preview.innerText(), /2 relationships: 1 active relationship with 2 roles ending 2027-06-01, 1 to history/);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const landed = page.getByTestId('graph-landed');
  await landed.waitFor();
  await page.locator('.toast').filter({ hasText: 'Imported from Microsoft Graph' }).waitFor();
  await landed.getByRole('link', { name: "See it on the partner's page" }).click();
  await h1(page, 'Contoso Cloud Partners');
  const main = await page.locator('main').innerText();
  assert.match(main, /Woodgrove active/);
  assert.match(main, /2027-06-01|June 1, 2027|1 June 2027/);
  assert.match(main, /Woodgrove terminated/);
  assert.match(main, new RegExp(`Unknown role \\(${UNKNOWN_ROLE}\\)`));
  await assertAccessible(page, 'the partner page after a Graph import');
  await screenshot(page, 'graph-import-partner-page');

  // Download as Microsoft Graph JSON: Graph's collection, ours included.
  await page.goto(app.url + 'settings/data');
  await h1(page, 'Data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as Microsoft Graph JSON' }).click(),
  ]);
  const exported = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
  const mine = exported.value.find((r) => r.id === id(2));
  assert.equal(mine.status, 'active');
  assert.equal(mine.duration, 'P730D');
  assert.equal(mine.endDateTime, '2027-06-01T00:00:00Z');
  assert.deepEqual(mine.partner, { id: 'contoso-cloud', displayName: 'Contoso Cloud Partners' });
  assertNoProblems(page);
  await page.close();
});

test('a created relationship and a duration past two years are refused, and nothing changes', async () => {
  const page = await fresh('global-admin');
  await h1(page, 'Data');
  const before = await exportData(page);
  const alert = page.locator('#graph-import-error');

  const created = collection(relationship(id(4), 'active'), relationship(id(5), 'created'));
  await previewImport(page, created, { existing: 'Contoso Cloud Partners' });
  await alert.filter({ hasText: 'has not sent it to you yet' }).waitFor();
  assert.match(await alert.innerText(), /^Relationship 2 \(“.*”\): its status is “created”: the partner has not sent it to you yet\..*Nothing was imported\.$/);
  assert.equal(await page.getByTestId('graph-preview').count(), 0, 'no preview, no Import button');
  // What was pasted stays, to be fixed.
  assert.equal(await page.getByLabel('Microsoft Graph JSON', { exact: true }).inputValue(), created);
  assert.equal(await page.getByLabel('Microsoft Graph JSON', { exact: true }).getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'a created relationship refused');
  await screenshot(page, 'graph-import-created-refused');

  const tooLong = collection(relationship(id(6), 'active', { duration: 'P3Y' }));
  await previewImport(page, tooLong, { existing: 'Contoso Cloud Partners' });
  await alert.filter({ hasText: 'P3Y' }).waitFor();
  assert.equal(
    await alert.innerText(),
    `Relationship 1 (“${id(6).slice(0, 64)}…”): duration is P3Y, outside what Graph allows: access lasts from 1 day (P1D) to 2 years (P2Y). Nothing was imported.`,
  );
  await page.getByLabel('Microsoft Graph JSON', { exact: true }).fill('not json at all');
  await page.getByRole('button', { name: 'Preview import' }).click();
  await alert.filter({ hasText: "This isn't valid JSON" }).waitFor();

  const after = await exportData(page);
  assert.deepEqual(after.state.relationships, before.state.relationships);
  assert.deepEqual(after.state.invitations, before.state.invitations);
  assert.deepEqual(after.state.partners, before.state.partners);
  assertNoProblems(page);
  await page.close();
});

test("the invitation link answer leads to the Graph import when the console lacks the request", async () => {
  const page = await fresh('global-admin', 'partners/invitations');
  await h1(page, 'Invitations');
  const link = `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${id(7)}`;
  await page.getByLabel("Paste the link from your partner's email").fill(link);
  await page.getByRole('button', { name: 'Check link' }).click();
  const answer = page.getByTestId('partner-link-answer');
  const toImport = answer.getByRole('link', { name: "If you have the relationship's JSON from Microsoft Graph, import it" });
  await toImport.waitFor();
  await toImport.click();
  await h1(page, 'Data');
  assert.equal(new URL(page.url()).pathname, '/settings/data');
  await page.getByRole('heading', { level: 2, name: 'Import from Microsoft Graph' }).waitFor();

  // Imported, the same link now opens the request.
  await previewImport(page, collection(relationship(id(7), 'approvalPending')), { existing: 'Fabrikam IT Services' });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('graph-landed').waitFor();
  await page.goto(app.url + 'partners/invitations');
  await h1(page, 'Invitations');
  await page.getByLabel("Paste the link from your partner's email").fill(link);
  await page.getByRole('button', { name: 'Check link' }).click();
  await answer.getByRole('link', { name: 'Open the invitation from Fabrikam IT Services' }).waitFor();
  assertNoProblems(page);
  await page.close();
});
