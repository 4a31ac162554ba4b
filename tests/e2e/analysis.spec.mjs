// The analysis as a reader meets it: coloured entities with a legend, the ranked claims,
// every mention of a person, page chrome dimmed, and one click from a claim to a note.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openAppEachTest, shots } from './helpers.mjs';

openAppEachTest(test, '#article .ent');

test('entities are coloured by type, named in text, and each type can be hidden', async ({ page }) => {
  const kim = page.locator('.ent-person', { hasText: 'Kim Jong Un' }).first();
  await expect(kim).toBeVisible();
  await expect(kim).toHaveAttribute('data-label', 'PERSON');
  await expect(kim).toHaveAttribute('title', /person/);
  await expect(page.locator('.ent-place', { hasText: 'Pyongyang' }).first()).toBeVisible();
  await expect(page.locator('.ent-date', { hasText: 'Monday evening' })).toBeVisible();
  await page.screenshot({ path: `${shots}/10-entities.png` });

  const chip = page.getByRole('button', { name: /^person \d+$/ });
  const count = Number((await chip.locator('.n').textContent()).trim());
  expect(count).toBeGreaterThan(10);
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('#article .ent-person')).toHaveCount(0);
  await expect(page.locator('#article .ent-place').first()).toBeVisible();
  await chip.click();
  await expect(page.locator('#article .ent-person').first()).toBeVisible();

  await page.getByRole('button', { name: 'type names' }).click();
  await expect(page.locator('#article')).not.toHaveClass(/show-labels/);
});

test('claims are listed by check-worthiness and one click makes a note on a claim', async ({ page }) => {
  await page.getByRole('tab', { name: /Claims/ }).click();
  const cards = page.locator('.claim-card');
  expect(await cards.count()).toBeGreaterThan(20);
  const scores = (await page.locator('.claim-card .score').allTextContents()).map(Number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  const stat = cards.filter({ hasText: 'around 90 carriages' });
  await expect(stat.locator('.badge.kind')).toHaveText('statistic');
  await expect(stat.locator('.cue-text')).toHaveText('around 90 carriages');
  await page.screenshot({ path: `${shots}/11-claims.png` });
  await expect(cards.filter({ hasText: 'is said to include' }).locator('.badge.warn')).toHaveText('hedged');

  await stat.getByRole('button', { name: 'Add note on this claim' }).click();
  await expect(page.locator('#note-text')).toBeFocused();
  await expect(page.locator('.note-editor .note-quote')).toContainText('around 90 carriages');
  await page.locator('#note-text').fill('Which outlet? Ask for the source.');
  await page.keyboard.press('Control+Enter');
  const card = page.locator('.note-card', { hasText: 'Which outlet?' });
  await expect(card).toBeVisible();
  await expect(card.locator('.note-quote')).toContainText('According to one South Korean news outlet');
  await page.reload();
  await expect(page.locator('.note-card', { hasText: 'Which outlet?' })).toBeVisible();
});

test('clicking a claim in the article shows it in the Claims panel', async ({ page }) => {
  await page.locator('#article .claim', { hasText: 'military personnel will march' }).first().click();
  await expect(page.getByRole('tab', { name: /Claims/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.claim-card.focused')).toContainText('Tens of thousands of military personnel');
});

test('clicking a mention shows every mention of that person', async ({ page }) => {
  await page.locator('#article .ent-person', { hasText: /^Putin$/ }).first().click();
  const card = page.locator('.entity-card');
  await expect(card.locator('.entity-name')).toHaveText('Vladimir Putin');
  await expect(card).toContainText(/person · .* · [2-9] mentions/);
  expect(await page.locator('#article .ent-focus').count()).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: `${shots}/12-entity.png` });
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.entity-card')).toHaveCount(0);
  await expect(page.locator('#article .ent-focus')).toHaveCount(0);
});

test('page chrome is dimmed and marked, not counted as a claim', async ({ page }) => {
  const chrome = page.locator('#article p.chrome-block', { hasText: 'Source link' });
  await expect(chrome).toBeVisible();
  await expect(page.locator('#article p.chrome-block', { hasText: 'Visited 1 times' })).toBeVisible();
  await expect(chrome.locator('.claim')).toHaveCount(0);
  // Dimmed by a grey that keeps AA contrast, in the smaller interface font.
  const style = await chrome.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).fontSize]);
  expect(style[0]).toBe('rgb(91, 91, 99)');
  expect(parseFloat(style[1])).toBeLessThan(18);
});

test('a long article is analysed off the page thread, with the same findings', async ({ page }) => {
  // About 230 KB: over the size the page hands to the analysis worker (OFF_THREAD_BYTES).
  const sample = fs.readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8');
  const parts = ['A long article'];
  for (let i = 1; parts.join('\n\n').length < 230_000; i++) parts.push(`Part ${i}`, sample);
  const text = parts.join('\n\n');
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.locator('#toolbar-library').click();
  await page.locator('#paste-box').evaluate((box, value) => { box.value = value; }, text);
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await expect(page.locator('#article[data-analysed="true"]')).toBeVisible();
  await expect(page.locator('#article .ent').first()).toBeVisible();
  expect(workers.some((url) => url.endsWith('/analysis-worker.js'))).toBe(true);
  // What the worker found is what the page finds itself, type by type.
  const shown = (await page.locator('.legend .n').allTextContents()).map(Number);
  const total = shown.reduce((a, b) => a + b, 0);
  expect(total).toBe(await page.evaluate((t) => window.glossaBench.analyze(t), text));
  await expect(page.locator('.ent-person', { hasText: 'Kim Jong Un' }).first()).toBeVisible();
  await page.locator('.article-end[data-complete="true"]').waitFor({ state: 'attached' });
  await page.screenshot({ path: `${shots}/14-long-article.png` });
});

test('a long article is still analysed when the worker cannot start', async ({ page }) => {
  await page.route('**/analysis-worker.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const sample = fs.readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8');
  const text = ['No worker', ...Array(45).fill(sample)].join('\n\n');
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.locator('#toolbar-library').click();
  await page.locator('#paste-box').evaluate((box, value) => { box.value = value; }, text);
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await expect(page.locator('#article[data-analysed="true"]')).toBeVisible();
  await expect(page.locator('.ent-person', { hasText: 'Kim Jong Un' }).first()).toBeVisible();
  const shown = (await page.locator('.legend .n').allTextContents()).map(Number);
  expect(shown.reduce((a, b) => a + b, 0)).toBe(await page.evaluate((t) => window.glossaBench.analyze(t), text));
  expect(warnings.some((w) => w.includes('analysing on the page'))).toBe(true);
});
