// The teacher's class results: a student annotates the article in their own browser and
// exports their notes; the teacher, whose notes on the same article are the answer key,
// scores that file with another student's CSV and a file for another text.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addNote, openAppEachTest, shots, watchConsole } from './helpers.mjs';

openAppEachTest(test, 'h1.article-title');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-class-'));

async function tagNote(page, body, tags) {
  const card = page.locator('.note-card', { hasText: body });
  await card.getByRole('button', { name: 'Edit note' }).click();
  await page.locator('#note-tags').fill(tags);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(card.locator('.tags .tag').first()).toBeVisible();
}

test('the teacher scores students’ files against their notes', async ({ page, browser }) => {
  // A student, in their own browser profile, marks two passages and exports them.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const student = await context.newPage();
  const errors = watchConsole(student);
  await student.goto('/');
  await student.getByLabel('Your name on notes').fill('Sam');
  await student.getByRole('button', { name: 'Save', exact: true }).click();
  await addNote(student, 'around 90 carriages', 'a number to check');
  await tagNote(student, 'a number to check', 'claim');
  await addNote(student, 'restaurant car', 'not a claim really');
  await student.locator('#toolbar-export').click();
  await student.getByRole('dialog', { name: /Export/ }).getByLabel('W3C Web Annotation (JSON-LD)').check();
  const [download] = await Promise.all([
    student.waitForEvent('download'),
    student.locator('#export-download').click(),
  ]);
  const samFile = path.join(tmp, 'sam.jsonld');
  await download.saveAs(samFile);
  expect(errors).toEqual([]);
  await context.close();

  // Another student's CSV (found one key item partly), and a file for another article.
  const kimFile = path.join(tmp, 'kim.csv');
  fs.writeFileSync(kimFile, 'quote,start,end,type,note,tags,verdict,evidence,author\n'
    + '"South Korea’s Yonhap",,,note,,source,,,Kim\n');
  const otherFile = path.join(tmp, 'other.jsonld');
  fs.writeFileSync(otherFile, JSON.stringify({ type: 'AnnotationPage', items: [{ id: 'x:1', type: 'Annotation',
    target: { source: 'urn:sha256:0000', selector: { type: 'TextQuoteSelector', exact: 'Beijing' } } }] }));

  // The teacher's key: three tagged passages on the same article.
  await addNote(page, 'around 90 carriages', 'key: the carriage count');
  await tagNote(page, 'key: the carriage count', 'claim');
  await addNote(page, 'South Korea’s Yonhap agency', 'key: the source');
  await tagNote(page, 'key: the source', 'source');
  await addNote(page, 'since 1959', 'key: the history claim');
  await tagNote(page, 'key: the history claim', 'claim');

  await page.locator('#score-files').setInputFiles([samFile, kimFile, otherFile]);
  const dialog = page.getByRole('dialog', { name: /Class results/ });
  await expect(dialog).toContainText('2 students against 3 key items');
  const sam = dialog.locator('tbody tr', { hasText: 'Sam' });
  await expect(sam.locator('td .num')).toHaveText('33'); // 1 of 3 found
  await expect(sam.locator('td').nth(4)).toHaveText('1'); // one extra mark
  const kim = dialog.locator('tbody tr', { hasText: 'Kim' });
  await expect(kim.locator('td').nth(2)).toHaveText('1'); // partly found
  await expect(dialog.locator('.key-items li').first()).toContainText('1 of 2');
  await expect(dialog).toContainText('other.jsonld: it annotates another text');
  await page.screenshot({ path: `${shots}/class-01-results.png` });

  const [csv] = await Promise.all([page.waitForEvent('download'), dialog.locator('#class-csv').click()]);
  const csvFile = path.join(tmp, csv.suggestedFilename());
  await csv.saveAs(csvFile);
  const lines = fs.readFileSync(csvFile, 'utf8').split('\n');
  expect(lines[0]).toMatch(/^student,score,found,partly_found,missed,extra/);
  expect(lines.some((l) => l.startsWith('Sam,33.3,1,0,2,1'))).toBe(true);
});
