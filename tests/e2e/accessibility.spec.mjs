// Accessibility: axe-core (WCAG 2.1 A and AA rules) on the main views, with notes, verdicts,
// evidence and replies on screen. Any violation fails the test with its rule and elements.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { addNote, openAppEachTest } from './helpers.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

openAppEachTest(test, '#article[data-analysed="true"]');

async function violations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('the reader with the sample article, its notes list and the keyboard help', async ({ page }) => {
  await page.locator('details.shortcuts summary').click();
  expect(await violations(page)).toEqual([]);
});

test('a note with tags, a verdict, evidence and a reply, and the evidence form', async ({ page }) => {
  await page.getByLabel('Your name on notes').fill('Ana');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await addNote(page, 'around 90 carriages', 'Check the count');
  const card = page.locator('.note-card', { hasText: 'Check the count' });
  await card.getByRole('button', { name: 'Edit note' }).click();
  await page.locator('#note-tags').fill('numbers, source');
  await page.getByRole('button', { name: 'Save note' }).click();
  await card.getByLabel('Verdict').selectOption('false');
  await card.getByRole('button', { name: 'Add evidence' }).click();
  await page.getByLabel('Address').fill('https://example.org/report');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await card.getByRole('button', { name: 'Reply to note' }).click();
  await card.getByLabel('Reply').fill('Agreed.');
  await card.getByRole('button', { name: 'Post reply' }).click();
  await card.getByRole('button', { name: 'Add evidence' }).click();
  expect(await violations(page)).toEqual([]);
});

test('the claims list, an entity card and the All list', async ({ page }) => {
  await page.getByRole('tab', { name: /Claims/ }).click();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('tab', { name: /^All/ }).click();
  await page.locator('#article .ent-person').first().click();
  await expect(page.locator('.entity-card')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the library', async ({ page }) => {
  await page.locator('#toolbar-library').click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the Export, Import and class results dialogs', async ({ page }) => {
  await addNote(page, 'around 90 carriages', 'Check the count');
  await page.locator('#toolbar-export').click();
  const exportDialog = page.getByRole('dialog', { name: /Export/ });
  // The chosen format takes the focus; Tab goes round the dialog; Escape gives the focus back.
  await expect(exportDialog.getByLabel('W3C Web Annotation (JSON-LD)')).toBeFocused();
  expect(await violations(page)).toEqual([]);
  await exportDialog.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Tab');
  await expect(exportDialog.locator('input[type=radio]').first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(exportDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await exportDialog.getByLabel('CSV spreadsheet').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(exportDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(exportDialog).toBeHidden();
  await expect(page.locator('#toolbar-export')).toBeFocused();
  const file = `${test.info().outputDir}/notes.jsonld`;
  fs.mkdirSync(test.info().outputDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ type: 'AnnotationPage', items: [
    { id: 'x:1', type: 'Annotation', body: { type: 'TextualBody', value: 'Theirs' },
      target: { selector: { type: 'TextQuoteSelector', exact: 'armoured train' } } },
    { id: 'x:2', type: 'Annotation' },
  ] }));
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.getByRole('dialog', { name: /Import/ })).toContainText('1 new');
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  // The class results, scoring that file against the note.
  await page.locator('#score-files').setInputFiles(file);
  await expect(page.getByRole('dialog', { name: /Class results/ })).toContainText('1 student against 1 key item');
  expect(await violations(page)).toEqual([]);
});

test('the exercise maker, and the student view with its feedback', async ({ page, browser }) => {
  await addNote(page, 'around 90 carriages', 'A number to check');
  await page.locator('#toolbar-exercise').click();
  const dialog = page.getByRole('dialog', { name: 'Make an exercise' });
  await dialog.locator('#exercise-feedback-immediate').check();
  expect(await violations(page)).toEqual([]);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('#exercise-save').click()]);
  const file = `${test.info().outputDir}/exercise.glossa.json`;
  await download.saveAs(file);
  await page.keyboard.press('Escape');
  await expect(page.locator('#toolbar-exercise')).toBeFocused();

  const context = await browser.newContext();
  const student = await context.newPage();
  await student.goto('/');
  await student.locator('#toolbar-library').click();
  await student.locator('#file-input').setInputFiles(file);
  await student.locator('#student-name').fill('Ana');
  await addNote(student, 'restaurant car', 'maybe');
  await student.locator('#exercise-check').click();
  await expect(student.locator('#exercise-feedback')).toContainText('1 not in the key');
  expect(await violations(student)).toEqual([]);
  await student.locator('#exercise-submit').click();
  await expect(student.locator('#exercise-feedback')).toContainText('You: missed');
  expect(await violations(student)).toEqual([]);
  await context.close();
});
