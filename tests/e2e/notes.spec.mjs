// Whole flows, as a reader does them: read the sample, select, note, reload, edit, delete.
import { test, expect, chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addNote, highlightedText, openAppEachTest, selectWithMouse, shots } from './helpers.mjs';

const TITLE = 'North Korea’s Kim Jong Un leaves for China by armoured train';

openAppEachTest(test, 'h1.article-title');

test('the sample article opens as a readable page', async ({ page }) => {
  await expect(page).toHaveTitle('Glossa');
  await expect(page.locator('h1.article-title')).toHaveText(TITLE);
  expect(await page.locator('#article p').count()).toBeGreaterThan(20);
  await expect(page.locator('#article p').first()).toContainText('Getty Images Kim Jong Un clutching');
  await expect(page.locator('.empty-hint')).toContainText('Add note');
  await expect(page.locator('#toolbar-add-note')).toBeDisabled();
  await page.screenshot({ path: `${shots}/01-sample.png` });
});

test('a note on a mouse selection is highlighted, listed, and survives a reload', async ({ page }) => {
  await selectWithMouse(page, 'around 90 carriages');
  await expect(page.locator('.selection-button')).toBeVisible();
  await expect(page.locator('#toolbar-add-note')).toBeEnabled();
  await page.screenshot({ path: `${shots}/02-selection.png` });
  await page.locator('.selection-button').click();
  expect((await page.locator('mark.hl-draft').allTextContents()).join('')).toBe('around 90 carriages');
  await page.locator('#note-text').fill('Which outlet? Check the carriage count.');
  await page.screenshot({ path: `${shots}/03-editor.png` });
  await page.locator('#note-text').press('Control+Enter');
  await expect(page.locator('.note-card')).toHaveCount(1);
  expect(await highlightedText(page, 'Which outlet?')).toBe('around 90 carriages');
  await expect(page.getByRole('tab', { name: /Notes/ })).toHaveText('Notes 1');
  await page.screenshot({ path: `${shots}/04-saved.png` });

  await page.reload();
  await expect(page.locator('.note-card')).toHaveCount(1);
  expect(await highlightedText(page, 'Which outlet?')).toBe('around 90 carriages');
  await expect(page.locator('.note-card .note-quote')).toHaveText('around 90 carriages');
});

test('notes can be edited and deleted, and both changes persist', async ({ page }) => {
  await addNote(page, 'Tens of thousands of military personnel', 'first draft');
  const card = page.locator('.note-card', { hasText: 'first draft' });
  await card.getByRole('button', { name: 'Edit note' }).click();
  await expect(page.locator('#note-text')).toHaveValue('first draft');
  await page.locator('#note-text').fill('How many exactly? Source?');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.note-card .note-body')).toHaveText('How many exactly? Source?');
  await page.reload();
  await expect(page.locator('.note-card .note-body')).toHaveText('How many exactly? Source?');

  const edited = page.locator('.note-card', { hasText: 'How many exactly?' });
  await edited.getByRole('button', { name: 'Delete note' }).click();
  await expect(edited.getByText('Delete this note?')).toBeVisible();
  await edited.getByRole('button', { name: 'Keep' }).click();
  await expect(page.locator('.note-card')).toHaveCount(1);
  await edited.getByRole('button', { name: 'Delete note' }).click();
  await edited.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.locator('.note-card')).toHaveCount(0);
  await expect(page.locator('mark.hl')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('#article p').first()).toBeVisible();
  await expect(page.locator('.note-card')).toHaveCount(0);
});

test('overlapping highlights, and focus from highlight to note and back', async ({ page }) => {
  await addNote(page, 'the first time a North Korean leader', 'a first?');
  await addNote(page, 'North Korean leader has attended a Chinese military parade', 'since 1959?');
  expect(await highlightedText(page, 'a first?')).toBe('the first time a North Korean leader');
  expect(await highlightedText(page, 'since 1959?'))
    .toBe('North Korean leader has attended a Chinese military parade');
  const joined = async (selector) => (await page.locator(selector).allTextContents()).join('');
  expect(await joined('mark.hl-depth-2')).toBe('North Korean leader');
  // Cards in document order.
  await expect(page.locator('.note-card .note-body')).toHaveText(['a first?', 'since 1959?']);

  const firstId = await page.locator('.note-card', { hasText: 'a first?' }).getAttribute('data-note');
  await page.locator(`mark[data-notes="${firstId}"]`).first().click();
  await expect(page.locator('.note-card', { hasText: 'a first?' })).toHaveClass(/focused/);
  await page.locator('.note-card', { hasText: 'since 1959?' }).click();
  await expect.poll(() => joined('mark.hl-focused'))
    .toBe('North Korean leader has attended a Chinese military parade');
  await expect(page.locator('.note-card', { hasText: 'a first?' })).not.toHaveClass(/focused/);
  await page.screenshot({ path: `${shots}/05-overlap.png` });
});

test('keyboard: n opens the editor on the selection, Escape cancels, Ctrl+Enter saves', async ({ page }) => {
  await selectWithMouse(page, 'Victory Day');
  await page.keyboard.press('n');
  await expect(page.locator('#note-text')).toBeFocused();
  await page.keyboard.type('event name');
  await page.keyboard.press('Escape');
  await expect(page.locator('#note-text')).toHaveCount(0);
  await expect(page.locator('.note-card')).toHaveCount(0);

  await selectWithMouse(page, 'Victory Day');
  await page.locator('#toolbar-add-note').click();
  await page.keyboard.type('event name');
  await page.keyboard.press('Control+Enter');
  expect(await highlightedText(page, 'event name')).toBe('Victory Day');
  // The note's card is reachable from the keyboard: Space shows its passage, Enter edits it.
  await page.locator('.note-card').focus();
  await page.keyboard.press(' ');
  await expect(page.locator('.note-card')).toHaveClass(/focused/);
  await expect(page.locator('mark.hl-focused')).toHaveText('Victory Day');
  await page.keyboard.press('Enter');
  await expect(page.locator('#note-text')).toBeFocused();
  await expect(page.locator('#note-text')).toHaveValue('event name');
});

test('a full storage quota is reported and the note stays in the editor', async ({ page }) => {
  await selectWithMouse(page, 'Yonhap agency');
  await page.locator('.selection-button').click();
  await page.locator('#note-text').fill('Do not lose me');
  const filled = await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let n = 0;
    for (const size of [256 * 1024, 16 * 1024, 512, 8]) {
      const piece = chunk.slice(0, size);
      for (;;) {
        try { localStorage.setItem(`filler-${n++}`, piece); } catch { break; }
      }
    }
    return n;
  });
  expect(filled).toBeGreaterThan(10);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('alert')).toBeInViewport();
  await expect(page.getByRole('alert')).toContainText('not saved');
  await expect(page.getByRole('alert')).toContainText('full');
  await expect(page.locator('#note-text')).toHaveValue('Do not lose me');
  await expect(page.locator('.note-card')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/06-quota.png` });

  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
  });
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.note-card .note-body')).toHaveText('Do not lose me');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('unreadable stored notes are kept aside and reported, not overwritten', async ({ page }) => {
  await addNote(page, 'Robert Fico', 'Slovak PM');
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('glossa.v1.notes.')));
  expect(key).toBeTruthy();
  const garbage = '{"schema": 1, "document": "truncated';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, garbage]);
  await page.reload();
  await expect(page.getByRole('alert')).toBeInViewport();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await expect(page.getByRole('alert')).toContainText('kept under the storage key');
  const aside = await page.evaluate((k) => Object.keys(localStorage)
    .filter((x) => x.startsWith(`${k}.unreadable.`)).map((x) => localStorage.getItem(x)), key);
  expect(aside).toEqual([garbage]);
  await page.screenshot({ path: `${shots}/07-unreadable.png` });
  // New notes can be made; the copy kept aside is still there afterwards.
  await addNote(page, 'Robert Fico', 'again');
  const after = await page.evaluate((k) => Object.keys(localStorage)
    .filter((x) => x.startsWith(`${k}.unreadable.`)).map((x) => localStorage.getItem(x)), key);
  expect(after).toEqual([garbage]);
});

test('notes survive closing and reopening the browser', async ({ baseURL }, testInfo) => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-profile-'));
  const options = { ...testInfo.project.use.launchOptions, headless: true };
  let context = await chromium.launchPersistentContext(profile, options);
  let page = await context.newPage();
  await page.goto(baseURL);
  await addNote(page, 'Tiananmen Square', 'a landmark');
  await context.close();

  context = await chromium.launchPersistentContext(profile, options);
  page = await context.newPage();
  await page.goto(baseURL);
  await expect(page.locator('.note-card .note-body')).toHaveText('a landmark');
  expect(await highlightedText(page, 'a landmark')).toBe('Tiananmen Square');
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
});
