// Steps the flow tests share: a page on fresh demo data, signed in as a
// persona, and moving through a page with the keyboard alone.
import fs from 'node:fs/promises';
import assert from 'node:assert/strict';
import { openPage, waitForApp } from './browser.mjs';

/**
 * A new page in `context` on fresh demo data (storage cleared), signed in
 * as `persona`, showing `url + path`. With `clearSession`, sessionStorage
 * is cleared too, so the app forgets which backend it found on first load.
 */
export async function freshPage(context, url, path = '', persona = 'global-admin', { clearSession = false } = {}) {
  const page = await openPage(context);
  await page.goto(url);
  await waitForApp(page);
  await page.evaluate(([p, session]) => {
    localStorage.clear();
    if (session) sessionStorage.clear();
    localStorage.setItem('partner-console.persona', p);
  }, [persona, clearSession]);
  await page.goto(url + path);
  await waitForApp(page);
  return page;
}

/** Waits for the page's level-1 heading to read `name`. */
export async function heading(page, name, { timeout = 10000 } = {}) {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout });
}

/** Reloads and waits for the page to show the level-1 heading `name` again. */
export async function reloadKeeps(page, name, options) {
  await page.reload();
  await waitForApp(page);
  await heading(page, name, options);
}

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element matches
 * `selector` and, if given, its trimmed text is `text` (or its text
 * includes `contains`). Fails if `max` presses never get there: the
 * element is not reachable by keyboard.
 */
export async function tabTo(page, selector, { back = false, max = 120, text, contains } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const here = await page.evaluate(
      ([s, t, c]) => {
        const el = document.activeElement;
        return !!el && el.matches(s)
          && (t == null || el.textContent.trim() === t)
          && (c == null || el.textContent.includes(c));
      },
      [selector, text ?? null, contains ?? null],
    );
    if (here) return;
  }
  const wanted = text ?? contains;
  assert.fail(`Tab never reached ${selector}${wanted ? ` reading “${wanted}”` : ''}`);
}

/** Selects Export data on Settings › Data and returns the file, parsed. */
export async function exportData(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export data' }).click(),
  ]);
  return JSON.parse(await fs.readFile(await download.path(), 'utf8'));
}

/** The focused element's trimmed text. */
export const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/**
 * Fills the contact form with a valid request (Avery Howard of Contoso,
 * Berlin), with `email` and `needs` as given.
 */
export async function fillContactForm(page, { email = 'avery@contoso.com', needs }) {
  await page.getByLabel('Country/region').selectOption({ label: 'Germany' });
  await page.getByLabel('City').fill('Berlin');
  await page.getByLabel('First name').fill('Avery');
  await page.getByLabel('Last name').fill('Howard');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Organization size').selectOption({ label: '50-249 employees' });
  await page.getByLabel('Organization name').fill('Contoso Ltd');
  await page.getByLabel('Industry focus').selectOption({ label: 'Healthcare' });
  await page.getByLabel('Business needs').fill(needs);
}
