// Bringing articles in and keeping them: saved pages by file input and by drop, pasted rich
// text, a refused URL, bad files, the library's rename and delete with undo, and the
// Content-Security-Policy that keeps loaded pages from running anything.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openAppEachTest, shots, watchConsole } from './helpers.mjs';

const corpus = (name) => fileURLToPath(
  new URL(`../corpus/readability-test-pages/${name}/source.html`, import.meta.url));

// The browser itself logs the refused cross-origin fetch of the URL test as a console error.
openAppEachTest(test, '#article', [/blocked by CORS policy/, /net::ERR_FAILED/]);

async function openLibrary(page) {
  await page.locator('#toolbar-library').click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
}

/** Drags a file with `name` and `content` over the page, as from the desktop; then drops it
 * unless `hold` is set. */
async function dropFile(page, name, content, type, hold = false) {
  await page.evaluate(({ name, content, type, hold }) => {
    const data = new DataTransfer();
    data.items.add(new File([content], name, { type }));
    const target = document.querySelector('main, article, body');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    if (!hold) target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { name, content, type, hold });
}

test('the sample is in the library on first start', async ({ page }) => {
  await openLibrary(page);
  const row = page.locator('.articles tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Kim Jong Un leaves for China');
  await expect(row).toContainText('built-in sample');
  await expect(row.locator('.badge')).toHaveText('open');
  await expect(page.locator('#storage-usage')).toContainText('localStorage');
});

test('a saved page opened with the file input is extracted, kept, and listed after a reload', async ({ page }) => {
  await openLibrary(page);
  await page.locator('#file-input').setInputFiles(corpus('bbc-1'));
  await expect(page.locator('.doc-title')).toHaveText("Obama admits US gun laws are his 'biggest frustration'");
  const article = page.locator('#article');
  await expect(article).toContainText('President Barack Obama has admitted that his failure to pass');
  await expect(article).not.toContainText('Share this with');
  await expect(page.locator('.doc-source')).toHaveText('BBC News · 2015-07-24');
  await page.locator('#article[data-analysed="true"]').waitFor();
  await page.screenshot({ path: `${shots}/library-01-saved-page-opened.png` });

  await page.reload();
  await expect(page.locator('.doc-title')).toHaveText("Obama admits US gun laws are his 'biggest frustration'");
  await openLibrary(page);
  const row = page.locator('.articles tbody tr', { hasText: 'Obama admits' });
  await expect(row).toContainText('BBC News');
  await expect(row.locator('.col-num').nth(1)).not.toHaveText('–');
  await expect(page.locator('.articles tbody tr')).toHaveCount(2);
  await page.screenshot({ path: `${shots}/library-02-list.png` });
});

test('a saved page dropped on the window opens, and dropping it again is recognised', async ({ page }) => {
  const html = fs.readFileSync(corpus('wapo-1'), 'utf8');
  await dropFile(page, 'wapo.html', html, 'text/html', true);
  await expect(page.locator('.drop-overlay')).toHaveText('Drop to add to your library');
  await page.screenshot({ path: `${shots}/library-05-dragging.png` });
  await dropFile(page, 'wapo.html', html, 'text/html');
  await expect(page.locator('.drop-overlay')).toHaveCount(0);
  await expect(page.locator('.doc-title')).toHaveText('Attack stokes instability fears in North Africa');
  await expect(page.locator('#article')).toContainText('CAIRO — Gunmen opened fire on visitors at Tunisia’s most renowned museum');
  await openLibrary(page);
  await dropFile(page, 'wapo-again.html', html, 'text/html');
  await expect(page.getByRole('status').filter({ hasText: 'already in your library' })).toBeVisible();
  await page.reload();
  await openLibrary(page);
  await expect(page.locator('.articles tbody tr', { hasText: 'Attack stokes instability' })).toHaveCount(1);
});

test('rich text pasted from a web page is extracted like a page', async ({ page }) => {
  await openLibrary(page);
  await page.locator('#paste-box').focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/html', '<h1>Rail link opens</h1><p onclick="alert(1)">The new line carries 90,000 passengers a day, officials said on Monday.</p><script>alert(2)</script>');
    data.setData('text/plain', 'Rail link opens');
    document.querySelector('#paste-box').dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('#article')).toContainText('The new line carries 90,000 passengers a day');
  await expect(page.locator('#article')).not.toContainText('alert');
});

test('plain pasted text in Arabic opens right to left', async ({ page }) => {
  await openLibrary(page);
  await page.locator('#paste-box').fill('القطار المدرع\n\nوصل القطار المدرع إلى بكين بعد رحلة استمرت أربعا وعشرين ساعة.');
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await expect(page.locator('#article')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.doc-title')).toHaveText('القطار المدرع');
  await page.screenshot({ path: `${shots}/library-03-rtl.png` });
});

test('several files at once: good ones are added, bad ones get a clear message, nothing stored is lost', async ({ page }) => {
  await openLibrary(page);
  const line = 'The armoured train has around 90 carriages, according to Yonhap.\n';
  await page.locator('#file-input').setInputFiles([
    { name: 'story.md', mimeType: 'text/markdown', buffer: Buffer.from('# Two trains\n\nThe second train has 12 carriages.') },
    { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.from(line.repeat(Math.ceil(20 * 1024 * 1024 / line.length))) },
    { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]) },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9]) },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('') },
  ]);
  const alerts = page.getByRole('alert');
  await expect(alerts.filter({ hasText: 'photo.txt was not opened: it is not text' })).toBeVisible();
  await expect(alerts.filter({ hasText: 'latin1.txt was not opened: it is not UTF-8 text' })).toBeVisible();
  await expect(alerts.filter({ hasText: 'empty.txt was not opened: it is empty' })).toBeVisible();
  await expect(alerts.filter({ hasText: 'huge.txt was not opened: its text is too long (20.0 MB' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Added “Two trains”' })).toBeVisible();
  await expect(page.locator('.articles tbody tr')).toHaveCount(2);
  await page.screenshot({ path: `${shots}/library-04-bad-files.png` });
});

test('a URL the site will not serve to the browser says what to do instead', async ({ page }) => {
  await openLibrary(page);
  // Another origin (localhost, not 127.0.0.1) that sends no CORS headers, as most news sites.
  const other = new URL(page.url());
  other.hostname = 'localhost';
  await page.locator('#url-input').fill(new URL('/index.html', other).href);
  await page.getByRole('button', { name: 'Fetch' }).click();
  await expect(page.getByRole('alert')).toContainText('drop the saved file here');
  await expect(page.locator('.articles tbody tr')).toHaveCount(1);
});

test('a URL that allows it is fetched and extracted; a picture is refused with its type', async ({ page }) => {
  // Stand-ins for sites that send CORS headers (Playwright answers these requests).
  await page.route('https://news.example/**', (route) => {
    const picture = route.request().url().endsWith('.png');
    route.fulfill({
      status: 200,
      headers: { 'access-control-allow-origin': '*', 'content-type': picture ? 'image/png' : 'text/html; charset=utf-8' },
      body: picture ? Buffer.from([0x89, 0x50, 0x4e, 0x47]) : fs.readFileSync(corpus('wapo-1')),
    });
  });
  await openLibrary(page);
  await page.locator('#url-input').fill('news.example/world/attack.html');
  await page.getByRole('button', { name: 'Fetch' }).click();
  await expect(page.locator('.doc-title')).toHaveText('Attack stokes instability fears in North Africa');
  await openLibrary(page);
  const fetched = page.locator('.articles tbody tr', { hasText: 'Attack stokes' });
  await expect(fetched.locator('.col-site')).toContainText('Washington Post');
  await expect(fetched.locator('.origin')).toHaveText('https://news.example/world/attack.html');
  await page.locator('#url-input').fill('https://news.example/photo.png');
  await page.getByRole('button', { name: 'Fetch' }).click();
  await expect(page.getByRole('alert')).toContainText('the address gives image/png, not a web page');
  await page.screenshot({ path: `${shots}/library-06-fetched.png` });
});

test('rename, delete with undo, and a delete that sticks after reload', async ({ page }) => {
  await openLibrary(page);
  await page.locator('#file-input').setInputFiles(corpus('ars-1'));
  await expect(page.locator('.doc-title')).toContainText('Minecraft exploit');
  await openLibrary(page);
  const row = () => page.locator('.articles tbody tr', { hasText: 'Minecraft' });
  await row().getByRole('button', { name: /^Rename/ }).click();
  const input = page.getByRole('textbox', { name: 'New title' });
  // Keyboard first: the field has the focus with its text selected, so typing replaces it.
  await expect(input).toBeFocused();
  await page.keyboard.type('Minecraft servers crash');
  await page.keyboard.press('Enter');
  await expect(row().locator('.title')).toHaveText('Minecraft servers crash');
  await row().getByRole('button', { name: /^Rename/ }).click();
  await page.keyboard.type('Not this');
  await page.keyboard.press('Escape');
  await expect(row().locator('.title')).toHaveText('Minecraft servers crash');

  await row().getByRole('button', { name: /^Delete/ }).click();
  await expect(row()).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row()).toHaveCount(1);

  await row().getByRole('button', { name: /^Delete/ }).click();
  await expect(row()).toHaveCount(0);
  await page.reload();
  // The deleted article was the open one: the app starts in the library.
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(row()).toHaveCount(0);
  await expect(page.locator('.articles tbody tr')).toHaveCount(1);
});

test('two tabs adding articles keep both in the library', async ({ page }) => {
  const other = await page.context().newPage();
  await other.goto('/');
  await openLibrary(page);
  await openLibrary(other);
  await page.locator('#file-input').setInputFiles(corpus('bbc-1'));
  await expect(page.locator('.doc-title')).toContainText('Obama admits');
  await expect(other.locator('.articles tbody tr', { hasText: 'Obama admits' })).toHaveCount(1);
  await other.locator('#file-input').setInputFiles(corpus('ars-1'));
  await expect(other.locator('.doc-title')).toContainText('Minecraft');
  await openLibrary(page);
  await expect(page.locator('.articles tbody tr')).toHaveCount(3);
  await page.reload();
  await openLibrary(page);
  await expect(page.locator('.articles tbody tr')).toHaveCount(3);
  await other.close();
});

test('after deleting the open article, a reload shows the library, not the deleted article', async ({ page }) => {
  await openLibrary(page);
  await page.locator('.articles tbody tr').getByRole('button', { name: /^Delete/ }).click();
  await expect(page.locator('.articles tbody tr')).toHaveCount(0);
  await expect(page.locator('#back-to-article')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(page.locator('.articles caption')).toHaveText('0 articles');
  await expect(page.locator('#article')).toHaveCount(0);
});

test.describe('content security policy', () => {
  test('inline scripts and remote images are refused by the page itself', async ({ browser }) => {
    const page = await browser.newPage();
    const errors = watchConsole(page);
    await page.goto('/');
    await expect(page.locator('#article')).toBeVisible();
    expect(errors).toEqual([]);
    const refused = await page.evaluate(() => new Promise((resolve) => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        seen.push(e.effectiveDirective);
        if (seen.length === 2) resolve(seen.sort());
      });
      const script = document.createElement('script');
      script.textContent = 'window.ran = true';
      document.body.append(script);
      const img = document.createElement('img');
      img.src = 'https://tracker.example/pixel.png';
      document.body.append(img);
    }));
    expect(refused).toEqual(['img-src', 'script-src-elem']);
    expect(await page.evaluate(() => window.ran)).toBeUndefined();
    await page.close();
  });
});

test('a loading worker that cannot start is reported, and the text stays in the box', async ({ page }) => {
  await page.route('**/glossa-worker_loader.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await openLibrary(page);
  await page.locator('#paste-box').fill('Bridge report\n\nThe new bridge is 300 metres long.');
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'the loader stopped (its script did not load)' })).toBeVisible();
  await expect(page.locator('#paste-box')).toHaveValue(/300 metres long/);
});
