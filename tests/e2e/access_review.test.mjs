// Settings › Review partner access as an admin uses it: reached and
// marked reviewed with the keyboard alone, printed as a clean report,
// downloaded as CSV (and the partner relationships too), and read-only for
// whoever may not sign the review off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { assertNoProblems, assertAccessible, screenshot } from './lib/browser.mjs';
import { freshPage, tabTo, focusedText, heading, reloadKeeps } from './lib/flows.mjs';
import { setUp } from './lib/setup.mjs';

const app = setUp();
const fresh = (path, persona) => freshPage(app.context, app.url, path, persona);
const PATH = 'settings/access-review';

/** Clicks `name` and reads the file the browser saves, as bytes. */
async function downloadFrom(page, name) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await fs.readFile(await download.path()) };
}

/** CSV text without its BOM, split into rows (cells may hold line breaks). */
function csvRows(bytes) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark for Excel');
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(text.endsWith('\r\n'), 'rows end with CRLF');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i += 1;
    } else assert.fail(`unquoted ${JSON.stringify(c)} in the CSV`);
  }
  return rows;
}

test('the review by keyboard alone: open it, Mark as reviewed, the last review names you', async () => {
  const page = await fresh('');
  await tabTo(page, 'a', { contains: 'Review partner access', max: 150 });
  await page.keyboard.press('Enter');
  await heading(page, 'Review partner access');
  assert.match(page.url(), /\/settings\/access-review$/);

  assert.equal(await page.getByTestId('last-review').innerText(), 'Not reviewed yet.');
  assert.equal(await page.getByTestId('review-due').getAttribute('data-overdue'), 'true');
  assert.match(await page.getByTestId('review-due').innerText(), /never been reviewed/);
  assert.equal(
    await page.getByTestId('review-summary').innerText(),
    '5 partners hold admin roles in your organization; 9 flags to look at.',
  );
  assert.equal(await page.getByTestId('review-partner').count(), 5);
  // Fabrikam's flags, each with its recommended action and its links.
  const fabrikam = page.getByTestId('review-partner').filter({ hasText: 'Fabrikam IT Services' });
  const flags = await fabrikam.getByTestId('review-flag').allInnerTexts();
  assert.equal(flags.length, 3);
  assert.match(flags[0], /^Global Administrator: Holds Global Administrator/);
  assert.match(flags[1], /legacy delegated admin roles .* They never end\./);
  assert.match(flags[2], /otherwise only a reseller/);
  assert.match(flags[0], /Recommended: /);
  assert.equal(await fabrikam.getByRole('link', { name: 'Remove roles' }).count(), 3);
  assert.match(await fabrikam.locator('tbody').innerText(), /Global Administrator\s+Privileged/);
  await assertAccessible(page, 'the review page');
  await screenshot(page, 'access-review');

  await tabTo(page, 'button', { text: 'Mark as reviewed' });
  await page.keyboard.press('Enter');
  await page.getByTestId('last-review').filter({ hasText: 'by Global Administrator' }).waitFor();
  assert.match(
    await page.getByTestId('last-review').innerText(),
    /^Last reviewed on \d{4}-\d\d-\d\d at \d\d:\d\d UTC by Global Administrator\.$/,
  );
  assert.equal(await page.getByTestId('review-due').getAttribute('data-overdue'), 'false');
  assert.match(await page.getByTestId('review-due').innerText(), /^Reviewed today\. The next review is due by /);
  assert.equal(await focusedText(page), 'Mark as reviewed', 'focus stays where it was');
  await assertAccessible(page, 'the review page after Mark as reviewed');
  await screenshot(page, 'access-review-marked');

  // Kept across a reload, and logged with who did it.
  await reloadKeeps(page, 'Review partner access');
  assert.match(await page.getByTestId('last-review').innerText(), /by Global Administrator\.$/);
  await page.goto(`${app.url}activity`);
  await heading(page, 'Activity');
  const row = page.locator('tr').filter({ hasText: 'Reviewed partner access: 5 partners with admin roles, 9 flags' });
  assert.match(await row.first().innerText(), /Global Administrator/);
  assertNoProblems(page);
  await page.close();
});

test('a review is overdue after 90 days: the page says so on day 91, not on day 90', async () => {
  const page = await fresh(PATH);
  await page.getByRole('button', { name: 'Mark as reviewed' }).click();
  await page.getByTestId('last-review').filter({ hasText: 'by Global Administrator' }).waitFor();
  const due = page.getByTestId('review-due');
  const date = page.getByTestId('demo-date');
  const step = async (name) => {
    const before = await date.innerText();
    await page.getByRole('button', { name, exact: true }).click();
    await page.waitForFunction(([el, was]) => el.textContent !== was, [await date.elementHandle(), before]);
  };
  for (let i = 0; i < 3; i += 1) await step('+30 days');
  // Day 90: still in time.
  assert.equal(await due.getAttribute('data-overdue'), 'false');
  assert.match(await due.innerText(), /^Reviewed 90 days ago\. The next review is due by /);
  await step('+1 day');
  // Day 91 now: overdue, in words, and the review is still named.
  assert.equal(await due.getAttribute('data-overdue'), 'true');
  assert.match(await due.innerText(), /^A review is overdue: the last one was 91 days ago, on \d{4}-\d\d-\d\d, and reviews are due every 90 days\.$/);
  assert.match(await due.getAttribute('class'), /notice--warning/);
  assert.match(await page.getByTestId('last-review').innerText(), /by Global Administrator\.$/);
  await assertAccessible(page, 'an overdue review');
  await screenshot(page, 'access-review-overdue');
  assertNoProblems(page);
  await page.close();
});

test('a flag\'s Remove roles link opens the partner\'s Admin roles', async () => {
  const page = await fresh(PATH);
  const fabrikam = page.getByTestId('review-partner').filter({ hasText: 'Fabrikam IT Services' });
  await fabrikam.getByRole('link', { name: 'Remove roles' }).first().click();
  await heading(page, 'Fabrikam IT Services');
  assert.match(page.url(), /\/settings\/partner-relationships\/fabrikam-it#partner-roles-heading$/);
  await page.getByRole('button', { name: 'Remove roles' }).waitFor();
  assertNoProblems(page);
  await page.close();
});

test('it prints as one clean report: no navigation, header or buttons, black on white', async () => {
  const page = await fresh(PATH);
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'access-review-print');
  for (const selector of ['.app-nav', '.app-header', '.breadcrumbs', '.toast-region']) {
    assert.equal(await page.locator(selector).isVisible(), false, `${selector} is not printed`);
  }
  const visibleButtons = await page.locator('button').evaluateAll(
    (buttons) => buttons.filter((b) => b.getClientRects().length > 0).length,
  );
  assert.equal(visibleButtons, 0, 'no button is printed');
  assert.equal(await page.getByRole('link', { name: 'Remove roles' }).first().isVisible(), false);
  // What the report is about, and every partner's block.
  assert.match(await page.getByTestId('review-for').innerText(), /^Adatum Corporation · partner admin access as of \d{4}-\d\d-\d\d/);
  assert.equal(await page.getByTestId('review-partner').count(), 5);
  assert.ok(await page.getByTestId('review-partner').first().isVisible());
  const colours = await page.evaluate(() => {
    const h2 = document.querySelector('.review-partner h2 a');
    return [getComputedStyle(h2).color, getComputedStyle(document.body).backgroundColor];
  });
  assert.deepEqual(colours, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  const keptTogether = await page.evaluate(() => getComputedStyle(document.querySelector('.review-partner')).breakInside);
  assert.equal(keptTogether, 'avoid');
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await page.locator('.app-nav').isVisible(), 'the screen keeps its navigation');
  await page.close();
});

test('the review downloads as CSV: BOM, header row, a row per role', async () => {
  const page = await fresh(PATH);
  const { name, bytes } = await downloadFrom(page, 'Download CSV');
  assert.match(name, /^partner-access-review-\d{4}-\d\d-\d\d\.csv$/);
  const rows = csvRows(bytes);
  assert.deepEqual(rows[0], [
    'Partner', 'Partner ID', 'Relationship types', 'Granted through', 'Role', 'Role id',
    'Privileged', 'Ends', 'Auto-extend', 'Flags', 'Recommended actions',
  ]);
  // 2 + 2 legacy roles, and 3 + 3 + 4 through GDAP.
  assert.equal(rows.length, 1 + 14);
  const northwind = rows.filter((r) => r[0] === 'Northwind Traders');
  assert.equal(northwind.length, 4);
  assert.ok(northwind.every((r) => r[3] === 'Northwind device and user management'));
  assert.match(rows.find((r) => r[0] === 'Fabrikam IT Services')[9], /^Global Administrator: Holds Global Administrator/);
  await page.getByText('The review was saved as a CSV file.').waitFor();
  assertNoProblems(page);
  await page.close();
});

test('Partner relationships download as CSV: one row per partner and role', async () => {
  const page = await fresh('settings/partner-relationships');
  const { name, bytes } = await downloadFrom(page, 'Download CSV');
  assert.match(name, /^partner-relationships-\d{4}-\d\d-\d\d\.csv$/);
  const rows = csvRows(bytes);
  assert.deepEqual(rows[0], [
    'Partner', 'Partner ID', 'Relationship types', 'Relationship', 'Role', 'Role id',
    'Privileged', 'Status', 'Ends', 'Auto-extend',
  ]);
  assert.equal(rows.length, 1 + 24);
  const litware = rows.filter((r) => r[0] === 'Litware Security');
  assert.deepEqual(litware.map((r) => r[7]), ['Terminated', 'Terminated']);
  assert.deepEqual(rows.find((r) => r[0] === 'Contoso Cloud Partners').slice(3, 5), ['No admin roles', '']);
  assertNoProblems(page);
  await page.close();
});

test('whoever may not sign it off reads, prints and downloads it, at 375 px too', async () => {
  const page = await fresh(PATH, 'billing-admin');
  assert.equal(await page.getByRole('button', { name: 'Mark as reviewed' }).count(), 0);
  assert.equal(
    await page.getByTestId('mark-not-allowed').innerText(),
    'To mark partner access as reviewed, you need to be a Global Administrator. You\'re signed in as Billing Administrator.',
  );
  assert.ok(await page.getByRole('button', { name: 'Download CSV' }).isVisible());
  assert.ok(await page.getByRole('button', { name: 'Print' }).isVisible());
  await page.setViewportSize({ width: 375, height: 812 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'nothing scrolls sideways at 375 px');
  await assertAccessible(page, 'the review page at 375 px for a Billing Administrator');
  await screenshot(page, 'access-review-375');
  assertNoProblems(page);
  await page.close();
});
