// Export and import as people do it: notes made in one browser profile leave as files and
// come back in a fresh profile (another person's browser), with a preview first; a file that
// cannot be read changes nothing.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addNote, highlightedText, openAppEachTest, shots, watchConsole } from './helpers.mjs';

openAppEachTest(test, 'h1.article-title');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-e2e-'));

/** Exports the open article in the format whose label matches `label`; returns the file. */
async function exportAs(page, label, screenshot) {
  await page.locator('#toolbar-export').click();
  const dialog = page.getByRole('dialog', { name: /Export/ });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(label).check();
  if (screenshot) await page.screenshot({ path: `${shots}/${screenshot}` });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.locator('#export-download').click(),
  ]);
  const file = path.join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  await expect(dialog).toBeHidden();
  return file;
}

/** A fresh browser profile (nothing stored), with the app open and its console watched. */
async function freshProfile(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto('/');
  await expect(page.locator('h1.article-title')).toBeVisible();
  return { context, page, errors };
}

test('notes exported from one profile import into a fresh one, with a preview', async ({ page, browser }) => {
  // Profile A: a fact-checker's note with a name, tags, a verdict, evidence and a reply.
  await page.getByLabel('Your name on notes').fill('Ana Ruiz');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await addNote(page, 'around 90 carriages', 'Yonhap says about 90 <b>cars</b>');
  const card = page.locator('.note-card', { hasText: 'Yonhap says' });
  await card.getByRole('button', { name: 'Edit note' }).click();
  await page.locator('#note-tags').fill('numbers, train');
  await page.getByRole('button', { name: 'Save note' }).click();
  await card.getByLabel('Verdict').selectOption({ label: 'False' });
  await card.getByRole('button', { name: 'Add evidence' }).click();
  await page.getByLabel('Address').fill('https://en.yna.co.kr/view/train');
  await page.getByLabel('Title').fill('Yonhap on the train');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await card.getByRole('button', { name: 'Reply to note' }).click();
  await card.getByLabel('Reply').fill('Agreed.');
  await card.getByRole('button', { name: 'Post reply' }).click();
  await expect(card.locator('.reply')).toContainText('Agreed.');

  const w3c = await exportAs(page, 'W3C Web Annotation (JSON-LD)', 'exchange-01-export.png');
  const collection = JSON.parse(fs.readFileSync(w3c, 'utf8'));
  expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.total).toBe(2); // the note and its reply
  const [note, reply] = collection.first.items;
  expect(note.motivation).toBe('assessing');
  expect(note.creator.name).toBe('Ana Ruiz');
  const quote = note.target.selector.find((s) => s.type === 'TextQuoteSelector');
  const position = note.target.selector.find((s) => s.type === 'TextPositionSelector');
  expect(quote.exact).toBe('around 90 carriages');
  expect(reply.target).toBe(note.id);
  // Positions count code points of the article's text (the sample has curly quotes and
  // dashes but no astral characters before the note, so code points equal UTF-16 here).
  expect(position.end - position.start).toBe([...'around 90 carriages'].length);
  const reviews = JSON.parse(fs.readFileSync(await exportAs(page, 'ClaimReview (schema.org JSON-LD)'), 'utf8'));
  expect(reviews['@graph'][0].reviewRating.alternateName).toBe('False');
  expect(reviews['@graph'][0].url).toBe('https://en.yna.co.kr/view/train');
  const csv = fs.readFileSync(await exportAs(page, 'CSV spreadsheet'), 'utf8');
  expect(csv.split('\n')[0]).toBe('quote,start,end,type,note,tags,verdict,evidence,author,created,modified,id,prefix,suffix,reply_to');
  const report = fs.readFileSync(await exportAs(page, 'Fact-check report (printable web page)'), 'utf8');
  expect(report).toContain('Verdict: False');
  expect(report).toContain('&lt;b&gt;cars&lt;/b&gt;');

  // Profile B: a fresh browser imports the W3C file into the same article.
  const b = await freshProfile(browser);
  await expect(b.page.locator('.note-card')).toHaveCount(0);
  await b.page.locator('#import-file').setInputFiles(w3c);
  const preview = b.page.getByRole('dialog', { name: /Import/ });
  await expect(preview).toContainText('1 note and 1 reply in the file');
  await expect(preview).toContainText('1 new: 1 found in the text');
  await b.page.screenshot({ path: `${shots}/exchange-02-preview.png` });
  await preview.getByRole('button', { name: 'Import' }).click();
  const imported = b.page.locator('.note-card', { hasText: 'Yonhap says' });
  await expect(imported).toBeVisible();
  await expect(imported.locator('.note-body').first()).toHaveText('Yonhap says about 90 <b>cars</b>');
  await expect(imported.getByLabel('Verdict')).toHaveValue('false');
  await expect(imported.locator('.tags .tag')).toHaveText(['numbers', 'train']);
  await expect(imported.locator('.evidence a')).toHaveText('Yonhap on the train');
  await expect(imported.locator('.reply')).toContainText('Agreed.');
  await expect(imported.locator('.author').first()).toHaveText('Ana Ruiz');
  expect(await highlightedText(b.page, 'Yonhap says')).toBe('around 90 carriages');
  await b.page.screenshot({ path: `${shots}/exchange-03-imported.png` });

  // The import is one change: Undo takes it back whole, Redo brings it again.
  await expect(b.page.locator('#toolbar-undo')).toHaveAttribute('title', /Undo import/);
  await b.page.locator('#toolbar-undo').click();
  await expect(b.page.locator('.note-card')).toHaveCount(0);
  await b.page.locator('#toolbar-redo').click();
  await expect(b.page.locator('.note-card', { hasText: 'Yonhap says' })).toBeVisible();

  // Importing the same file again adds nothing.
  await b.page.locator('#import-file').setInputFiles(w3c);
  await expect(preview).toContainText('1 already here');
  await expect(preview).toContainText('Nothing new to import');
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(b.page.locator('.note-card')).toHaveCount(1);

  // The import survives a reload.
  await b.page.reload();
  await expect(b.page.locator('.note-card', { hasText: 'Yonhap says' })).toBeVisible();

  // Profile C: the CSV comes back too.
  const c = await freshProfile(browser);
  await c.page.locator('#import-file').setInputFiles(path.join(tmp, fs.readdirSync(tmp).find((f) => f.endsWith('.csv'))));
  await c.page.getByRole('dialog', { name: /Import/ }).getByRole('button', { name: 'Import' }).click();
  await expect(c.page.locator('.note-card', { hasText: 'Yonhap says' }).getByLabel('Verdict')).toHaveValue('false');

  expect(b.errors, 'console errors in profile B').toEqual([]);
  expect(c.errors, 'console errors in profile C').toEqual([]);
  await b.context.close();
  await c.context.close();
});

test('the whole library travels as one bundle to a fresh profile', async ({ page, browser }) => {
  await page.locator('#toolbar-library').click();
  await page.locator('#paste-box').fill('Bridge report\n\nThe new bridge is 300 metres long, officials said on Monday.');
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await expect(page.locator('h1.article-title')).toHaveText('Bridge report');
  await addNote(page, '300 metres long', 'Check the length');
  await page.locator('#toolbar-library').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#export-library').click(),
  ]);
  const bundle = path.join(tmp, download.suggestedFilename());
  await download.saveAs(bundle);
  expect(download.suggestedFilename()).toMatch(/^glossa-library-\d{4}-\d\d-\d\d\.glossa\.json$/);
  const content = JSON.parse(fs.readFileSync(bundle, 'utf8'));
  expect(content.articles.map((a) => a.title)).toContain('Bridge report');
  // The same library as one CSV, for a spreadsheet.
  await page.locator('#library-export-format').selectOption('csv');
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#export-library').click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^glossa-library-.*\.csv$/);
  const csvFile = path.join(tmp, csvDownload.suggestedFilename());
  await csvDownload.saveAs(csvFile);
  expect(fs.readFileSync(csvFile, 'utf8')).toContain('300 metres long');
  await page.screenshot({ path: `${shots}/exchange-07-library-export.png` });

  const b = await freshProfile(browser);
  await b.page.locator('#toolbar-library').click();
  await b.page.locator('#file-input').setInputFiles(bundle);
  await expect(b.page.locator('.status, .notices, [role=status]').filter({ hasText: 'Imported 1 new article and 1 note' }).first()).toBeVisible();
  const row = b.page.locator('tr', { hasText: 'Bridge report' });
  await expect(row.locator('td.col-num').first()).toHaveText('1');
  await b.page.screenshot({ path: `${shots}/exchange-04-library.png` });
  await row.getByRole('button', { name: 'Open Bridge report' }).click();
  await expect(b.page.locator('h1.article-title')).toHaveText('Bridge report');
  expect(await highlightedText(b.page, 'Check the length')).toBe('300 metres long');
  expect(b.errors, 'console errors in profile B').toEqual([]);
  await b.context.close();
});

test('a file that cannot be read changes nothing, and hostile text stays text', async ({ page }) => {
  await addNote(page, 'around 90 carriages', 'Mine');
  const broken = path.join(tmp, 'broken.jsonld');
  fs.writeFileSync(broken, '{"type": "AnnotationCollection", "first": {"items": [');
  await page.locator('#import-file').setInputFiles(broken);
  const dialog = page.getByRole('dialog', { name: /Import/ });
  await expect(dialog).toContainText('Nothing was imported');
  await expect(dialog).toContainText('is it complete?');
  await expect(dialog.getByRole('button', { name: 'Import' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.note-card')).toHaveCount(1);

  const hostile = path.join(tmp, 'hostile.json');
  fs.writeFileSync(hostile, JSON.stringify([
    { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://x.example/a/1', type: 'Annotation',
      body: [{ type: 'TextualBody', value: '<img src=x onerror="document.title=\'owned\'">' },
             { type: 'SpecificResource', purpose: 'linking', source: 'javascript:alert(1)' }],
      target: { selector: [{ type: 'TextQuoteSelector', exact: 'armoured train' },
                           { type: 'TextPositionSelector', start: 1e300, end: -1 }] } },
    { type: 'Annotation', id: 'x:2' },
  ]));
  await page.locator('#import-file').setInputFiles(hostile);
  await expect(dialog).toContainText('1 new');
  await expect(dialog).toContainText('2 items could not be read and are left out');
  await expect(dialog).toContainText('evidence “javascript:alert(1)” left out');
  await page.screenshot({ path: `${shots}/exchange-05-hostile.png` });
  await dialog.getByRole('button', { name: 'Import' }).click();
  const card = page.locator('.note-card', { hasText: 'onerror' });
  await expect(card).toBeVisible();
  await expect(card.locator('img')).toHaveCount(0);
  await expect(page).toHaveTitle('Glossa');
  await expect(page.locator('.note-card')).toHaveCount(2);
});

test('a note that differs from yours is shown, and replaced only when asked', async ({ page }) => {
  await addNote(page, 'around 90 carriages', 'My version');
  const file = await exportAs(page, 'W3C Web Annotation (JSON-LD)');
  const collection = JSON.parse(fs.readFileSync(file, 'utf8'));
  collection.first.items[0].body[0].value = 'Their version';
  const theirs = path.join(tmp, 'theirs.jsonld');
  fs.writeFileSync(theirs, JSON.stringify(collection));

  const dialog = page.getByRole('dialog', { name: /Import/ });
  await page.locator('#import-file').setInputFiles(theirs);
  await expect(dialog).toContainText('1 note differs from your version');
  await dialog.getByText('What differs').click();
  await expect(dialog).toContainText('Yours: My version');
  await expect(dialog).toContainText('The file\'s: Their version');
  await page.screenshot({ path: `${shots}/exchange-06-conflict.png` });
  // Keeping mine (the default) changes nothing.
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('.note-card .note-body')).toHaveText('My version');

  await page.locator('#import-file').setInputFiles(theirs);
  await dialog.getByLabel(/Replace my version of 1 note/).check();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('.note-card .note-body')).toHaveText('Their version');
  await page.reload();
  await expect(page.locator('.note-card .note-body')).toHaveText('Their version');
});

test('a file of annotations dropped on the reader opens the import preview', async ({ page }) => {
  await addNote(page, 'around 90 carriages', 'Dropped note');
  const file = await exportAs(page, 'CSV spreadsheet');
  await page.locator('.note-card').getByRole('button', { name: 'Delete note' }).click();
  await page.locator('.note-card').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.locator('.note-card')).toHaveCount(0);
  // Drop the file on the page, as from a file manager.
  const data = fs.readFileSync(file).toString('base64');
  const transfer = await page.evaluateHandle(({ data, name }) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name, { type: 'text/csv' }));
    return dt;
  }, { data, name: path.basename(file) });
  await page.dispatchEvent('#article', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('#article', 'drop', { dataTransfer: transfer });
  const dialog = page.getByRole('dialog', { name: /Import/ });
  await expect(dialog).toContainText('1 new: 1 found in the text');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('.note-card', { hasText: 'Dropped note' })).toBeVisible();
});
