// A classroom exercise played by both roles in two browser profiles: the teacher makes the
// exercise from their notes (the key) and saves it; the student opens the file, gives a name,
// annotates with the automatic highlights hidden, checks their work, and submits; the teacher
// scores the submission, and a changed copy of it is refused. A link carries the exercise too.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addNote, openAppEachTest, shots, watchConsole } from './helpers.mjs';

openAppEachTest(test, 'h1.article-title');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-exercise-'));

async function tagNote(page, body, tags) {
  const card = page.locator('.note-card', { hasText: body });
  await card.getByRole('button', { name: 'Edit note' }).click();
  await page.locator('#note-tags').fill(tags);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(card.locator('.tags .tag').first()).toBeVisible();
}

/** The teacher's key: two tagged passages, each with an explanation. */
async function makeKey(page) {
  await addNote(page, 'around 90 carriages', 'A number: check it against a second source.');
  await tagNote(page, 'A number: check it', 'claim');
  await addNote(page, 'South Korea’s Yonhap agency', 'A named source.');
  await tagNote(page, 'A named source.', 'source');
}

async function openExerciseDialog(page) {
  await page.locator('#toolbar-exercise').click();
  const dialog = page.getByRole('dialog', { name: 'Make an exercise' });
  await expect(dialog).toBeVisible();
  await dialog.locator('#exercise-title').fill('Spot the claims');
  await dialog.locator('#exercise-instructions').fill('Mark every checkable claim and every named source.');
  await dialog.locator('#exercise-task-1').check();
  return dialog;
}

test('the teacher makes an exercise, a student does it, the teacher scores it', async ({ page, browser }) => {
  await makeKey(page);
  const dialog = await openExerciseDialog(page);
  await dialog.locator('#exercise-feedback-immediate').check();
  await expect(dialog.locator('#exercise-key-summary')).toContainText('your 2 notes on this article (2 with an explanation)');
  await page.screenshot({ path: `${shots}/exercise-01-teacher-dialog.png` });
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.locator('#exercise-save').click()]);
  const exerciseFile = path.join(tmp, file.suggestedFilename());
  await file.saveAs(exerciseFile);
  const exercise = JSON.parse(fs.readFileSync(exerciseFile, 'utf8'));
  expect(exercise.glossa).toBe('exercise');
  expect(exercise.tasks).toEqual(['Mark every checkable claim', 'Mark every named source']);
  expect(exercise.settings).toEqual({ show_highlights: false, feedback: 'immediate' });
  expect(exercise.bundle.articles[0].notes).toHaveLength(2);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The student, in a browser profile of their own.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const student = await context.newPage();
  const errors = watchConsole(student);
  await student.goto('/');
  await student.locator('#toolbar-library').click();
  await student.locator('#file-input').setInputFiles(exerciseFile);
  const panel = student.getByRole('region', { name: 'Exercise' });
  await expect(panel).toContainText('Exercise: Spot the claims');
  await expect(panel).toContainText('Mark every checkable claim and every named source.');
  await expect(panel.locator('.exercise-tasks li')).toHaveCount(2);
  // The automatic highlights are hidden, and so is the key.
  await expect(student.locator('.legend')).toHaveCount(0);
  await expect(student.locator('#article .ent, #article .claim')).toHaveCount(0);
  await expect(student.getByRole('tab', { name: /Claims/ })).toHaveCount(0);
  await expect(student.locator('.note-card')).toHaveCount(0);

  // Submitting without a name is refused with the reason.
  await panel.locator('#exercise-submit').click();
  await expect(panel.getByRole('alert')).toContainText('Write your name first');
  await panel.locator('#student-name').fill('Ana');
  await panel.locator('#student-name').press('Tab');
  await addNote(student, 'around 90 carriages', 'a statistic');
  await tagNote(student, 'a statistic', 'claim');
  await addNote(student, 'restaurant car', 'maybe a claim');
  await panel.locator('#exercise-check').click();
  const feedback = panel.locator('#exercise-feedback');
  await expect(feedback).toContainText('1 found');
  await expect(feedback).toContainText('1 not in the key');
  await expect(feedback).toContainText('1 key item still to find');
  // Explanations wait for the submission.
  await expect(feedback).not.toContainText('A named source.');
  await student.screenshot({ path: `${shots}/exercise-02-student-check.png` });

  // The work survives a reload.
  await student.reload();
  await expect(student.locator('.note-card')).toHaveCount(2);
  await expect(student.locator('#student-name')).toHaveValue('Ana');

  const [submitted] = await Promise.all([
    student.waitForEvent('download'),
    student.locator('#exercise-submit').click(),
  ]);
  const submission = path.join(tmp, 'ana-submission.json');
  await submitted.saveAs(submission);
  await expect(student.locator('.exercise-panel')).toContainText('hand this file to your teacher');
  const after = student.locator('#exercise-feedback');
  await expect(after).toContainText('The key, with your teacher\'s explanations');
  await expect(after.locator('.key-item.found')).toContainText('A number: check it against a second source.');
  await expect(after.locator('.key-item.missed')).toContainText('A named source.');
  await student.screenshot({ path: `${shots}/exercise-03-student-submitted.png`, fullPage: true });
  expect(errors).toEqual([]);
  await context.close();

  // A copy of the submission changed by hand.
  const changed = path.join(tmp, 'changed.json');
  fs.writeFileSync(changed, fs.readFileSync(submission, 'utf8').replace('"Ana"', '"Eve"'));

  // The teacher scores both; the key is not touched by it.
  await page.locator('#score-files').setInputFiles([submission, changed]);
  const results = page.getByRole('dialog', { name: /Class results/ });
  await expect(results).toContainText('1 student against 2 key items');
  await expect(results.locator('tbody tr', { hasText: 'Ana' }).locator('td').nth(1)).toHaveText('1'); // found
  await expect(results).toContainText('changed.json: it was changed after Glossa wrote it');
  await page.screenshot({ path: `${shots}/exercise-04-teacher-scores.png` });
  await results.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.note-card')).toHaveCount(2);

  // The teacher opening their own exercise file is told to use another profile; the key
  // stays as it was.
  await page.locator('#toolbar-library').click();
  await page.locator('#file-input').setInputFiles(exerciseFile);
  await expect(page.locator('.notice.error')).toContainText('To try it as a student, open it in another browser profile');
});

test('a link carries the exercise to a fresh browser', async ({ page, browser }) => {
  await makeKey(page);
  const dialog = await openExerciseDialog(page);
  await dialog.locator('#exercise-highlights').check();
  await dialog.locator('#exercise-link').click();
  const link = await dialog.locator('#exercise-link-text').inputValue();
  expect(link).toContain('#exercise=');
  expect(link.length).toBeLessThan(32 * 1024);
  // Printed for BENCHMARKS.md: how long the sample article's exercise link is.
  console.log(`exercise link for the sample article with a 2-note key: ${link.length} characters`);
  await page.screenshot({ path: `${shots}/exercise-05-link.png` });

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const student = await context.newPage();
  const errors = watchConsole(student);
  await student.goto(link);
  const panel = student.getByRole('region', { name: 'Exercise' });
  await expect(panel).toContainText('Exercise: Spot the claims');
  // The teacher chose to show the automatic highlights, and feedback only after submission.
  await expect(student.locator('.legend')).toBeVisible();
  await expect(panel.locator('#exercise-check')).toHaveCount(0);
  // The address no longer carries the exercise, so a reload does not open it again.
  await expect.poll(() => student.evaluate(() => location.hash)).toBe('');
  await student.reload();
  await expect(student.getByRole('region', { name: 'Exercise' })).toBeVisible();
  // A cut link says so.
  const cut = link.slice(0, link.length - 40);
  const other = await context.newPage();
  const otherErrors = watchConsole(other);
  await other.goto(cut);
  await expect(other.locator('.notice.error')).toContainText('The exercise link could not be opened');
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
  await context.close();
});

test('the detected claims can be accepted into the key in one undoable step', async ({ page }) => {
  await page.locator('#article[data-analysed="true"]').waitFor();
  await page.locator('#toolbar-exercise').click();
  const dialog = page.getByRole('dialog', { name: 'Make an exercise' });
  await expect(dialog.locator('#exercise-save')).toBeDisabled();
  const accept = dialog.locator('#exercise-accept-claims');
  const label = await accept.textContent();
  const n = Number(label.match(/Add (\d+) detected claims/)[1]);
  expect(n).toBeGreaterThan(3);
  await accept.click();
  await expect(dialog).toContainText(`Added ${n} detected claims to the key`);
  await expect(dialog.locator('#exercise-accept-claims')).toHaveCount(0);
  await expect(dialog.locator('#exercise-save')).toBeEnabled();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.note-card')).toHaveCount(n);
  await page.locator('#toolbar-undo').click();
  await expect(page.locator('.note-card')).toHaveCount(0);
});
