// Helpers for the end-to-end tests: select text with the mouse as a person does, and watch
// the console for errors.
import { expect } from '@playwright/test';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Scrolls `phrase` (its `occurrence`-th appearance in the article) to the middle of the
 * screen and returns the rectangles of its first and last character. */
async function phraseRects(page, phrase, occurrence = 0) {
  return page.evaluate(({ phrase, occurrence }) => {
    const root = document.querySelector('#article');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: text.length });
      text += n.data;
    }
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`phrase not in article: ${phrase}`);
    const locate = (offset) => {
      const hit = nodes.filter((n) => n.start <= offset).pop();
      return [hit.node, offset - hit.start];
    };
    locate(at)[0].parentElement.scrollIntoView({ block: 'center' });
    const rectOf = (offset, length) => {
      const range = document.createRange();
      const [n1, o1] = locate(offset);
      const [n2, o2] = locate(offset + length - 1);
      range.setStart(n1, o1);
      range.setEnd(n2, o2 + length);
      const r = [...range.getClientRects()].filter((c) => c.width > 0)[0];
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    };
    const firstLen = phrase.codePointAt(0) > 0xffff ? 2 : 1;
    const last = phrase.codePointAt(phrase.length - 1);
    const lastLen = phrase.length >= 2 && last >= 0xdc00 && last <= 0xdfff ? 2 : 1;
    return { first: rectOf(at, firstLen), last: rectOf(at + phrase.length - lastLen, lastLen) };
  }, { phrase, occurrence });
}

/** Drags the mouse across `phrase` in the article, from its first to its last character. */
export async function selectWithMouse(page, phrase, occurrence = 0) {
  // The analysis re-draws the text once, just after load: select after it, as it would
  // otherwise replace the text nodes under the selection.
  await page.locator('#article[data-analysed="true"]').waitFor();
  const { first, last } = await phraseRects(page, phrase, occurrence);
  await page.mouse.move(first.x + 1, first.y + first.h / 2);
  await page.mouse.down();
  await page.mouse.move((first.x + last.x) / 2, last.y + last.h / 2, { steps: 4 });
  await page.mouse.move(last.x + last.w - 1, last.y + last.h / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => String(getSelection()))).toBe(phrase);
}

/** Selects `phrase` and saves a note with `body` through the floating button. */
export async function addNote(page, phrase, body, occurrence = 0) {
  await selectWithMouse(page, phrase, occurrence);
  await page.locator('.selection-button').click();
  const editor = page.locator('#note-text');
  await expect(editor).toBeFocused();
  await editor.fill(body);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.note-card', { hasText: body })).toBeVisible();
}

/** The text of every highlight that belongs to the note whose card shows `body`. */
export async function highlightedText(page, body) {
  const id = await page.locator('.note-card', { hasText: body }).getAttribute('data-note');
  const marks = page.locator(`mark[data-notes~="${id}"]`);
  return (await marks.allTextContents()).join('');
}

/** Collects console errors and uncaught exceptions in the page, except those matching one of
 * the `expected` patterns (the browser's own report of a request the test makes fail). */
export function watchConsole(page, expected = []) {
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected.some((p) => p.test(m.text()))) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Screenshot folder of the e2e runs, target/screenshots. */
export const shots = fileURLToPath(new URL('../../target/screenshots', import.meta.url));
fs.mkdirSync(shots, { recursive: true });

/** Opens the app before each test, waits until `readySelector` is visible, and fails the test
 * on any console error but the `expected` ones. */
export function openAppEachTest(test, readySelector, expected = []) {
  let errors;
  test.beforeEach(async ({ page }) => {
    errors = watchConsole(page, expected);
    await page.goto('/');
    await expect(page.locator(readySelector).first()).toBeVisible();
  });
  test.afterEach(() => {
    expect(errors, 'console errors').toEqual([]);
  });
}
