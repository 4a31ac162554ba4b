// Fact-checking flows: a name on notes, tags, verdicts with evidence, replies, search and
// filters, undo and redo, and going through claims with the keyboard alone.
import { test, expect } from '@playwright/test';
import { addNote, highlightedText, openAppEachTest, shots } from './helpers.mjs';

openAppEachTest(test, 'h1.article-title');

test('a note gets a name, tags, a verdict, evidence and a reply', async ({ page }) => {
  await page.getByLabel('Your name on notes').fill('Ana Ruiz');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.author-line')).toContainText('Notes signed Ana Ruiz');

  await addNote(page, 'around 90 carriages', 'Check the count');
  const card = page.locator('.note-card', { hasText: 'Check the count' });
  await expect(card.locator('.author')).toHaveText('Ana Ruiz');
  await card.getByRole('button', { name: 'Edit note' }).click();
  await page.locator('#note-tags').fill('numbers, Source ,numbers');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(card.locator('.tags .tag')).toHaveText(['numbers', 'Source']);

  await card.getByLabel('Verdict').selectOption({ label: 'Misleading' });
  await expect(card.getByLabel('Verdict')).toHaveValue('misleading');

  await card.getByRole('button', { name: 'Add evidence' }).click();
  await page.getByLabel('Address').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expect(card.locator('.form-error')).toContainText('http:// or https://');
  await page.getByLabel('Address').fill('https://en.yna.co.kr/view/train');
  await page.getByLabel('Title').fill('Yonhap on the train');
  await page.getByLabel('Quote').fill('about 90 cars');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  const link = card.locator('.evidence a');
  await expect(link).toHaveText('Yonhap on the train');
  await expect(link).toHaveAttribute('href', 'https://en.yna.co.kr/view/train');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(card.locator('.evidence .accessed')).toContainText(/accessed \d{4}-\d\d-\d\d/);

  await card.getByRole('button', { name: 'Reply to note' }).click();
  await card.getByLabel('Reply').fill('Yonhap says about 90, not around 90.');
  await card.getByRole('button', { name: 'Post reply' }).click();
  await expect(card.locator('.reply')).toContainText('Ana Ruiz');
  await expect(card.locator('.reply')).toContainText('Yonhap says about 90');
  await page.screenshot({ path: `${shots}/review-01-note.png` });

  // All of it survives a reload.
  await page.reload();
  const again = page.locator('.note-card', { hasText: 'Check the count' });
  await expect(again.getByLabel('Verdict')).toHaveValue('misleading');
  await expect(again.locator('.tags .tag')).toHaveText(['numbers', 'Source']);
  await expect(again.locator('.evidence a')).toHaveText('Yonhap on the train');
  await expect(again.locator('.reply')).toContainText('Yonhap says about 90');
  await expect(page.locator('.author-line')).toContainText('Ana Ruiz');
});

test('a verdict set on a claim makes one note; undo and redo take it back and forth', async ({ page }) => {
  await page.getByRole('tab', { name: /Claims/ }).click();
  const claim = page.locator('.claim-card', { hasText: 'around 90 carriages' }).first();
  await claim.getByLabel('Verdict').selectOption('false');
  await expect(page.getByRole('tab', { name: /Notes/ })).toHaveText('Notes 1');
  await claim.getByLabel('Verdict').selectOption('true');
  await expect(page.getByRole('tab', { name: /Notes/ })).toHaveText('Notes 1');
  await expect(claim.getByLabel('Verdict')).toHaveValue('true');
  // The claim's passage is highlighted as a note.
  await expect(page.locator('mark.hl').first()).toBeVisible();

  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(claim.getByLabel('Verdict')).toHaveValue('false');
  await expect(page.locator('#toolbar-redo')).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('tab', { name: /Notes/ })).toHaveText('Notes 0');
  await expect(page.locator('#toolbar-undo')).toBeDisabled();
  await page.locator('#toolbar-redo').click();
  await expect(claim.getByLabel('Verdict')).toHaveValue('false');
  await page.keyboard.press('Control+Shift+z');
  await expect(claim.getByLabel('Verdict')).toHaveValue('true');
  await expect(page.locator('#toolbar-undo')).toHaveAttribute('title', /Undo set verdict/);
  // Undone changes are stored too: a reload shows the last state.
  await page.reload();
  await page.getByRole('tab', { name: /Claims/ }).click();
  await expect(page.locator('.claim-card', { hasText: 'around 90 carriages' }).first().getByLabel('Verdict')).toHaveValue('true');
});

test('search and filters narrow the list; counts follow', async ({ page }) => {
  await addNote(page, 'around 90 carriages', 'Count the carriages');
  await addNote(page, 'Yonhap', 'Which outlet is this');
  const cards = page.locator('.note-card');
  await cards.filter({ hasText: 'Which outlet' }).getByLabel('Verdict').selectOption('unsupported');
  await page.getByRole('tab', { name: /^All/ }).click();
  await page.getByLabel('Search notes, claims and entities').fill('outlet');
  await expect(page.getByRole('tab', { name: /Notes/ })).toHaveText('Notes 1');
  await expect(page.locator('#panel-list .note-card')).toHaveCount(1);
  await page.getByLabel('Search notes, claims and entities').fill('');
  await page.locator('#filter-verdict').selectOption('unsupported');
  await expect(page.locator('#panel-list .note-card')).toHaveText([/Which outlet/]);
  await expect(page.getByRole('tab', { name: /Entities/ })).toHaveText('Entities 0');
  await page.locator('#filter-verdict').selectOption('*');
  await page.getByLabel('Search notes, claims and entities').fill('person');
  await expect(page.locator('#panel-list .entity-item').first()).toBeVisible();
  await expect(page.locator('#panel-list .note-card')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/review-02-search.png` });
  await page.getByLabel('Search notes, claims and entities').fill('nothing like this at all');
  await expect(page.locator('.empty-hint')).toHaveText('Nothing matches the search and filters.');
});

test('keyboard only: next claim, verdict, note, undo', async ({ page }) => {
  await page.locator('#article[data-analysed="true"]').waitFor();
  await page.keyboard.press(']');
  await expect(page.getByRole('tab', { name: /Claims/ })).toHaveAttribute('aria-selected', 'true');
  const first = page.locator('.claim-card.current');
  await expect(first).toBeFocused();
  const firstText = await first.locator('.claim-text').textContent();
  await page.keyboard.press(']');
  await expect(page.locator('.claim-card.current')).not.toHaveText(firstText ?? '');
  await page.keyboard.press('[');
  await expect(page.locator('.claim-card.current .claim-text')).toHaveText(firstText ?? '');
  // The article shows the claim the keyboard is on.
  await expect(page.locator('#article .claim-focus').first()).toBeVisible();
  await page.keyboard.press('v');
  await expect(page.locator('.claim-card.current select')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.claim-card.current select')).toHaveValue('true');
  await page.keyboard.press('Escape');
  await page.locator('.claim-card.current').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#note-text')).toBeFocused();
  await page.keyboard.type('Checked against the agency report.');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.note-card', { hasText: 'Checked against' })).toBeVisible();
  await page.locator('.note-card', { hasText: 'Checked against' }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.note-card', { hasText: 'Checked against' })).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(page.locator('details.shortcuts')).toHaveAttribute('open', '');
  await page.screenshot({ path: `${shots}/review-03-keyboard.png` });
});

test('re-importing an edited article carries its notes over and re-attaches them', async ({ page }) => {
  const v1 = [
    'Armoured train report',
    'The armoured train has arround 90 carriages, officials said on Monday.',
    'Kim left Pyongyang on Monday evening for the parade in Beijing.',
    'The parade marks the end of the war in 1945.',
  ].join('\n\n');
  const v2 = [
    'Armoured train report',
    'Editor’s note: this article was updated to correct a spelling.',
    'The armoured train has around 90 carriages, officials said on Monday.',
    'Kim left Pyongyang on Monday evening for the parade in Beijing.',
    'The commemoration ends the season.',
  ].join('\n\n');
  await page.locator('#toolbar-library').click();
  await page.locator('#paste-box').fill(v1);
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await expect(page.locator('.doc-title')).toHaveText('Armoured train report');
  await addNote(page, 'armoured train has arround 90 carriages', 'Count them');
  await addNote(page, 'Monday evening', 'When exactly?');
  await addNote(page, 'end of the war in 1945', 'Which war?');

  await page.locator('#toolbar-library').click();
  await page.locator('#paste-box').fill(v2);
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await expect(page.locator('#article')).toContainText('Editor’s note');
  await expect(page.getByRole('status').filter({ hasText: 'a newer version of an article in your library: its 3 notes came along' })).toBeVisible();
  const card = (text) => page.locator('.note-card', { hasText: text });
  await expect(card('Count them').locator('.badge')).toHaveText('passage edited');
  expect(await highlightedText(page, 'Count them')).toBe('armoured train has around 90 carriages');
  await expect(card('Count them').locator('.review')).toContainText('Now reads: armoured train has around 90 carriages');
  await expect(card('When exactly?').locator('.badge')).toHaveText('passage moved');
  // The third passage is gone: the note is kept, not attached to a look-alike.
  await expect(page.locator('.orphans')).toContainText('Which war?');
  await page.screenshot({ path: `${shots}/review-04-reimport.png` });
  // Confirming the passage re-attaches the note to the new words.
  await card('Count them').getByRole('button', { name: 'Confirm this is the right passage' }).click();
  await expect(card('Count them').locator('.badge')).toHaveCount(0);
  await expect(card('Count them').locator('.note-quote')).toHaveText('armoured train has around 90 carriages');
  // The earlier version is still in the library with its notes.
  await page.locator('#toolbar-library').click();
  await expect(page.locator('.articles tbody tr')).toHaveCount(3);
});

test('two tabs on one article keep each other’s notes', async ({ page, context }) => {
  const other = await context.newPage();
  await other.goto('/');
  await other.locator('#article[data-analysed="true"]').waitFor();
  await addNote(page, 'around 90 carriages', 'From the first tab');
  // The second tab was open all along: it sees the note, then adds its own.
  await expect(other.locator('.note-card', { hasText: 'From the first tab' })).toBeVisible();
  await addNote(other, 'Yonhap', 'From the second tab');
  await expect(page.locator('.note-card', { hasText: 'From the second tab' })).toBeVisible();
  // A verdict set in one tab shows in the other, and neither tab's note is lost.
  await other.locator('.note-card', { hasText: 'From the first tab' }).getByLabel('Verdict').selectOption('false');
  await expect(page.locator('.note-card', { hasText: 'From the first tab' }).getByLabel('Verdict')).toHaveValue('false');
  await page.reload();
  await expect(page.locator('.note-card')).toHaveCount(2);
  await other.close();
});

test('each article’s verdict list can be edited; verdicts in use are kept', async ({ page }) => {
  await addNote(page, 'around 90 carriages', 'Count them');
  const card = page.locator('.note-card', { hasText: 'Count them' });
  await page.locator('details.vocabulary summary').click();
  await page.getByLabel('New verdict').fill('Needs context');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await card.getByLabel('Verdict').selectOption({ label: 'Needs context' });
  await expect(page.getByRole('button', { name: 'Remove Needs context' })).toBeDisabled();
  await page.getByLabel('Name of the verdict False').fill('Wrong');
  await page.getByLabel('Name of the verdict False').press('Enter');
  await expect(card.getByLabel('Verdict').locator('option[value="false"]')).toHaveText('Wrong');
  await page.getByRole('button', { name: 'Remove Misleading' }).click();
  await expect(card.getByLabel('Verdict').locator('option[value="misleading"]')).toHaveCount(0);
  await page.getByLabel('New verdict').fill('wrong');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.locator('.vocabulary .form-error')).toContainText('already a verdict called');
  await page.reload();
  await expect(page.locator('.note-card', { hasText: 'Count them' }).getByLabel('Verdict')).toHaveValue('needs-context');
  await expect(page.locator('#filter-verdict option[value="false"]')).toHaveText('Wrong');
});

test('markup in an article’s text is shown as text, never run', async ({ page }) => {
  await page.locator('#toolbar-library').click();
  await page.locator('#paste-box').fill('Tags in text\n\nThe page said <img src=x onerror="window.pwned=1"> and <b>bold</b> & "quotes".');
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await expect(page.locator('#article')).toContainText('<img src=x onerror="window.pwned=1"> and <b>bold</b> & "quotes".');
  await expect(page.locator('#article img, #article b')).toHaveCount(0);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
});
